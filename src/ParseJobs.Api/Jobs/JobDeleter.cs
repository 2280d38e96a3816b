using Microsoft.EntityFrameworkCore;
using ParseJobs.Api.Auth;
using ParseJobs.Api.Persistence;
using ParseJobs.Api.Retention;

namespace ParseJobs.Api.Jobs;

/// <summary>
/// Deletes jobs with what only they own: results, images and items, and the documents that no other job or item of
/// the organisation still references. The one place that knows what a job owns: <c>DELETE /v1/jobs/{id}</c>,
/// retention and erasure all delete through it.
/// </summary>
public sealed class JobDeleter(ParseJobsDbContext db)
{
    /// <summary>False when the organisation has no such job.</summary>
    public async Task<bool> DeleteAsync(Tenant tenant, Guid jobId, CancellationToken ct)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var deleted = await DeleteOwnedAsync(tenant.OrganisationId, [jobId], ct);
        await transaction.CommitAsync(ct);
        return deleted.Jobs > 0;
    }

    /// <summary>
    /// Deletes the given jobs of the organisation (ids of other organisations are ignored) with everything they own,
    /// and counts each kind. Runs in the caller's transaction, which the caller opens and commits, so that a batch is
    /// deleted together with its audit entry.
    /// </summary>
    public async Task<DeletedCounts> DeleteOwnedAsync(Guid organisationId, IReadOnlyCollection<Guid> jobIds, CancellationToken ct)
    {
        if (db.Database.CurrentTransaction is null)
        {
            throw new InvalidOperationException("DeleteOwnedAsync runs in the caller's transaction.");
        }

        var ids = await db.Jobs.Where(j => j.OrganisationId == organisationId && jobIds.Contains(j.Id)).Select(j => j.Id).ToListAsync(ct);
        if (ids.Count == 0)
        {
            return DeletedCounts.None;
        }

        var documentIds = await db.Jobs.Where(j => ids.Contains(j.Id) && j.DocumentId != null).Select(j => j.DocumentId!.Value)
            .Union(db.JobItems.Where(i => ids.Contains(i.JobId) && i.DocumentId != null).Select(i => i.DocumentId!.Value))
            .ToListAsync(ct);

        // Children first, each counted (the foreign keys cascade too, for any table added later).
        var images = await db.JobImages.Where(i => ids.Contains(i.JobId)).ExecuteDeleteAsync(ct);
        var results = await db.JobResults.Where(r => ids.Contains(r.JobId)).ExecuteDeleteAsync(ct);
        var items = await db.JobItems.Where(i => ids.Contains(i.JobId)).ExecuteDeleteAsync(ct);
        var jobs = await db.Jobs.Where(j => ids.Contains(j.Id)).ExecuteDeleteAsync(ct);
        var documents = documentIds.Count == 0 ? 0 : await db.Documents
            .Where(d => d.OrganisationId == organisationId && documentIds.Contains(d.Id)
                && !db.Jobs.Any(j => j.DocumentId == d.Id)
                && !db.JobItems.Any(i => i.DocumentId == d.Id))
            .ExecuteDeleteAsync(ct);
        return new DeletedCounts(Jobs: jobs, JobItems: items, JobImages: images, JobResults: results, Documents: documents);
    }
}
