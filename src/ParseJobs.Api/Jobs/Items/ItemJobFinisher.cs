using Microsoft.EntityFrameworkCore;
using ParseJobs.Api.Persistence;

namespace ParseJobs.Api.Jobs.Items;

/// <summary>
/// Completes an item job whose counters reached the total. A kind with a when-all-items-done hook (a batch's
/// summary) runs it first and completes the job only after it, so that a client never sees <c>completed</c> before
/// what the hook writes. The fan-in run calls this after its commit; when that run dies in between, the job stays
/// <c>running</c> with every item counted, and the sweeper calls this again: the hook runs at least once, so it must
/// be idempotent.
/// </summary>
public sealed class ItemJobFinisher(ParseJobsDbContext db, IServiceProvider services, TimeProvider clock, ILogger<ItemJobFinisher> logger)
{
    /// <summary>True when this call completed the job; false when it was completed (or deleted) already.</summary>
    public async Task<bool> FinishAsync(Guid jobId, JobKindDescriptor descriptor, CancellationToken ct)
    {
        if (descriptor.WhenItemsDone is { } done)
        {
            await done(services, jobId, ct);
        }

        db.ChangeTracker.Clear();
        var job = await db.Jobs.SingleOrDefaultAsync(j => j.Id == jobId, ct);
        if (job is null || job.IsTerminal)
        {
            return false;
        }

        job.Complete(clock.GetUtcNow());
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            return false; // another run (the sweeper, a redone chunk) completed it first
        }

        logger.LogInformation("Job {JobId} completed: {Processed} items, {Failed} failed", jobId, job.ProcessedItems, job.FailedItems);
        return true;
    }
}
