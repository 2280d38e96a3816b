using Microsoft.EntityFrameworkCore;
using ParseJobs.Api.Persistence;

namespace ParseJobs.Api.Auth;

/// <summary>Checks a presented API key: its shape, then its SHA-256 hash against the stored hashes in constant time,
/// through <see cref="ApiKeyCache"/>. Used by the API key handler and the operator login page; never logs the key.</summary>
public sealed class ApiKeyValidator(ParseJobsDbContext db, ApiKeyCache validatedKeys, TimeProvider clock)
{
    /// <summary>The key's identity when it is well-formed, known and not revoked; else null.</summary>
    public async Task<ApiKeyCache.ValidatedKey?> ValidateAsync(string key, CancellationToken ct)
    {
        if (ApiKeySecret.LookupPrefix(key) is not { } prefix)
        {
            return null;
        }

        var hash = ApiKeySecret.Hash(key);
        if (validatedKeys.TryGet(hash, out var cached))
        {
            return cached;
        }

        var now = clock.GetUtcNow();
        var candidates = await db.ApiKeys.AsNoTracking()
            .Where(k => k.Prefix == prefix && (k.RevokedAt == null || k.RevokedAt > now))
            .Select(k => new { k.Id, k.OrganisationId, k.Hash, k.Scopes, k.RevokedAt })
            .ToListAsync(ct);

        // Compare every candidate's hash in constant time; the prefix alone proves nothing.
        var match = candidates.FirstOrDefault(c => ApiKeySecret.HashMatches(hash, c.Hash));
        if (match is null)
        {
            return null;
        }

        var validated = new ApiKeyCache.ValidatedKey(match.Id, match.OrganisationId, match.Scopes);
        validatedKeys.Set(hash, validated, match.RevokedAt);
        return validated;
    }

    /// <summary>True while the operator key behind a dashboard session is still active (revocation ends the session).</summary>
    public Task<bool> IsActiveOperatorAsync(Guid keyId, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        return db.ApiKeys.AsNoTracking().AnyAsync(k => k.Id == keyId && k.OrganisationId == null && (k.RevokedAt == null || k.RevokedAt > now), ct);
    }
}
