using System.Text;
using Hangfire;
using Microsoft.Extensions.Options;
using ParseJobs.Api.Jobs;
using ParseJobs.Api.Parsers;
using ParseJobs.Api.Persistence;
using ParseJobs.Extraction.Parsing;

namespace ParseJobs.Api.Documents;

/// <summary>parse: document bytes to the layout result, made (rendered, chunked, capped and serialised) by an isolated
/// parser; the worker stores the result bytes as they came and each distinct embedded image once.</summary>
// On the class: the job is enqueued through IJobClass, whose method carries no attributes.
[AutomaticRetry(Attempts = 10, DelaysInSeconds = [2, 10, 30, 60, 120, 300, 300, 300, 300, 300], OnAttemptsExceeded = AttemptsExceededAction.Delete)]
public sealed class DocumentParseJob(
    JobRunner runner,
    IDocumentParser parser,
    JobProgressWriter progress,
    ParseJobsDbContext db,
    IOptions<ParsingOptions> parsing,
    IOptions<DocumentParseOptions> options,
    IOptions<ResultOptions> results) : IJobClass
{
    public void Run(Guid jobId, CancellationToken ct) => WorkerThreadWait.RunToEnd(RunAsync(jobId, ct));

    public Task RunAsync(Guid jobId, CancellationToken ct) =>
        runner.RunAsync(jobId, async (job, token) =>
        {
            var parameters = DocumentParseParameters.FromJson(job.Parameters);
            var (content, type) = await db.LoadDocumentAsync(job.DocumentId, token);
            // The parser caps images (each distinct image once) and the result; the reply stays within these bounds.
            var limits = parsing.Value.Limits() with
            {
                MaxImages = options.Value.MaxImages,
                MaxImageBytes = options.Value.MaxImageMb * 1024L * 1024L,
                MaxResultBytes = results.Value.MaxResultBytes,
            };
            var product = new DocumentResultProduct(parameters.ChunkTargetLength, parameters.IncludeMarkdown, parameters.IncludeHtml, $"/v1/documents/{jobId}/images/");
            var parsed = await parser.ParseAsync(content, type, limits, product, progress.For(jobId, token), token);

            db.JobImages.AddRange(parsed.Images.Select(i => new JobImage { JobId = jobId, SegmentId = i.SegmentId, MediaType = i.MediaType, Content = i.Content }));
            return new JobOutput<StoredJson>(new StoredJson(Encoding.UTF8.GetString(parsed.Json))) { PageCount = parsed.PageCount };
        }, ct);
}
