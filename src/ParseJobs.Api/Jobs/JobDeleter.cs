using Microsoft.EntityFrameworkCore;
using ParseJobs.Api.Auth;
using ParseJobs.Api.Persistence;

namespace ParseJobs.Api.Jobs;

/// <summary>
/// Deletes a job with what only it references: its result, images and items go with the row (cascade); a document
/// goes only when no other job or item of the organisation still references it.
/// </summary>
public sealed class JobDeleter(ParseJobsDbContext db)
{
    /// <summary>False when the organisation has no such job.</summary>
    public async Task<bool> DeleteAsync(Tenant tenant, Guid jobId, CancellationToken ct)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var job = await db.Jobs.OwnedBy(tenant).AsNoTracking().Where(j => j.Id == jobId).Select(j => new { j.DocumentId }).SingleOrDefaultAsync(ct);
        if (job is null)
        {
            return false;
        }

        var documentIds = await db.JobItems.Where(i => i.JobId == jobId && i.DocumentId != null).Select(i => i.DocumentId!.Value).ToListAsync(ct);
        if (job.DocumentId is { } own)
        {
            documentIds.Add(own);
        }

        await db.Jobs.Where(j => j.Id == jobId).ExecuteDeleteAsync(ct);
        if (documentIds.Count > 0)
        {
            await db.Documents.OwnedBy(tenant)
                .Where(d => documentIds.Contains(d.Id)
                    && !db.Jobs.Any(j => j.DocumentId == d.Id)
                    && !db.JobItems.Any(i => i.DocumentId == d.Id))
                .ExecuteDeleteAsync(ct);
        }

        await transaction.CommitAsync(ct);
        return true;
    }
}
