using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using ParseJobs.Api.Auth;
using ParseJobs.Api.Jobs;
using ParseJobs.Api.Persistence;

namespace ParseJobs.Api.Retention;

/// <summary>
/// Erases an organisation (<c>orgs erase</c>): its API keys, every job with what it owns, every document, the batch
/// caches (CV profiles, job analyses), its ATS users and connections, its retention policy and finally the organisation row itself. Only the audit log keeps its id and short name, with
/// the counts. Like retention it works in bounded batches, each transaction with its own audit entry; an erasure that
/// stops half-way (a crash) is finished by running it again.
/// </summary>
public sealed class OrganisationEraser(
    ParseJobsDbContext db, JobDeleter deleter, ApiKeyCache keyCache, IOptions<RetentionOptions> options, IOptions<AuthOptions> auth, TimeProvider clock)
{
    public const string Reason = "Erasure of the organisation and all its data (orgs erase).";

    public sealed record Erasure(Guid OrganisationId, string Slug, DeletedCounts Deleted, int AuditEntries);

    /// <summary>Null when there is no organisation of that name.</summary>
    public async Task<Erasure?> EraseAsync(string slug, CancellationToken ct)
    {
        var normalised = slug.Trim().ToLowerInvariant();
        var organisation = await db.Organisations.AsNoTracking().SingleOrDefaultAsync(o => o.Slug == normalised, ct);
        if (organisation is null)
        {
            return null;
        }

        var id = organisation.Id;
        var batch = options.Value.BatchSize;
        var total = DeletedCounts.None;
        var entries = 0;

        // Keys first: from here on the organisation cannot submit (other nodes forget cached keys within Auth:KeyCacheSeconds).
        total += await InBatchAsync(id, normalised, async () =>
        {
            var hashes = await db.ApiKeys.Where(k => k.OrganisationId == id).Select(k => k.Hash).ToListAsync(ct);
            var keys = await db.ApiKeys.Where(k => k.OrganisationId == id).ExecuteDeleteAsync(ct);
            hashes.ForEach(keyCache.Evict);
            return (new DeletedCounts(ApiKeys: keys), (Guid[]?)null);
        }, ct);
        entries += total.Total > 0 ? 1 : 0;
        var keysGoneAt = clock.GetTimestamp();

        while (true)
        {
            var deleted = await InBatchAsync(id, normalised, async () =>
            {
                // Every status: a running job's worker finds its row gone and stops (JobRunner: "deleted meanwhile").
                var ids = await db.Database.SqlQuery<Guid>($"""
                    SELECT id AS "Value" FROM parsejobs.jobs WHERE organisation_id = {id} ORDER BY id LIMIT {batch} FOR UPDATE
                    """).ToListAsync(ct);
                return (await deleter.DeleteOwnedAsync(id, ids, ct), ids.ToArray());
            }, ct);
            if (deleted.Total == 0)
            {
                break;
            }

            total += deleted;
            entries++;
        }

        while (true)
        {
            // Documents no job references any more (an upload whose job is gone, items of other features).
            var deleted = await InBatchAsync(id, normalised, async () =>
            {
                var ids = await db.Documents.Where(d => d.OrganisationId == id).OrderBy(d => d.Id).Select(d => d.Id).Take(batch).ToListAsync(ct);
                var documents = await db.Documents.Where(d => ids.Contains(d.Id)).ExecuteDeleteAsync(ct);
                return (new DeletedCounts(Documents: documents), (Guid[]?)null);
            }, ct);
            if (deleted.Total == 0)
            {
                break;
            }

            total += deleted;
            entries++;
        }

        // A node that validated a key just before it went trusts it for Auth:KeyCacheSeconds: let that pass before the
        // organisation row goes, so that such a late upload is deleted below instead of failing its foreign key.
        var trusted = TimeSpan.FromSeconds(auth.Value.KeyCacheSeconds + 1) - clock.GetElapsedTime(keysGoneAt);
        if (trusted > TimeSpan.Zero)
        {
            await Task.Delay(trusted, clock, ct);
        }

        // Last, under a lock on the organisation row, which new rows' foreign-key checks wait for: whatever arrived
        // meanwhile (a key still cached elsewhere) goes with the row, counted.
        total += await InBatchAsync(id, normalised, async () =>
        {
            await db.Database.ExecuteSqlAsync($"SELECT 1 FROM parsejobs.organisations WHERE id = {id} FOR UPDATE", ct);
            var jobIds = await db.Jobs.Where(j => j.OrganisationId == id).Select(j => j.Id).ToListAsync(ct);
            var late = await deleter.DeleteOwnedAsync(id, jobIds, ct);
            var documents = await db.Documents.Where(d => d.OrganisationId == id).ExecuteDeleteAsync(ct);
            // What batches learnt (CV profiles are personal data, analyses the organisation's positions): gone with it.
            await db.CvProfileCache.Where(c => c.OrganisationId == id).ExecuteDeleteAsync(ct);
            await db.JobAnalysisCache.Where(c => c.OrganisationId == id).ExecuteDeleteAsync(ct);
            // ATS: projects went with their jobs above; then their owners (a restrict FK from projects) and the
            // encrypted connections. Explicit rather than left to the organisation's cascade, whose order is not ours.
            await db.Projects.Where(p => p.OrganisationId == id).ExecuteDeleteAsync(ct);
            await db.Users.Where(u => u.OrganisationId == id).ExecuteDeleteAsync(ct);
            await db.AtsConnections.Where(c => c.OrganisationId == id).ExecuteDeleteAsync(ct);
            var keys = await db.ApiKeys.Where(k => k.OrganisationId == id).ExecuteDeleteAsync(ct);
            await db.RetentionPolicies.Where(p => p.OrganisationId == id).ExecuteDeleteAsync(ct);
            var organisations = await db.Organisations.Where(o => o.Id == id).ExecuteDeleteAsync(ct);
            return (late + new DeletedCounts(Documents: documents, ApiKeys: keys, Organisations: organisations), jobIds.ToArray());
        }, ct, audited: true);
        entries++;

        return new Erasure(id, normalised, total, entries);
    }

    /// <summary>One transaction: the step's deletions and their audit entry commit together.</summary>
    /// <param name="audited">Write the entry also when nothing was deleted (the last step: every erasure leaves a trace).</param>
    private async Task<DeletedCounts> InBatchAsync(
        Guid organisationId, string slug, Func<Task<(DeletedCounts Counts, Guid[]? JobIds)>> step, CancellationToken ct, bool audited = false)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var (counts, jobIds) = await step();
        if (counts.Total > 0 || audited)
        {
            db.AuditLog.Add(AuditEntry.Of(organisationId, slug, AuditActors.Cli, AuditActions.Erase, Reason, clock.GetUtcNow(), counts, jobIds));
            await db.SaveChangesAsync(ct);
        }

        await transaction.CommitAsync(ct);
        db.ChangeTracker.Clear();
        return counts;
    }
}
