using Hangfire;
using ParseJobs.Api.Documents;
using ParseJobs.Api.Parsing;

namespace ParseJobs.Api.Jobs;

/// <summary>Hands a pending job to Hangfire, choosing the job class by kind.</summary>
public sealed class JobDispatcher(IBackgroundJobClient hangfire)
{
    /// <summary>Enqueues the job and records the Hangfire id on it (the caller saves).</summary>
    public void Dispatch(Job job)
    {
        var id = job.Id;
        var backgroundJobId = job.Kind switch
        {
            JobKind.CvParse => hangfire.Enqueue<ParseCvJob>(j => j.RunAsync(id, CancellationToken.None)),
            JobKind.DocumentParse => hangfire.Enqueue<DocumentParseJob>(j => j.RunAsync(id, CancellationToken.None)),
            _ => throw new InvalidOperationException($"No job class handles kind {job.Kind}."),
        };
        job.AttachBackgroundJob(backgroundJobId);
    }
}
