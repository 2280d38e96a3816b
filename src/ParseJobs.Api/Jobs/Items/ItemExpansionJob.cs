using System.ComponentModel;
using Hangfire;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using ParseJobs.Api.Hosting;
using ParseJobs.Api.Persistence;

namespace ParseJobs.Api.Jobs.Items;

/// <summary>
/// The Hangfire job that expands an expanded item job (<see cref="JobKindBuilder.ExpandedBy{TExpander}"/>): starts it
/// (pending → running), reads its drafts from the kind's <see cref="IJobItemExpander"/>, stores their documents and
/// items, the total and the items stored failed in one transaction, then enqueues the chunks. Idempotent: the
/// transaction holds the job's row lock and stores nothing when the items exist already, so a rerun after a crash
/// (before or after the commit) only enqueues what is missing; a failed attempt leaves nothing behind.
/// </summary>
[AutomaticRetry(Attempts = 10, DelaysInSeconds = [2, 10, 30, 60, 120, 300, 300, 300, 300, 300], OnAttemptsExceeded = AttemptsExceededAction.Delete)]
public sealed class ItemExpansionJob(
    ParseJobsDbContext db, JobKinds kinds, IServiceProvider services, JobDispatcher dispatcher, ItemJobFinisher finisher,
    IOptions<WorkerOptions> worker, TimeProvider clock, ILogger<ItemExpansionJob> logger)
{
    /// <summary>Drafts stored per round trip; the change tracker is cleared in between so that a large source is not held.</summary>
    private const int SaveEvery = 50;

    [DisplayName("Expand the items of job {0}")]
    public void Run(Guid jobId, CancellationToken ct) => WorkerThreadWait.RunToEnd(RunAsync(jobId, ct));

    [DisplayName("Expand the items of job {0}")]
    public async Task RunAsync(Guid jobId, CancellationToken ct)
    {
        var job = await db.Jobs.SingleOrDefaultAsync(j => j.Id == jobId, ct);
        if (job is null || job.IsTerminal)
        {
            return; // deleted or ended meanwhile
        }

        var descriptor = kinds.Get(job.Kind);
        if (!descriptor.IsExpanded)
        {
            throw new InvalidOperationException($"Job kind {job.Kind} is not expanded.");
        }

        if (!job.HasItemsStored)
        {
            var start = job.TryStart(clock.GetUtcNow(), worker.Value.MaxAttempts);
            if (start == StartOutcome.AlreadyEnded)
            {
                return;
            }

            try
            {
                await db.SaveChangesAsync(ct);
            }
            catch (DbUpdateConcurrencyException)
            {
                logger.LogInformation("Job {JobId} was started, ended or deleted by another run meanwhile; this expansion stops", jobId);
                return;
            }

            if (start == StartOutcome.AttemptsExhausted)
            {
                logger.LogError("Job {JobId} abandoned after {Attempts} unfinished expansion attempts", jobId, job.AttemptCount);
                await EndedAsync(descriptor, job, succeeded: false, ct);
                return;
            }

            db.Entry(job).State = EntityState.Detached;
            if (!await ExpandAsync(descriptor, job, ct))
            {
                return;
            }
        }

        await EnqueueAsync(descriptor, jobId, ct);
    }

    /// <summary>Stores the drafts; false when the job ended (failed, deleted) instead.</summary>
    private async Task<bool> ExpandAsync(JobKindDescriptor descriptor, Job job, CancellationToken ct)
    {
        var expander = (IJobItemExpander)services.GetRequiredService(descriptor.ExpanderType!);
        using var timeoutSource = new CancellationTokenSource(descriptor.ExpansionTimeout);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(ct, timeoutSource.Token);
        try
        {
            await StoreAsync(expander, job, descriptor, linked.Token);
            return true;
        }
        catch (Exception ex) when (JobFailedException.From(ex) is { } failed)
        {
            return await FailAsync(expander, job.Id, failed.Code, failed.Message, ct);
        }
        catch (OperationCanceledException) when (timeoutSource.IsCancellationRequested && !ct.IsCancellationRequested)
        {
            return await FailAsync(expander, job.Id, ErrorCodes.JobTimeout,
                $"Reading the items took longer than {descriptor.ExpansionTimeout.TotalSeconds:0} s.", ct);
        }
        catch (AlreadyExpandedException)
        {
            return true; // a concurrent run stored them first
        }
    }

    private async Task StoreAsync(IJobItemExpander expander, Job job, JobKindDescriptor descriptor, CancellationToken ct)
    {
        db.ChangeTracker.Clear();
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        // The row lock serialises two runs of one expansion (a sweeper's re-enqueue racing a slow first run).
        var stored = await db.Database.SqlQuery<bool>($"""
            SELECT total_items IS NOT NULL AS "Value" FROM parsejobs.jobs WHERE id = {job.Id} FOR UPDATE
            """).ToListAsync(ct);
        if (stored is not [false])
        {
            throw new AlreadyExpandedException();
        }

        var now = clock.GetUtcNow();
        var seq = 0;
        var failed = 0;
        await foreach (var draft in expander.ExpandAsync(job, ct).WithCancellation(ct))
        {
            if (draft.Document is { } document)
            {
                db.Documents.Add(document);
            }

            var item = JobItem.Create(job.Id, seq++, descriptor.ItemChunkSize!.Value, draft.SourceName, draft.Document?.Id ?? draft.DocumentId, draft.Input, now);
            if (draft.Failure is { } failure)
            {
                item.Fail(failure.Code, failure.Message, now);
                failed++;
            }

            db.JobItems.Add(item);
            if (seq % SaveEvery == 0)
            {
                await db.SaveChangesAsync(ct);
                db.ChangeTracker.Clear();
            }
        }

        await expander.ExpansionEndedAsync(job, succeeded: true, ct);
        var row = await db.Jobs.SingleAsync(j => j.Id == job.Id, ct);
        row.ItemsExpanded(seq, failed, clock.GetUtcNow());
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        db.ChangeTracker.Clear();
        logger.LogInformation("Job {JobId} expanded: {Items} items, {Failed} of them failed at once", job.Id, seq, failed);
    }

    private async Task<bool> FailAsync(IJobItemExpander expander, Guid jobId, string code, string message, CancellationToken ct)
    {
        db.ChangeTracker.Clear();
        var job = await db.Jobs.SingleOrDefaultAsync(j => j.Id == jobId, ct);
        if (job is null || !job.Fail(code, message, clock.GetUtcNow()))
        {
            return false;
        }

        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            return false; // ended or restarted by another run
        }

        logger.LogInformation("Job {JobId} failed while reading its items: {Code}", jobId, code);
        await expander.ExpansionEndedAsync(job, succeeded: false, CancellationToken.None);
        return false;
    }

    private async Task EndedAsync(JobKindDescriptor descriptor, Job job, bool succeeded, CancellationToken ct)
    {
        var expander = (IJobItemExpander)services.GetRequiredService(descriptor.ExpanderType!);
        await expander.ExpansionEndedAsync(job, succeeded, ct);
    }

    // After the commit: every chunk not enqueued yet (compare-and-set, so a rerun or the sweeper never doubles one);
    // a job whose items all ended at once (none, or only failed ones) is finished here.
    private async Task EnqueueAsync(JobKindDescriptor descriptor, Guid jobId, CancellationToken ct)
    {
        var chunks = await db.JobItems.AsNoTracking()
            .Where(i => i.JobId == jobId && i.BackgroundJobId == null && (i.Status == JobItemStatus.Pending || i.Status == JobItemStatus.Running))
            .Select(i => i.Chunk).Distinct().OrderBy(c => c).ToListAsync(ct);
        foreach (var chunk in chunks)
        {
            await dispatcher.EnqueueChunkAsync(descriptor, jobId, chunk, expected: null);
        }

        var counters = await db.Jobs.AsNoTracking().Where(j => j.Id == jobId)
            .Select(j => new { j.Status, j.TotalItems, j.ProcessedItems }).SingleOrDefaultAsync(ct);
        if (counters is { Status: JobStatus.Running } && counters.ProcessedItems >= counters.TotalItems)
        {
            await finisher.FinishAsync(jobId, descriptor, CancellationToken.None);
        }
    }

    private sealed class AlreadyExpandedException : Exception;
}
