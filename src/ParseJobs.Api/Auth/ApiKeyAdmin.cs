using Microsoft.EntityFrameworkCore;
using ParseJobs.Api.Persistence;

namespace ParseJobs.Api.Auth;

/// <summary>Creates, lists and revokes API keys (the <c>keys</c> command, and test set-up).</summary>
public sealed class ApiKeyAdmin(ParseJobsDbContext db, ApiKeyCache validatedKeys, TimeProvider clock)
{
    public sealed record CreatedKey(Guid KeyId, Guid? OrganisationId, string OrganisationSlug, string Key, IReadOnlyList<string> Scopes);

    /// <summary>How <c>keys list</c> shows the owner of an operator key.</summary>
    public const string OperatorOwner = "(operator)";

    public sealed record KeyInfo(Guid KeyId, string Organisation, string Prefix, IReadOnlyList<string> Scopes, DateTimeOffset CreatedAt, DateTimeOffset? RevokedAt);

    /// <summary>Creates a key for the organisation, creating the organisation when it is new.</summary>
    public async Task<CreatedKey> CreateAsync(string organisationSlug, IReadOnlyCollection<string> scopes, CancellationToken ct)
    {
        var slug = organisationSlug.Trim().ToLowerInvariant();
        if (slug.Length is 0 or > 64)
        {
            throw new ArgumentException("The organisation name must have 1 to 64 characters.", nameof(organisationSlug));
        }

        var unknown = scopes.Except(Scopes.All, StringComparer.Ordinal).ToArray();
        if (unknown.Length > 0 || scopes.Count == 0)
        {
            throw new ArgumentException(
                $"Unknown or missing scopes: '{string.Join(",", unknown)}'. Known scopes: {string.Join(", ", Scopes.All)}.", nameof(scopes));
        }

        var now = clock.GetUtcNow();
        var organisation = await db.Organisations.SingleOrDefaultAsync(o => o.Slug == slug, ct);
        if (organisation is null)
        {
            organisation = new Organisation { Id = Guid.CreateVersion7(now), Slug = slug, CreatedAt = now };
            db.Organisations.Add(organisation);
        }

        var key = ApiKeySecret.Generate();
        var entity = new ApiKey
        {
            Id = Guid.CreateVersion7(now),
            OrganisationId = organisation.Id,
            Prefix = ApiKeySecret.LookupPrefix(key)!,
            Hash = ApiKeySecret.Hash(key),
            Scopes = scopes.Distinct(StringComparer.Ordinal).ToArray(),
            CreatedAt = now,
        };
        db.ApiKeys.Add(entity);
        await db.SaveChangesAsync(ct);
        return new CreatedKey(entity.Id, organisation.Id, organisation.Slug, key, entity.Scopes);
    }

    /// <summary>Creates a system operator key: tied to no organisation, it opens the Hangfire dashboard (every
    /// organisation's jobs) and nothing else.</summary>
    public async Task<CreatedKey> CreateOperatorAsync(CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var key = ApiKeySecret.Generate();
        var entity = new ApiKey
        {
            Id = Guid.CreateVersion7(now),
            OrganisationId = null,
            Prefix = ApiKeySecret.LookupPrefix(key)!,
            Hash = ApiKeySecret.Hash(key),
            Scopes = [AuthSetup.OperatorRole],
            CreatedAt = now,
        };
        db.ApiKeys.Add(entity);
        await db.SaveChangesAsync(ct);
        return new CreatedKey(entity.Id, null, OperatorOwner, key, entity.Scopes);
    }

    public async Task<IReadOnlyList<KeyInfo>> ListAsync(string? organisationSlug, CancellationToken ct) =>
        await db.ApiKeys.AsNoTracking()
            .Where(k => organisationSlug == null || (k.Organisation != null && k.Organisation.Slug == organisationSlug))
            .OrderBy(k => k.CreatedAt)
            .Select(k => new KeyInfo(k.Id, k.Organisation == null ? OperatorOwner : k.Organisation.Slug, k.Prefix, k.Scopes, k.CreatedAt, k.RevokedAt))
            .ToListAsync(ct);

    /// <summary>Revokes by key id or by lookup prefix. Returns how many keys were revoked.</summary>
    /// <remarks>This process forgets the keys at once; other processes within <see cref="AuthOptions.KeyCacheSeconds"/>.</remarks>
    public async Task<int> RevokeAsync(string idOrPrefix, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var isId = Guid.TryParse(idOrPrefix, out var id);
        var keys = db.ApiKeys.Where(k => k.RevokedAt == null && (isId ? k.Id == id : k.Prefix == idOrPrefix));
        var hashes = await keys.Select(k => k.Hash).ToListAsync(ct);
        var revoked = await keys.ExecuteUpdateAsync(s => s.SetProperty(k => k.RevokedAt, now), ct);
        hashes.ForEach(validatedKeys.Evict);
        return revoked;
    }
}
