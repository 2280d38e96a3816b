using Hangfire;
using Microsoft.EntityFrameworkCore;
using ParseJobs.Api.Cv;
using ParseJobs.Api.Documents;
using ParseJobs.Api.Persistence;

namespace ParseJobs.Api.Jobs;

/// <summary>Hands a pending, committed job to Hangfire, choosing the job class by kind.</summary>
public sealed class JobDispatcher(IBackgroundJobClient hangfire, ParseJobsDbContext db)
{
    public async Task DispatchAsync(Job job)
    {
        var id = job.Id;
        var backgroundJobId = job.Kind switch
        {
            JobKind.CvParse => hangfire.Enqueue<CvParseJob>(j => j.RunAsync(id, CancellationToken.None)),
            JobKind.DocumentParse => hangfire.Enqueue<DocumentParseJob>(j => j.RunAsync(id, CancellationToken.None)),
            _ => throw new InvalidOperationException($"No job class handles kind {job.Kind}."),
        };

        // Written past the job's concurrency tokens: a worker may have started the job already, and the Hangfire
        // id is for operators only. Not cancellable: the job is enqueued, its id must be recorded.
        await db.Jobs.Where(j => j.Id == id)
            .ExecuteUpdateAsync(s => s.SetProperty(j => j.BackgroundJobId, backgroundJobId), CancellationToken.None);
    }
}
