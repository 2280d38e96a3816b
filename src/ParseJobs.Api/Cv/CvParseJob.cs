using System.ComponentModel;
using System.Text.Json;
using Hangfire;
using Microsoft.Extensions.Options;
using ParseJobs.Api.Hosting;
using ParseJobs.Api.Jobs;
using ParseJobs.Extraction.Cv;
using ParseJobs.Extraction.Documents;
using ParseJobs.Extraction.Parsing;

using ParseJobs.Api.Parsers;

namespace ParseJobs.Api.Cv;

/// <summary>parse → extract: document bytes to the layout model (in an isolated parser) to a candidate profile.</summary>
public sealed class CvParseJob(JobRunner runner, IDocumentParser parser, ICvExtractor extractor, JobProgressWriter progress, IOptions<ParsingOptions> options)
{
    // Hangfire retries until the job itself gives up (Worker:MaxAttempts ≤ 10): the job decides, Hangfire executes.
    [Queue("parse")]
    [AutomaticRetry(Attempts = 10, DelaysInSeconds = [2, 10, 30, 60, 120, 300, 300, 300, 300, 300], OnAttemptsExceeded = AttemptsExceededAction.Delete)]
    [DisplayName("Parse CV {0}")]
    public Task RunAsync(Guid jobId, CancellationToken ct) =>
        runner.RunAsync(jobId, TimeSpan.FromSeconds(options.Value.JobTimeoutSeconds), async (job, token) =>
        {
            var (content, type) = await runner.LoadDocumentAsync(job, token);
            var limits = options.Value.Limits() with { MaxImages = 0 }; // a profile needs text: no picture bytes cross the pipe
            var layout = await parser.ParseAsync(content, type, limits, progress.For(jobId, token), token);
            if (!layout.HasText)
            {
                throw new DocumentParseException(ParseErrorCodes.NoTextLayer, "The document has no text layer (a scan?); a CV needs text.");
            }

            var text = layout.ToExtractedDocument(limits.MaxTextCharacters);
            var profile = extractor.Extract(text);
            var language = LanguageDetector.Detect(text.Text);
            var meta = new CvParseMeta(language.Code, language.Confidence, type, layout.PageCount);
            return new JobRunner.Output(JsonSerializer.Serialize(profile), layout.PageCount, JsonSerializer.Serialize(meta, JsonSetup.Wire));
        }, ct);
}
