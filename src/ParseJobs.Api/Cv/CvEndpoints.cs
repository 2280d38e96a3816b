using System.Text.Json;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using ParseJobs.Api.Auth;
using ParseJobs.Api.Hosting;
using ParseJobs.Api.Jobs;
using ParseJobs.Api.Persistence;
using ParseJobs.Api.Uploads;
using ParseJobs.Extraction.Cv;

namespace ParseJobs.Api.Cv;

public static class CvEndpoints
{
    public static RouteGroupBuilder MapCv(this IEndpointRouteBuilder app)
    {
        var uploads = app.ServiceProvider.GetRequiredService<IOptions<UploadOptions>>().Value;
        var group = app.MapGroup("/v1/parse").WithTags("CV parsing").RequireAuthorization(Scopes.JobsRead)
            .WithErrorShape(ErrorShape.ProblemDetails);
        group.MapPost("/", Submit).RequireAuthorization(Scopes.JobsWrite).DisableAntiforgery()
            .WithUploadLimit(uploads.MaxFileSizeBytes).WithSubmissionRateLimit()
            .WithName("SubmitCv").WithSummary("Upload a CV (PDF, DOCX or TXT) for parsing; returns a job id at once")
            .ProducesProblems(StatusCodes.Status413PayloadTooLarge, StatusCodes.Status415UnsupportedMediaType, StatusCodes.Status422UnprocessableEntity);
        group.MapGet("/{jobId:guid}/status", GetStatus).WithName("GetParseStatus").WithSummary("Poll a parse job")
            .ProducesProblems(StatusCodes.Status404NotFound);
        group.MapGet("/{jobId:guid}/results", GetResults).WithName("GetParseResults").WithSummary("The candidate profile of a completed parse job")
            .ProducesProblems(StatusCodes.Status404NotFound, StatusCodes.Status409Conflict);
        return group;
    }

    /// <param name="file">The CV: PDF, DOCX or plain text. The type is detected from the content.</param>
    /// <param name="dataId">Your own reference for this document, returned with the job.</param>
    private static async Task<Results<Accepted<JobAcceptedResponse>, ValidationProblem, ProblemHttpResult>> Submit(
        IFormFile? file, [FromForm(Name = "data_id")] string? dataId, Tenant tenant,
        DocumentUploadReader uploads, JobSubmitter submitter, CancellationToken ct)
    {
        if (DocumentUploadReader.ValidateDataId(dataId) is { } invalid)
        {
            return invalid;
        }

        var upload = await uploads.ReadAsync(file, tenant, ct);
        if (upload.Document is not { } document)
        {
            return upload.Problem!;
        }

        var job = await submitter.SubmitAsync(tenant, JobKind.CvParse, document, dataId, parameters: null, ct);
        var statusUrl = $"/v1/parse/{job.Id}/status";
        return TypedResults.Accepted(statusUrl, JobAcceptedResponse.From(job, statusUrl));
    }

    /// <param name="wait">Long poll (optional): seconds to wait for the job to complete or fail, at most 30 (larger values wait 30); the answer comes as soon as the job has ended, or after the wait with the status then. Without it the status is answered at once.</param>
    private static async Task<Results<Ok<JobStatusResponse>, ProblemHttpResult>> GetStatus(
        Guid jobId, [FromQuery] int? wait, Tenant tenant, ParseJobsDbContext db, JobEndSignals ends, CancellationToken ct)
    {
        var job = await ends.FindOwnedAsync(db, tenant, jobId, wait, ct);
        return JobProblems.Lookup(job, jobId, JobKind.CvParse) is { } problem ? problem : TypedResults.Ok(JobStatusResponse.From(job!));
    }

    private static async Task<Results<StoredResultHttpResult<ParseResultsResponse>, ProblemHttpResult>> GetResults(
        Guid jobId, Tenant tenant, ParseJobsDbContext db, CancellationToken ct)
    {
        var job = await db.FindOwnedAsync(tenant, jobId, ct);
        if (JobProblems.Lookup(job, jobId, JobKind.CvParse) is { } problem)
        {
            return problem;
        }

        switch (job!.Status)
        {
            case JobStatus.Failed:
                return JobProblems.Failed(job, $"/v1/parse/{jobId}/status");
            case JobStatus.Pending or JobStatus.Running:
                return JobProblems.NotCompleted(job, $"/v1/parse/{jobId}/status");
        }

        var stored = await db.JobResults.Where(r => r.JobId == jobId).Select(r => new { r.Data, r.Meta }).SingleAsync(ct);
        // The profile is written as stored (no model round trip); meta is small and kept through its model (jsonb).
        var meta = stored.Meta is null ? null : JsonSerializer.Deserialize<CvParseMeta>(stored.Meta, JsonSetup.Wire);
        var executionTime = Math.Round(job.ExecutionTimeSeconds ?? 0, 3);
        return new StoredResultHttpResult<ParseResultsResponse>(job, writer =>
        {
            writer.WriteStartObject();
            writer.WritePropertyName("data");
            writer.WriteRawValue(stored.Data, skipInputValidation: true);
            writer.WriteNumber("status_code", StatusCodes.Status200OK);
            writer.WriteNumber("execution_time", executionTime);
            writer.WritePropertyName("meta");
            JsonSerializer.Serialize(writer, meta, JsonSetup.Wire);
            writer.WriteEndObject();
        });
    }
}

/// <summary>A completed parse: <c>data</c> is the candidate profile, <c>meta</c> what was learnt about the document.</summary>
public sealed record ParseResultsResponse(CvProfile Data, int StatusCode, double ExecutionTime, CvParseMeta? Meta);
