using Hangfire.Common;
using Hangfire.States;
using Hangfire.Storage;
using Microsoft.EntityFrameworkCore;
using ParseJobs.Api.Persistence;
using ParseJobs.Extraction.Parsing;

namespace ParseJobs.Api.Jobs;

/// <summary>
/// When Hangfire gives up on a job (retries exhausted), the ParseJobs job must not stay "running" for ever:
/// it ends failed with INTERNAL_ERROR. Every job class takes the job id as its first argument.
/// </summary>
public sealed class JobFailureFilter(IServiceScopeFactory scopes, ILogger<JobFailureFilter> logger) : JobFilterAttribute, IApplyStateFilter
{
    public void OnStateApplied(ApplyStateContext context, IWriteOnlyTransaction transaction)
    {
        if (context.NewState is not FailedState failed || context.BackgroundJob.Job?.Args is not [Guid jobId, ..])
        {
            return;
        }

        using var scope = scopes.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<ParseJobsDbContext>();
        var clock = scope.ServiceProvider.GetRequiredService<TimeProvider>();
        var job = db.Jobs.SingleOrDefault(j => j.Id == jobId);
        var reason = failed.Exception?.GetType().Name ?? "unknown error";
        if (job is not null && job.Fail(ParseErrorCodes.InternalError, $"Processing failed after {job.AttemptCount} attempt(s) ({reason}).", clock.GetUtcNow()))
        {
            try
            {
                db.SaveChanges();
            }
            catch (DbUpdateConcurrencyException)
            {
                // Someone else ended it meanwhile: that terminal state stands.
            }

            logger.LogWarning("Job {JobId} failed permanently after {Attempts} attempts: {Reason}", jobId, job.AttemptCount, reason);
        }
    }

    public void OnStateUnapplied(ApplyStateContext context, IWriteOnlyTransaction transaction)
    {
    }
}
