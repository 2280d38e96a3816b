using System.ComponentModel;
using System.Text.Json;
using Hangfire;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using ParseJobs.Api.Hosting;
using ParseJobs.Api.Jobs;
using ParseJobs.Api.Persistence;
using ParseJobs.Extraction.Cv;
using ParseJobs.Extraction.Parsing;

namespace ParseJobs.Api.Parsing;

/// <summary>parse → extract: document bytes to text (in an isolated parser) to a candidate profile.</summary>
public sealed class ParseCvJob(
    ParseJobsDbContext db,
    IDocumentParser parser,
    ICvExtractor extractor,
    JobProgressWriter progress,
    IOptions<ParsingOptions> options,
    IOptions<WorkerOptions> worker,
    TimeProvider clock,
    ILogger<ParseCvJob> logger)
{
    public const string JobTimeoutCode = "JOB_TIMEOUT";

    // Hangfire retries until the job itself gives up (Worker:MaxAttempts ≤ 10): the job decides, Hangfire executes.
    [Queue("parse")]
    [AutomaticRetry(Attempts = 10, DelaysInSeconds = [2, 10, 30, 60, 120, 300, 300, 300, 300, 300], OnAttemptsExceeded = AttemptsExceededAction.Delete)]
    [DisplayName("Parse CV {0}")]
    public async Task RunAsync(Guid jobId, CancellationToken ct)
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

        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(options.Value.JobTimeoutSeconds));
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(ct, timeout.Token);
        try
        {
            var document = await db.Documents.AsNoTracking()
                .Where(d => d.Id == job.DocumentId)
                .Select(d => new { d.Content, d.DetectedType })
                .SingleOrDefaultAsync(linked.Token)
                ?? throw new DocumentParseException(ParseErrorCodes.DocumentCorrupt, "The job's document no longer exists.");

            var parsed = await parser.ParseAsync(document.Content, document.DetectedType, Limits(), progress.For(jobId, linked.Token), linked.Token);
            var profile = extractor.Extract(parsed);

            db.JobResults.Add(new JobResult { JobId = jobId, Data = JsonSerializer.Serialize(profile), CreatedAt = clock.GetUtcNow() });
            job.ReportProgress(parsed.PageCount, parsed.PageCount, clock.GetUtcNow());
            job.Complete(clock.GetUtcNow());
        }
        catch (DocumentParseException ex)
        {
            logger.LogInformation("Job {JobId} failed: {ErrorCode}", jobId, ex.Code);
            job.Fail(ex.Code, ex.Message, clock.GetUtcNow());
        }
        catch (OperationCanceledException) when (timeout.IsCancellationRequested && !ct.IsCancellationRequested)
        {
            job.Fail(JobTimeoutCode, $"The job exceeded its {options.Value.JobTimeoutSeconds} s time limit.", clock.GetUtcNow());
        }
        catch (Exception ex) when (ex is not OperationCanceledException && job.AttemptCount >= worker.Value.MaxAttempts)
        {
            // Transient errors are retried by Hangfire (rethrown below); on the last attempt the job ends here.
            logger.LogError(ex, "Job {JobId} failed on its last attempt ({Attempts})", jobId, job.AttemptCount);
            job.Fail(Job.InternalErrorCode, $"Processing failed after {job.AttemptCount} attempt(s) ({ex.GetType().Name}).", clock.GetUtcNow());
        }

        await SaveOutcomeAsync(jobId, ct);
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

    private ParseLimits Limits() => new()
    {
        MaxPages = options.Value.MaxPages,
        MaxPackageEntries = options.Value.MaxDocxEntries,
        MaxUncompressedBytes = options.Value.MaxDocxUncompressedMb * 1024L * 1024L,
    };
}
