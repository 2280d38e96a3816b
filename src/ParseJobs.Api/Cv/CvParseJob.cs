using System.Text;
using Microsoft.Extensions.Options;
using ParseJobs.Api.Jobs;
using ParseJobs.Api.Parsers;
using ParseJobs.Api.Persistence;
using ParseJobs.Extraction.Parsing;

namespace ParseJobs.Api.Cv;

/// <summary>parse → extract: document bytes to a candidate profile, made (layout, CV pipeline, JSON) by an isolated
/// parser; the worker stores the profile and its meta as the bytes that came back.</summary>
// Hangfire retries until the job itself gives up (Worker:MaxAttempts ≤ 10): the job decides, Hangfire executes.
// On the class: the job is enqueued through IJobClass, whose method carries no attributes.
[Hangfire.AutomaticRetry(Attempts = 10, DelaysInSeconds = [2, 10, 30, 60, 120, 300, 300, 300, 300, 300], OnAttemptsExceeded = Hangfire.AttemptsExceededAction.Delete)]
public sealed class CvParseJob(JobRunner runner, ParseJobsDbContext db, IDocumentParser parser, JobProgressWriter progress, IOptions<ParsingOptions> options, IOptions<ResultOptions> results)
    : IJobClass
{
    private static readonly CvProfileProduct Product = new();

    public void Run(Guid jobId, CancellationToken ct) => WorkerThreadWait.RunToEnd(RunAsync(jobId, ct));

    public Task RunAsync(Guid jobId, CancellationToken ct) =>
        runner.RunAsync(jobId, async (job, token) =>
        {
            var (content, type) = await db.LoadDocumentAsync(job.DocumentId, token);
            // A profile needs text: no picture bytes are read. NO_TEXT_LAYER for a scan; a field reader that throws
            // leaves its part empty with EXTRACTION_PARTIAL (in the parser, like the rest of the extraction).
            var limits = options.Value.Limits() with { MaxImages = 0, MaxResultBytes = results.Value.MaxResultBytes };
            var parsed = await parser.ParseAsync(content, type, limits, Product, progress.For(jobId, token), token);
            return new JobOutput<StoredJson>(new StoredJson(Encoding.UTF8.GetString(parsed.Json)))
            {
                PageCount = parsed.PageCount,
                Meta = parsed.MetaJson is { } meta ? new StoredJson(Encoding.UTF8.GetString(meta)) : null,
            };
        }, ct);
}
