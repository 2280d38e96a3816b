using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using ParseJobs.Api.Hosting;
using ParseJobs.Api.Persistence;

namespace ParseJobs.Api.Jobs;

/// <summary>What a job's work hands back: its typed result, the pages read (page progress) and optional meta.</summary>
public sealed record JobOutput<TResult>(TResult Result)
{
    public int? PageCount { get; init; }

    /// <summary>What the job learnt about its input besides the result (e.g. a CV's language); serialised with the wire options.</summary>
    public object? Meta { get; init; }
}

/// <summary>
/// The one run of a single-result job that every Hangfire job class goes through: start the attempt (or give up),
/// run the job's work under its kind's time limit, serialise and store the result with the kind's options, and end
/// the job exactly once. <see cref="JobFailedException"/> ends the job <c>failed</c> with its code; other
/// exceptions propagate so that Hangfire retries, until the last attempt ends it INTERNAL_ERROR.
/// </summary>
public sealed class JobRunner(
    ParseJobsDbContext db, JobKinds kinds, IServiceProvider services, IOptions<WorkerOptions> worker,
    IOptions<ResultOptions> results, TimeProvider clock, ILogger<JobRunner> logger)
{
    /// <param name="jobId">The job to run.</param>
    /// <param name="work">Reads what it needs through the job; rows it adds to this DbContext are saved with a
    /// completed outcome and discarded with any other.</param>
    /// <param name="ct">Hangfire's shutdown token.</param>
    public async Task RunAsync<TResult>(Guid jobId, Func<Job, CancellationToken, Task<JobOutput<TResult>>> work, CancellationToken ct)
    {
        var job = await db.Jobs.SingleOrDefaultAsync(j => j.Id == jobId, ct);
        if (job is null)
        {
            return; // deleted meanwhile
        }

        var start = job.TryStart(clock.GetUtcNow(), worker.Value.MaxAttempts);
        if (start == StartOutcome.AlreadyEnded)
        {
            return;
        }

        if (start == StartOutcome.AttemptsExhausted)
        {
            logger.LogError("Job {JobId} abandoned after {Attempts} unfinished attempts", jobId, job.AttemptCount);
            await SaveOutcomeAsync(job, ct);
            return;
        }

        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            logger.LogInformation("Job {JobId} was started, ended or deleted by another run meanwhile; this run stops", jobId);
            return;
        }

        var descriptor = kinds.Get(job.Kind);
        var timeout = descriptor.TimeoutFor(services);
        using var timeoutSource = new CancellationTokenSource(timeout);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(ct, timeoutSource.Token);
        try
        {
            var output = await work(job, linked.Token);
            // A result a parser made is JSON already (serialised with the wire options where it was made): stored as is.
            var data = output.Result is StoredJson made ? made.Json : JsonSerializer.Serialize(output.Result, descriptor.ResultType, descriptor.ResultJson);
            if (System.Text.Encoding.UTF8.GetByteCount(data) > results.Value.MaxResultBytes)
            {
                throw new JobFailedException(ErrorCodes.ResultTooLarge,
                    $"The result is larger than {results.Value.MaxResultMb} MB (Results:MaxResultMb); split the document or ask for less (include_markdown, include_html).");
            }

            var meta = output.Meta is null ? null : JsonSerializer.Serialize(output.Meta, output.Meta.GetType(), JsonSetup.Wire);
            db.JobResults.Add(new JobResult { JobId = jobId, Data = data, Meta = meta, CreatedAt = clock.GetUtcNow() });
            if (output.PageCount is { } pages)
            {
                job.ReportProgress(pages, pages, clock.GetUtcNow());
            }

            job.Complete(clock.GetUtcNow());
        }
        catch (Exception ex) when (JobFailedException.From(ex) is { } failed)
        {
            logger.LogInformation("Job {JobId} failed: {ErrorCode}", jobId, failed.Code);
            DiscardWork(job);
            job.Fail(failed.Code, failed.Message, clock.GetUtcNow());
        }
        catch (OperationCanceledException) when (timeoutSource.IsCancellationRequested && !ct.IsCancellationRequested)
        {
            DiscardWork(job);
            job.Fail(ErrorCodes.JobTimeout, $"The job exceeded its {timeout.TotalSeconds:0} s time limit.", clock.GetUtcNow());
        }
        catch (Exception ex) when (ex is not OperationCanceledException && job.AttemptCount >= worker.Value.MaxAttempts)
        {
            // Transient errors are retried by Hangfire (they propagate); on the last attempt the job ends here.
            logger.LogError(ex, "Job {JobId} failed on its last attempt ({Attempts})", jobId, job.AttemptCount);
            DiscardWork(job);
            job.Fail(ErrorCodes.InternalError, $"Processing failed after {job.AttemptCount} attempt(s) ({ex.GetType().Name}).", clock.GetUtcNow());
        }

        await SaveOutcomeAsync(job, ct);
    }

    // Rows the work added (images, partial results) belong to a completed outcome only.
    private void DiscardWork(Job job)
    {
        foreach (var entry in db.ChangeTracker.Entries().Where(e => e.Entity != job && e.State == EntityState.Added).ToList())
        {
            entry.State = EntityState.Detached;
        }
    }

    /// <summary>
    /// Saves the outcome, and never drops it silently. Status and attempt count are concurrency tokens: a
    /// <see cref="DbUpdateConcurrencyException"/> means another run ended or restarted the job (or it was deleted),
    /// and that outcome stands. Any other save error (a value too long for its column, a duplicate key in the job's
    /// own rows, a result the database rejects) is ours: the work's rows are dropped and the job fails
    /// INTERNAL_ERROR; when even that cannot be saved, the exception reaches Hangfire, which retries.
    /// </summary>
    private async Task SaveOutcomeAsync(Job job, CancellationToken ct)
    {
        try
        {
            await db.SaveChangesAsync(ct);
            return;
        }
        catch (DbUpdateConcurrencyException)
        {
            logger.LogInformation("Job {JobId} was ended, restarted or deleted by another run; this run's outcome gives way", job.Id);
            db.ChangeTracker.Clear();
            return;
        }
        catch (DbUpdateException ex)
        {
            logger.LogError(ex, "The outcome of job {JobId} could not be saved; the job fails with {ErrorCode}", job.Id, ErrorCodes.InternalError);
        }

        var attempt = job.AttemptCount;
        db.ChangeTracker.Clear();
        var current = await db.Jobs.SingleOrDefaultAsync(j => j.Id == job.Id, ct);
        if (current is null || current.IsTerminal || current.AttemptCount != attempt)
        {
            return; // deleted, or another run took over meanwhile: its outcome stands
        }

        current.Fail(ErrorCodes.InternalError, "The job's result could not be stored.", clock.GetUtcNow());
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            logger.LogInformation("Job {JobId} was ended or restarted by another run while this run failed it", job.Id);
        }
    }
}
