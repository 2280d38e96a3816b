using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using ParseJobs.Api.Hosting;
using ParseJobs.Api.Persistence;
using ParseJobs.Extraction.Parsing;

namespace ParseJobs.Api.Jobs;

/// <summary>
/// The one run of a job that every Hangfire job class goes through: start the attempt (or give up), run the
/// job's work under its time limit, store the result and end the job exactly once. Document errors end the
/// job <c>failed</c> with their code; other exceptions propagate so that Hangfire retries, until the last attempt.
/// </summary>
public sealed class JobRunner(ParseJobsDbContext db, IOptions<WorkerOptions> worker, TimeProvider clock, ILogger<JobRunner> logger)
{
    public const string JobTimeoutCode = "JOB_TIMEOUT";

    /// <summary>What a job's work hands back: the result as JSON (stored as jsonb), the page count and optional meta JSON.</summary>
    public sealed record Output(string ResultJson, int PageCount, string? MetaJson = null);

    /// <param name="jobId">The job to run.</param>
    /// <param name="timeout">The whole job's time limit (JOB_TIMEOUT).</param>
    /// <param name="work">Reads what it needs through <paramref name="jobId"/>; may add rows to the same DbContext, saved with the outcome.</param>
    /// <param name="ct">Hangfire's shutdown token.</param>
    public async Task RunAsync(Guid jobId, TimeSpan timeout, Func<Job, CancellationToken, Task<Output>> work, CancellationToken ct)
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
            await SaveOutcomeAsync(jobId, ct);
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

        using var timeoutSource = new CancellationTokenSource(timeout);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(ct, timeoutSource.Token);
        try
        {
            var output = await work(job, linked.Token);
            db.JobResults.Add(new JobResult { JobId = jobId, Data = output.ResultJson, Meta = output.MetaJson, CreatedAt = clock.GetUtcNow() });
            job.ReportProgress(output.PageCount, output.PageCount, clock.GetUtcNow());
            job.Complete(clock.GetUtcNow());
        }
        catch (DocumentParseException ex)
        {
            logger.LogInformation("Job {JobId} failed: {ErrorCode}", jobId, ex.Code);
            job.Fail(ex.Code, ex.Message, clock.GetUtcNow());
        }
        catch (OperationCanceledException) when (timeoutSource.IsCancellationRequested && !ct.IsCancellationRequested)
        {
            job.Fail(JobTimeoutCode, $"The job exceeded its {timeout.TotalSeconds:0} s time limit.", clock.GetUtcNow());
        }
        catch (Exception ex) when (ex is not OperationCanceledException && job.AttemptCount >= worker.Value.MaxAttempts)
        {
            // Transient errors are retried by Hangfire (rethrown below); on the last attempt the job ends here.
            logger.LogError(ex, "Job {JobId} failed on its last attempt ({Attempts})", jobId, job.AttemptCount);
            job.Fail(Job.InternalErrorCode, $"Processing failed after {job.AttemptCount} attempt(s) ({ex.GetType().Name}).", clock.GetUtcNow());
        }

        await SaveOutcomeAsync(jobId, ct);
    }

    /// <summary>The bytes and type of the job's document; DOCUMENT_CORRUPT when it is gone.</summary>
    public async Task<(byte[] Content, DocumentType Type)> LoadDocumentAsync(Job job, CancellationToken ct)
    {
        var document = await db.Documents.AsNoTracking()
            .Where(d => d.Id == job.DocumentId)
            .Select(d => new { d.Content, d.DetectedType })
            .SingleOrDefaultAsync(ct)
            ?? throw new DocumentParseException(ParseErrorCodes.DocumentCorrupt, "The job's document no longer exists.");
        return (document.Content, document.DetectedType);
    }

    private async Task SaveOutcomeAsync(Guid jobId, CancellationToken ct)
    {
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            // Status and attempt count are concurrency tokens: this fails when another run ended or restarted
            // the job, or the job was deleted while it ran. Their outcome stands; anything else is a real error.
            var current = await db.Jobs.AsNoTracking().Where(j => j.Id == jobId).Select(j => (JobStatus?)j.Status).SingleOrDefaultAsync(ct);
            if (current is null or JobStatus.Completed or JobStatus.Failed or JobStatus.Running)
            {
                logger.LogInformation("Job {JobId} was ended, restarted or deleted concurrently; this run's outcome is dropped", jobId);
                return;
            }

            throw;
        }
    }
}
