using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.Options;

namespace ParseJobs.Api.Auth;

/// <summary>Validated API keys for a few seconds (<see cref="AuthOptions.KeyCacheSeconds"/>), keyed by the key's
/// SHA-256 hash, so that a polling client does not cost a PostgreSQL round trip on every request. Only keys that
/// were found valid are kept (unknown keys cannot fill it); revocation in this process evicts at once, revocation
/// elsewhere takes effect when the entry expires.</summary>
public sealed class ApiKeyCache(IOptions<AuthOptions> options, TimeProvider clock) : IDisposable
{
    /// <summary>Bounds the memory: more distinct keys than this within a few seconds simply miss.</summary>
    private const int MaxEntries = 10_000;

    private readonly MemoryCache cache = new(new MemoryCacheOptions { SizeLimit = MaxEntries });
    private readonly TimeSpan lifetime = TimeSpan.FromSeconds(options.Value.KeyCacheSeconds);

    /// <summary>A valid key; <paramref name="OrganisationId"/> is null for a system operator key.</summary>
    public sealed record ValidatedKey(Guid KeyId, Guid? OrganisationId, IReadOnlyList<string> Scopes)
    {
        public bool IsOperator => OrganisationId is null;
    }

    public bool TryGet(byte[] hash, out ValidatedKey? key) => cache.TryGetValue(CacheKey(hash), out key);

    /// <summary>Keeps the key for the configured lifetime, never beyond a revocation time already set.</summary>
    public void Set(byte[] hash, ValidatedKey key, DateTimeOffset? revokedAt)
    {
        if (lifetime <= TimeSpan.Zero)
            return;
        var keep = lifetime;
        if (revokedAt is { } revoked && revoked - clock.GetUtcNow() < keep)
            keep = revoked - clock.GetUtcNow();
        if (keep <= TimeSpan.Zero)
            return;
        cache.Set(CacheKey(hash), key, new MemoryCacheEntryOptions { AbsoluteExpirationRelativeToNow = keep, Size = 1 });
    }

    public void Evict(byte[] hash) => cache.Remove(CacheKey(hash));

    public void Dispose() => cache.Dispose();

    private static string CacheKey(byte[] hash) => Convert.ToHexString(hash);
}
