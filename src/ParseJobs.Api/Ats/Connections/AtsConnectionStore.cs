using System.Text.Json;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using ParseJobs.Api.Ats.Hr4You;
using ParseJobs.Api.Ats.Projects;
using ParseJobs.Api.Persistence;

namespace ParseJobs.Api.Ats.Connections;

/// <summary>
/// Reads and writes organisations' ATS connections. Base URL and token are one JSON document protected with the
/// shared key ring under a purpose of their own; plain values exist only in memory, for the call they are used for.
/// </summary>
public sealed class AtsConnectionStore(ParseJobsDbContext db, IDataProtectionProvider provider, TimeProvider clock)
{
    public const string Purpose = "ParseJobs.Ats.Connection.v1";

    private readonly IDataProtector _protector = provider.CreateProtector(Purpose);

    /// <summary>Creates or replaces the organisation's HR4YOU connection.</summary>
    public async Task<ConnectionState> SetHr4YouAsync(Guid organisationId, Hr4YouConnection connection, CancellationToken ct)
    {
        var protectedSettings = _protector.Protect(JsonSerializer.Serialize(new Settings(connection.BaseUrl.AbsoluteUri, connection.Token)));
        var now = clock.GetUtcNow();
        now = now.AddTicks(-(now.Ticks % 10)); // PostgreSQL keeps microseconds: answer the times as they are stored
        var existing = await db.AtsConnections.SingleOrDefaultAsync(c => c.OrganisationId == organisationId && c.System == AtsSystems.Hr4You, ct);
        if (existing is not null)
        {
            existing.ProtectedSettings = protectedSettings;
            existing.UpdatedAt = now;
            await db.SaveChangesAsync(ct);
            return new ConnectionState(AtsSystems.Hr4You, Created: false, existing.CreatedAt, now);
        }

        var added = db.AtsConnections.Add(new AtsConnection
        {
            OrganisationId = organisationId,
            System = AtsSystems.Hr4You,
            ProtectedSettings = protectedSettings,
            CreatedAt = now,
            UpdatedAt = now,
        });
        try
        {
            await db.SaveChangesAsync(ct);
            return new ConnectionState(AtsSystems.Hr4You, Created: true, now, now);
        }
        catch (DbUpdateException ex) when (ex.InnerException is PostgresException { SqlState: PostgresErrorCodes.UniqueViolation })
        {
            // Two connects at once: the other created it a moment ago; this one replaces it, as a connect does.
            added.State = EntityState.Detached;
            await db.AtsConnections.Where(c => c.OrganisationId == organisationId && c.System == AtsSystems.Hr4You)
                .ExecuteUpdateAsync(u => u.SetProperty(c => c.ProtectedSettings, protectedSettings).SetProperty(c => c.UpdatedAt, now), ct);
            var createdAt = await db.AtsConnections.Where(c => c.OrganisationId == organisationId && c.System == AtsSystems.Hr4You)
                .Select(c => c.CreatedAt).SingleAsync(ct);
            return new ConnectionState(AtsSystems.Hr4You, Created: false, createdAt, now);
        }
    }

    /// <summary>Whether the organisation has a connection to the system, and since when (never its settings).</summary>
    public async Task<ConnectionState?> GetStateAsync(Guid organisationId, string system, CancellationToken ct) =>
        await db.AtsConnections.AsNoTracking()
            .Where(c => c.OrganisationId == organisationId && c.System == system)
            .Select(c => new ConnectionState(c.System, false, c.CreatedAt, c.UpdatedAt))
            .SingleOrDefaultAsync(ct);

    /// <summary>The organisation's HR4YOU connection, or null when it has none.</summary>
    public async Task<Hr4YouConnection?> GetHr4YouAsync(Guid organisationId, CancellationToken ct)
    {
        var stored = await db.AtsConnections.AsNoTracking()
            .Where(c => c.OrganisationId == organisationId && c.System == AtsSystems.Hr4You)
            .Select(c => c.ProtectedSettings).SingleOrDefaultAsync(ct);
        if (stored is null)
        {
            return null;
        }

        var settings = JsonSerializer.Deserialize<Settings>(_protector.Unprotect(stored))
            ?? throw new InvalidOperationException("A stored HR4YOU connection is empty.");
        return new Hr4YouConnection(new Uri(settings.BaseUrl), settings.Token);
    }

    /// <summary>Removes a connection; false when there was none.</summary>
    public async Task<bool> RemoveAsync(Guid organisationId, string system, CancellationToken ct) =>
        await db.AtsConnections.Where(c => c.OrganisationId == organisationId && c.System == system).ExecuteDeleteAsync(ct) > 0;

    /// <summary>Which organisations have which connections, and since when (never the settings).</summary>
    public async Task<IReadOnlyList<ConnectionListing>> ListAsync(Guid? organisationId, CancellationToken ct) =>
        await db.AtsConnections.AsNoTracking()
            .Where(c => organisationId == null || c.OrganisationId == organisationId)
            .Join(db.Organisations, c => c.OrganisationId, o => o.Id, (c, o) => new { o.Slug, c.System, c.CreatedAt, c.UpdatedAt })
            .OrderBy(c => c.Slug).ThenBy(c => c.System)
            .Select(c => new ConnectionListing(c.Slug, c.System, c.CreatedAt, c.UpdatedAt)) // ordered first: EF cannot order by a record's members
            .ToListAsync(ct);

    private sealed record Settings(string BaseUrl, string Token);
}

/// <summary>A connection's bookkeeping; <see cref="Created"/> tells a first connect from a replacement.</summary>
public sealed record ConnectionState(string System, bool Created, DateTimeOffset CreatedAt, DateTimeOffset UpdatedAt);

public sealed record ConnectionListing(string Organisation, string System, DateTimeOffset CreatedAt, DateTimeOffset UpdatedAt);
