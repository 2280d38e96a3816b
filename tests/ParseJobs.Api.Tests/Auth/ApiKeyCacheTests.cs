using Microsoft.Extensions.Options;
using ParseJobs.Api.Auth;

namespace ParseJobs.Api.Tests.Auth;

public sealed class ApiKeyCacheTests
{
    private static readonly ApiKeyCache.ValidatedKey Key = new(Guid.NewGuid(), Guid.NewGuid(), [Scopes.JobsRead]);

    [Fact]
    public void TryGet_ReturnsKey_WhenSetWithinLifetime()
    {
        using var cache = Create(keyCacheSeconds: 5);
        var hash = ApiKeySecret.Hash(ApiKeySecret.Generate());

        cache.Set(hash, Key, revokedAt: null);

        Assert.True(cache.TryGet(hash, out var found));
        Assert.Equal(Key, found);
        Assert.False(cache.TryGet(ApiKeySecret.Hash(ApiKeySecret.Generate()), out _));
    }

    [Fact]
    public void TryGet_Misses_WhenKeyWasEvicted()
    {
        using var cache = Create(keyCacheSeconds: 5);
        var hash = ApiKeySecret.Hash(ApiKeySecret.Generate());
        cache.Set(hash, Key, revokedAt: null);

        cache.Evict(hash);

        Assert.False(cache.TryGet(hash, out _));
    }

    [Fact]
    public void Set_KeepsNothing_WhenCachingIsOff()
    {
        using var cache = Create(keyCacheSeconds: 0);
        var hash = ApiKeySecret.Hash(ApiKeySecret.Generate());

        cache.Set(hash, Key, revokedAt: null);

        Assert.False(cache.TryGet(hash, out _));
    }

    [Fact]
    public void Set_KeepsNothing_WhenRevocationTimeHasPassed()
    {
        using var cache = Create(keyCacheSeconds: 5);
        var hash = ApiKeySecret.Hash(ApiKeySecret.Generate());

        cache.Set(hash, Key, revokedAt: DateTimeOffset.UtcNow.AddSeconds(-1));

        Assert.False(cache.TryGet(hash, out _));
    }

    private static ApiKeyCache Create(int keyCacheSeconds) =>
        new(Options.Create(new AuthOptions { KeyCacheSeconds = keyCacheSeconds }), TimeProvider.System);
}
