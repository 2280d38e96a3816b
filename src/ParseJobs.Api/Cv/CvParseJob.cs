using Microsoft.Extensions.Options;
using ParseJobs.Api.Jobs;
using ParseJobs.Api.Parsers;
using ParseJobs.Api.Persistence;
using ParseJobs.Extraction.Cv;
using ParseJobs.Extraction.Documents;
using ParseJobs.Extraction.Parsing;

namespace ParseJobs.Api.Cv;

/// <summary>parse → extract: document bytes to the layout model (in an isolated parser) to a candidate profile.</summary>
// Hangfire retries until the job itself gives up (Worker:MaxAttempts ≤ 10): the job decides, Hangfire executes.
// On the class: the job is enqueued through IJobClass, whose method carries no attributes.
[Hangfire.AutomaticRetry(Attempts = 10, DelaysInSeconds = [2, 10, 30, 60, 120, 300, 300, 300, 300, 300], OnAttemptsExceeded = Hangfire.AttemptsExceededAction.Delete)]
public sealed class CvParseJob(JobRunner runner, ParseJobsDbContext db, IDocumentParser parser, CvPipeline pipeline, JobProgressWriter progress, IOptions<ParsingOptions> options)
    : IJobClass
{
    public Task RunAsync(Guid jobId, CancellationToken ct) =>
        runner.RunAsync(jobId, async (job, token) =>
        {
            var (content, type) = await db.LoadDocumentAsync(job.DocumentId, token);
            var limits = options.Value.Limits() with { MaxImages = 0 }; // a profile needs text: no picture bytes cross the pipe
            var layout = await parser.ParseAsync(content, type, limits, progress.For(jobId, token), token);
            var cv = pipeline.Run(layout, limits.MaxTextCharacters); // NO_TEXT_LAYER for a scan: a profile needs text
            return new JobOutput<CvProfile>(cv.Profile) { PageCount = layout.PageCount, Meta = cv.Meta };
        }, ct);
}
