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
public sealed class CvParseJob(JobRunner runner, IDocumentParser parser, CvPipeline pipeline, JobProgressWriter progress, IOptions<ParsingOptions> options)
{
    // Hangfire retries until the job itself gives up (Worker:MaxAttempts ≤ 10): the job decides, Hangfire executes.
    [Queue("parse")]
    [AutomaticRetry(Attempts = 10, DelaysInSeconds = [2, 10, 30, 60, 120, 300, 300, 300, 300, 300], OnAttemptsExceeded = AttemptsExceededAction.Delete)]
    [DisplayName("Parse CV {0}")]
    public Task RunAsync(Guid jobId, CancellationToken ct) =>
        runner.RunAsync(jobId, TimeSpan.FromSeconds(options.Value.JobTimeoutSeconds), async (job, token) =>
        {
            var (content, type) = await runner.LoadDocumentAsync(job, token);
            var limits = options.Value.Limits();
            var layout = await parser.ParseAsync(content, type, limits, progress.For(jobId, token), token);
            var cv = pipeline.Run(layout, limits.MaxTextCharacters);
            return new JobRunner.Output(JsonSerializer.Serialize(cv.Profile), layout.PageCount, JsonSerializer.Serialize(cv.Meta, JsonSetup.Wire));
        }, ct);
}
