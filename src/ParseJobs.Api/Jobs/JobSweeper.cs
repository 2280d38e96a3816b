using System.ComponentModel;
using Hangfire;
using Hangfire.States;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using ParseJobs.Api.Hosting;
using ParseJobs.Api.Jobs.Items;
using ParseJobs.Api.Persistence;

namespace ParseJobs.Api.Jobs;

/// <summary>
/// A recurring Hangfire job (every <c>Worker:SweepIntervalSeconds</c>) that repairs what a crash between two steps
/// leaves behind: jobs committed but never enqueued (or whose Hangfire job vanished), chunks of items whose Hangfire
/// job vanished, item jobs whose fan-in run died before their hook ran, and dead workers' queue entries, which it
/// moves ahead of the backlog.
/// </summary>
public sealed class JobSweeper(
    ParseJobsDbContext db, JobDispatcher dispatcher, ItemJobFinisher finisher, JobKinds kinds, JobStorage storage,
    IOptions<WorkerOptions> worker, TimeProvider clock, ILogger<JobSweeper> logger)
{
    public const string RecurringJobId = "parsejobs-sweeper";

    private const int Batch = 200;

    [DisplayName("Sweep jobs")]
    [AutomaticRetry(Attempts = 0)] // the next run sweeps again
    [DisableConcurrentExecution(timeoutInSeconds: 60)]
    public async Task RunAsync(CancellationToken ct)
    {
        var requeued = await PrioritiseOrphansAsync(ct);
        var dispatched = await DispatchStrandedJobsAsync(ct);
        var expansions = await RedispatchStalledExpansionsAsync(ct);
        var chunks = await RedispatchVanishedChunksAsync(ct);
        var finished = await FinishCountedItemJobsAsync(ct);
        if (requeued + dispatched + expansions + chunks + finished > 0)
        {
            logger.LogWarning("Sweeper: {Orphans} orphaned queue entries put first, {Jobs} jobs dispatched, {Expansions} expansions re-enqueued, {Chunks} item chunks re-enqueued, {Finished} counted item jobs finished", requeued, dispatched, expansions, chunks, finished);
        }
    }

    /// <summary>
    /// Hangfire.PostgreSql 1.21 fetches <c>ORDER BY fetchedat NULLS FIRST, queue, jobid</c>: a dead worker's entry
    /// (fetchedat older than the invisibility timeout) comes only after every never-fetched entry, so under a backlog
    /// it waits for the whole queue. Clearing its fetchedat puts it among the never-fetched ones, where its smaller
    /// jobid puts it first. Only entries Hangfire itself already considers expired are touched; a worker that
    /// fetches one at the same moment sets fetchedat = now, which this UPDATE's condition then no longer matches.
    /// </summary>
    public async Task<int> PrioritiseOrphansAsync(CancellationToken ct)
    {
        var schema = worker.Value.SchemaName.Replace("\"", "", StringComparison.Ordinal);
        var seconds = worker.Value.InvisibilityTimeoutSeconds;
#pragma warning disable EF1002 // the schema name is configuration (quotes removed), not input; the interval is an int
        return await db.Database.ExecuteSqlRawAsync(
            $"UPDATE \"{schema}\".\"jobqueue\" SET \"fetchedat\" = NULL WHERE \"fetchedat\" < NOW() - INTERVAL '{seconds} SECONDS'", ct);
#pragma warning restore EF1002
    }

    /// <summary>Pending jobs never enqueued (the enqueue after the commit failed), or whose Hangfire job is gone.</summary>
    public async Task<int> DispatchStrandedJobsAsync(CancellationToken ct)
    {
        var before = clock.GetUtcNow().AddSeconds(-worker.Value.DispatchGraceSeconds);
        var stranded = await db.Jobs.AsNoTracking()
            .Where(j => j.Status == JobStatus.Pending && (j.DispatchedAt == null ? j.CreatedAt < before : j.DispatchedAt < before))
            .OrderBy(j => j.CreatedAt).Take(Batch)
            .Select(j => new { j.Id, j.Kind, j.DispatchedAt, j.BackgroundJobId, Expanded = j.TotalItems != null })
            .ToListAsync(ct);
        var dispatched = 0;
        foreach (var job in stranded)
        {
            if (!kinds.TryGet(job.Kind, out var descriptor))
            {
                continue;
            }

            // One Hangfire job runs it: a single-result job, or the expansion of an expanded item job not expanded yet.
            var oneHangfireJob = !descriptor.HasItems || (descriptor.IsExpanded && !job.Expanded);
            if (job.DispatchedAt is not null && oneHangfireJob && IsAlive(job.BackgroundJobId))
            {
                continue; // still queued behind others: leave it
            }

            if (job.DispatchedAt is not null && !oneHangfireJob)
            {
                continue; // item jobs: their chunks are swept one by one below
            }

            if (await dispatcher.DispatchAsync(job.Id, job.Kind, job.DispatchedAt, ct))
            {
                dispatched++;
            }
        }

        return dispatched;
    }

    /// <summary>Expanded item jobs started but not expanded, untouched for the grace time, whose expansion's Hangfire job
    /// no longer exists or has ended (deleted after its retries, lost with its node): enqueued again, once
    /// (compare-and-set on the recorded Hangfire id). The expansion's attempt count ends a job that never gets through.</summary>
    public async Task<int> RedispatchStalledExpansionsAsync(CancellationToken ct)
    {
        var expandedKinds = kinds.All.Where(k => k.IsExpanded).Select(k => k.Kind).ToList();
        if (expandedKinds.Count == 0)
        {
            return 0;
        }

        var before = clock.GetUtcNow().AddSeconds(-worker.Value.DispatchGraceSeconds);
        var stalled = await db.Jobs.AsNoTracking()
            .Where(j => j.Status == JobStatus.Running && j.TotalItems == null && expandedKinds.Contains(j.Kind) && j.UpdatedAt < before)
            .OrderBy(j => j.UpdatedAt).Take(Batch).Select(j => new { j.Id, j.Kind, j.BackgroundJobId }).ToListAsync(ct);
        var count = 0;
        foreach (var job in stalled)
        {
            if (IsAlive(job.BackgroundJobId))
            {
                continue;
            }

            var marker = $"claim:{Guid.NewGuid():N}";
            var claimed = await db.Jobs.Where(j => j.Id == job.Id && j.BackgroundJobId == job.BackgroundJobId && j.TotalItems == null)
                .ExecuteUpdateAsync(s => s.SetProperty(j => j.BackgroundJobId, marker), ct);
            if (claimed == 0)
            {
                continue;
            }

            var id = dispatcher.EnqueueExpansion(kinds.Get(job.Kind), job.Id);
            await db.Jobs.Where(j => j.Id == job.Id).ExecuteUpdateAsync(s => s.SetProperty(j => j.BackgroundJobId, id), CancellationToken.None);
            count++;
        }

        return count;
    }

    /// <summary>Chunks with unfinished items, not touched for the grace time, whose Hangfire job no longer exists or has ended.</summary>
    public async Task<int> RedispatchVanishedChunksAsync(CancellationToken ct)
    {
        var before = clock.GetUtcNow().AddSeconds(-worker.Value.DispatchGraceSeconds);
        var chunks = await db.JobItems.AsNoTracking()
            .Where(i => (i.Status == JobItemStatus.Pending || i.Status == JobItemStatus.Running) && i.UpdatedAt < before)
            .Join(db.Jobs.Where(j => j.Status != JobStatus.Completed && j.Status != JobStatus.Failed && j.DispatchedAt != null),
                i => i.JobId, j => j.Id, (i, j) => new { i.JobId, j.Kind, i.Chunk, i.BackgroundJobId })
            .Distinct().Take(Batch).ToListAsync(ct);
        var count = 0;
        foreach (var chunk in chunks)
        {
            if (IsAlive(chunk.BackgroundJobId) || !kinds.TryGet(chunk.Kind, out var descriptor))
            {
                continue;
            }

            if (await dispatcher.EnqueueChunkAsync(descriptor, chunk.JobId, chunk.Chunk, chunk.BackgroundJobId) is { Length: > 0 })
            {
                count++;
            }
        }

        return count;
    }

    /// <summary>Running item jobs with every item counted, untouched for the grace time: their fan-in run died before
    /// it finished them (see <see cref="ItemJobFinisher"/>).</summary>
    public async Task<int> FinishCountedItemJobsAsync(CancellationToken ct)
    {
        var before = clock.GetUtcNow().AddSeconds(-worker.Value.DispatchGraceSeconds);
        var counted = await db.Jobs.AsNoTracking()
            .Where(j => j.Status == JobStatus.Running && j.TotalItems != null && j.ProcessedItems >= j.TotalItems && j.UpdatedAt < before)
            .OrderBy(j => j.UpdatedAt).Take(Batch).Select(j => new { j.Id, j.Kind }).ToListAsync(ct);
        var finished = 0;
        foreach (var job in counted)
        {
            if (kinds.TryGet(job.Kind, out var descriptor) && await finisher.FinishAsync(job.Id, descriptor, ct))
            {
                finished++;
            }
        }

        return finished;
    }

    // A Hangfire job that exists and may still run (queued, scheduled for a retry, processing).
    private bool IsAlive(string? backgroundJobId)
    {
        if (!long.TryParse(backgroundJobId, System.Globalization.CultureInfo.InvariantCulture, out _))
        {
            // none, or a claim marker of a dispatcher that died before enqueueing
            return false;
        }

        using var connection = storage.GetConnection();
        var state = connection.GetJobData(backgroundJobId)?.State;
        return state == EnqueuedState.StateName || state == ScheduledState.StateName || state == ProcessingState.StateName || state == AwaitingState.StateName;
    }
}
