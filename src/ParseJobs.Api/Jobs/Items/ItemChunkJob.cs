using System.ComponentModel;
using Hangfire;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using ParseJobs.Api.Hosting;
using ParseJobs.Api.Persistence;

namespace ParseJobs.Api.Jobs.Items;

/// <summary>
/// The Hangfire job of one chunk of an item job: runs the chunk's unfinished items through their kind's work.
/// Each ended item moves the job's counters by one atomic <c>UPDATE … RETURNING</c> in the same transaction as the
/// item's own conditional update, so a chunk redone after its worker died counts nothing twice; the transaction
/// whose update reaches the total is the fan-in: it completes the job in that transaction, or, for a kind with a
/// when-all-items-done hook, hands over to <see cref="ItemJobFinisher"/> after its commit.
/// </summary>
[AutomaticRetry(Attempts = 10, DelaysInSeconds = [2, 10, 30, 60, 120, 300, 300, 300, 300, 300], OnAttemptsExceeded = AttemptsExceededAction.Delete)]
public sealed class ItemChunkJob(
    ParseJobsDbContext db, JobKinds kinds, IServiceProvider services, ItemJobFinisher finisher, IOptions<WorkerOptions> worker,
    IOptions<ResultOptions> results, TimeProvider clock, ILogger<ItemChunkJob> logger)
{
    /// <summary>What Hangfire invokes: <see cref="RunAsync"/> waited for without spinning (<see cref="WorkerThreadWait"/>).
    /// Chunks queued before this entry existed name <see cref="RunAsync"/> and still run.</summary>
    [DisplayName("Items of job {0}, chunk {1}")]
    public void Run(Guid jobId, int chunk, CancellationToken ct) => WorkerThreadWait.RunToEnd(RunAsync(jobId, chunk, ct));

    [DisplayName("Items of job {0}, chunk {1}")]
    public async Task RunAsync(Guid jobId, int chunk, CancellationToken ct)
    {
        var job = await StartJobAsync(jobId, ct);
        if (job is null)
        {
            return;
        }

        var descriptor = kinds.Get(job.Kind);
        var seqs = await db.JobItems.AsNoTracking()
            .Where(i => i.JobId == jobId && i.Chunk == chunk && (i.Status == JobItemStatus.Pending || i.Status == JobItemStatus.Running))
            .OrderBy(i => i.Seq).Select(i => i.Seq).ToListAsync(ct);
        foreach (var seq in seqs)
        {
            ct.ThrowIfCancellationRequested();
            await RunItemAsync(job, descriptor, seq, ct);
        }
    }

    // The first chunk to run moves the job from pending to running; later chunks find it running.
    private async Task<Job?> StartJobAsync(Guid jobId, CancellationToken ct)
    {
        var job = await db.Jobs.SingleOrDefaultAsync(j => j.Id == jobId, ct);
        if (job is null || job.IsTerminal)
        {
            return null;
        }

        if (job.Status == JobStatus.Pending)
        {
            job.TryStart(clock.GetUtcNow());
            try
            {
                await db.SaveChangesAsync(ct);
            }
            catch (DbUpdateConcurrencyException)
            {
                db.ChangeTracker.Clear(); // another chunk started it first
                job = await db.Jobs.SingleOrDefaultAsync(j => j.Id == jobId, ct);
            }
        }

        db.Entry(job!).State = EntityState.Detached;
        return job is { IsTerminal: false } ? job : null;
    }

    private async Task RunItemAsync(Job job, JobKindDescriptor descriptor, int seq, CancellationToken ct)
    {
        db.ChangeTracker.Clear();
        var item = await db.JobItems.SingleAsync(i => i.JobId == job.Id && i.Seq == seq, ct);
        var start = item.TryStart(clock.GetUtcNow(), worker.Value.MaxAttempts);
        if (start == StartOutcome.AlreadyEnded)
        {
            return;
        }

        if (start == StartOutcome.Started)
        {
            try
            {
                await db.SaveChangesAsync(ct);
            }
            catch (DbUpdateConcurrencyException)
            {
                return; // another run of this chunk took the item
            }

            var timeout = descriptor.TimeoutFor(services);
            using var timeoutSource = new CancellationTokenSource(timeout);
            using var linked = CancellationTokenSource.CreateLinkedTokenSource(ct, timeoutSource.Token);
            try
            {
                var outcome = await descriptor.RunItem!(services, new JobItemContext(job, item), linked.Token);
                if (System.Text.Encoding.UTF8.GetByteCount(outcome.ResultJson) > results.Value.MaxResultBytes)
                {
                    throw new JobFailedException(ErrorCodes.ResultTooLarge, $"The item's result is larger than {results.Value.MaxResultMb} MB (Results:MaxResultMb).");
                }

                item.Complete(outcome.ResultJson, outcome.OverallScore, clock.GetUtcNow());
            }
            catch (Exception ex) when (JobFailedException.From(ex) is { } failed)
            {
                item.Fail(failed.Code, failed.Message, clock.GetUtcNow());
            }
            catch (OperationCanceledException) when (timeoutSource.IsCancellationRequested && !ct.IsCancellationRequested)
            {
                item.Fail(ErrorCodes.JobTimeout, $"The item exceeded its {timeout.TotalSeconds:0} s time limit.", clock.GetUtcNow());
            }
            catch (Exception ex) when (ex is not OperationCanceledException && item.AttemptCount >= worker.Value.MaxAttempts)
            {
                logger.LogError(ex, "Item {JobId}/{Seq} failed on its last attempt ({Attempts})", job.Id, seq, item.AttemptCount);
                item.Fail(ErrorCodes.InternalError, $"Processing failed after {item.AttemptCount} attempt(s) ({ex.GetType().Name}).", clock.GetUtcNow());
            }
        }

        if (!await EndItemAsync(job, descriptor, item, ct))
        {
            // The ended item could not be saved (a real save error, not a lost race): it fails alone, counted once.
            db.ChangeTracker.Clear();
            var fresh = await db.JobItems.SingleAsync(i => i.JobId == job.Id && i.Seq == seq, ct);
            if (fresh.Status == JobItemStatus.Running && fresh.AttemptCount == item.AttemptCount)
            {
                fresh.Fail(ErrorCodes.InternalError, "The item's result could not be stored.", clock.GetUtcNow());
                if (!await EndItemAsync(job, descriptor, fresh, ct))
                {
                    throw new InvalidOperationException($"Item {job.Id}/{seq} could not be saved even as failed.");
                }
            }
        }
    }

    /// <summary>
    /// Saves an ended item and counts it, in one transaction. False on a real save error; true when saved or when
    /// another run had ended the item already (a concurrency conflict: nothing is counted then).
    /// </summary>
    private async Task<bool> EndItemAsync(Job job, JobKindDescriptor descriptor, JobItem item, CancellationToken ct)
    {
        var failed = item.Status == JobItemStatus.Failed ? 1 : 0;
        var now = clock.GetUtcNow();
        Counters counters;
        await using (var transaction = await db.Database.BeginTransactionAsync(ct))
        {
            try
            {
                await db.SaveChangesAsync(ct);
            }
            catch (DbUpdateConcurrencyException)
            {
                return true; // another run ended this item and counted it
            }
            catch (DbUpdateException ex)
            {
                logger.LogError(ex, "Item {JobId}/{Seq} could not be saved", job.Id, item.Seq);
                return false;
            }

            // The row lock of this UPDATE orders concurrent items: exactly one transaction sees processed = total.
            counters = (await db.Database.SqlQuery<Counters>($"""
                UPDATE parsejobs.jobs SET processed_items = processed_items + 1, failed_items = failed_items + {failed}, updated_at = {now}
                WHERE id = {job.Id}
                RETURNING processed_items AS processed, failed_items AS failed, total_items AS total
                """).ToListAsync(ct)).SingleOrDefault() ?? new Counters { Total = int.MaxValue };
            if (counters.Processed >= counters.Total && descriptor.WhenItemsDone is null)
            {
                var parent = await db.Jobs.SingleAsync(j => j.Id == job.Id, ct);
                parent.Complete(now);
                await db.SaveChangesAsync(ct);
                logger.LogInformation("Job {JobId} completed: {Processed} items, {Failed} failed", job.Id, counters.Processed, counters.Failed);
            }

            await transaction.CommitAsync(ct);
        }

        if (counters.Processed >= counters.Total && descriptor.WhenItemsDone is not null)
        {
            // Not this run's token: the job's items are all counted; what is left must not be cut short by a shutdown.
            await finisher.FinishAsync(job.Id, descriptor, CancellationToken.None);
        }

        return true;
    }

    // Read from the UPDATE's RETURNING (snake_case columns: processed, failed, total).
    private sealed class Counters
    {
        public int Processed { get; init; }
        public int Failed { get; init; }
        public int Total { get; init; }
    }
}
