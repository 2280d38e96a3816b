using Hangfire;
using Microsoft.EntityFrameworkCore;
using ParseJobs.Api.Jobs.Items;
using ParseJobs.Api.Persistence;

namespace ParseJobs.Api.Jobs;

/// <summary>
/// Hands a committed pending job to Hangfire through its kind's descriptor: one Hangfire job for a single-result
/// kind, one per chunk of unfinished items for an item kind. A dispatch first claims the job (compare-and-set on
/// <see cref="Job.DispatchedAt"/>), so the submitter and the sweeper never both enqueue it.
/// </summary>
public sealed class JobDispatcher(IBackgroundJobClient hangfire, ParseJobsDbContext db, JobKinds kinds, TimeProvider clock)
{
    /// <summary>Dispatches a job nobody claimed yet. False when another dispatcher claimed it first.</summary>
    public Task<bool> DispatchAsync(Job job, CancellationToken ct = default) => DispatchAsync(job.Id, job.Kind, claimedAt: null, ct);

    /// <param name="jobId">The job.</param>
    /// <param name="kind">Its kind.</param>
    /// <param name="claimedAt">The <see cref="Job.DispatchedAt"/> the caller saw (the sweeper re-claims a stale claim).</param>
    /// <param name="ct">Not used past the claim: once claimed, the job is enqueued.</param>
    public async Task<bool> DispatchAsync(Guid jobId, JobKind kind, DateTimeOffset? claimedAt, CancellationToken ct = default)
    {
        var now = clock.GetUtcNow();
        var claimed = await db.Jobs.Where(j => j.Id == jobId && j.DispatchedAt == claimedAt)
            .ExecuteUpdateAsync(s => s.SetProperty(j => j.DispatchedAt, now), ct);
        if (claimed == 0)
        {
            return false;
        }

        await EnqueueClaimedAsync(jobId, kind);
        return true;
    }

    /// <summary>Enqueues a job this caller has claimed: by <see cref="DispatchAsync(Guid, JobKind, DateTimeOffset?, CancellationToken)"/>,
    /// or by committing it with <see cref="Job.ClaimDispatch"/> set (the submitter, saving the claim's UPDATE).</summary>
    public async Task EnqueueClaimedAsync(Guid jobId, JobKind kind)
    {
        var descriptor = kinds.Get(kind);
        string backgroundJobId;
        if (descriptor.IsExpanded && !await IsExpandedAsync(jobId))
        {
            // Its items are read on a worker first; the expansion enqueues the chunks.
            backgroundJobId = EnqueueExpansion(descriptor, jobId);
        }
        else if (descriptor.HasItems)
        {
            var chunks = await db.JobItems.AsNoTracking()
                .Where(i => i.JobId == jobId && (i.Status == JobItemStatus.Pending || i.Status == JobItemStatus.Running))
                .Select(i => i.Chunk).Distinct().OrderBy(c => c).ToListAsync(CancellationToken.None);
            var ids = new List<string>(chunks.Count);
            foreach (var chunk in chunks)
            {
                ids.Add(await EnqueueChunkAsync(descriptor, jobId, chunk, expected: null, force: true));
            }

            backgroundJobId = ids.Count == 0 ? "" : ids[0];
        }
        else
        {
            backgroundJobId = descriptor.EnqueueJob!(hangfire, jobId);
        }

        // Written past the job's concurrency tokens: a worker may have started the job already, and the Hangfire
        // id is for operators and the sweeper. Not cancellable: the job is enqueued, its id must be recorded.
        await db.Jobs.Where(j => j.Id == jobId)
            .ExecuteUpdateAsync(s => s.SetProperty(j => j.BackgroundJobId, backgroundJobId), CancellationToken.None);
    }

    /// <summary>Enqueues the expansion of an expanded item job (<see cref="ItemExpansionJob"/>); returns the Hangfire id.</summary>
    public string EnqueueExpansion(JobKindDescriptor descriptor, Guid jobId) =>
        hangfire.Enqueue<ItemExpansionJob>(descriptor.Queue, j => j.Run(jobId, CancellationToken.None));

    private Task<bool> IsExpandedAsync(Guid jobId) =>
        db.Jobs.AsNoTracking().Where(j => j.Id == jobId).Select(j => j.TotalItems != null).SingleOrDefaultAsync(CancellationToken.None);

    /// <summary>
    /// Enqueues one chunk and records its Hangfire id on the chunk's unfinished items. Unless forced, only when the
    /// items still carry <paramref name="expected"/> (the sweeper's compare-and-set; null: never enqueued).
    /// </summary>
    public async Task<string> EnqueueChunkAsync(JobKindDescriptor descriptor, Guid jobId, int chunk, string? expected, bool force = false)
    {
        if (!force)
        {
            // Claim first: a marker no Hangfire id looks like, so that two sweepers do not both enqueue the chunk.
            var marker = $"claim:{Guid.NewGuid():N}";
            var claimed = await db.JobItems
                .Where(i => i.JobId == jobId && i.Chunk == chunk && i.BackgroundJobId == expected
                    && (i.Status == JobItemStatus.Pending || i.Status == JobItemStatus.Running))
                .ExecuteUpdateAsync(s => s.SetProperty(i => i.BackgroundJobId, marker));
            if (claimed == 0)
            {
                return "";
            }
        }

        var id = hangfire.Enqueue<ItemChunkJob>(descriptor.Queue, j => j.Run(jobId, chunk, CancellationToken.None));
        await db.JobItems
            .Where(i => i.JobId == jobId && i.Chunk == chunk && (i.Status == JobItemStatus.Pending || i.Status == JobItemStatus.Running))
            .ExecuteUpdateAsync(s => s.SetProperty(i => i.BackgroundJobId, id));
        return id;
    }
}
