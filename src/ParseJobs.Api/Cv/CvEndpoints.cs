using System.Text.Json;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
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
        var group = app.MapGroup("/v1/parse").WithTags("CV parsing").RequireAuthorization(Scopes.JobsRead);
        group.MapPost("/", Submit).RequireAuthorization(Scopes.JobsWrite).DisableAntiforgery()
            .WithName("SubmitCv").WithSummary("Upload a CV (PDF, DOCX or TXT) for parsing; returns a job id at once")
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge)
            .ProducesProblem(StatusCodes.Status415UnsupportedMediaType)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity);
        group.MapGet("/{jobId:guid}/status", GetStatus).WithName("GetParseStatus").WithSummary("Poll a parse job");
        group.MapGet("/{jobId:guid}/results", GetResults).WithName("GetParseResults").WithSummary("The candidate profile of a completed parse job");
        return group;
    }

    /// <param name="file">The CV: PDF, DOCX or plain text. The type is detected from the content.</param>
    /// <param name="dataId">Your own reference for this document, returned with the job.</param>
    private static async Task<IResult> Submit(
        IFormFile? file, [FromForm(Name = "data_id")] string? dataId, Tenant tenant,
        DocumentUploadReader uploads, JobSubmitter submitter, CancellationToken ct)
    {
        if (JobSubmitter.ValidateDataId(dataId) is { } invalid)
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

    private static async Task<Results<Ok<JobStatusResponse>, NotFound<ProblemDetails>>> GetStatus(
        Guid jobId, Tenant tenant, ParseJobsDbContext db, CancellationToken ct)
    {
        var job = await db.Jobs.OwnedBy(tenant).AsNoTracking().SingleOrDefaultAsync(j => j.Id == jobId && j.Kind == JobKind.CvParse, ct);
        return job is null ? JobProblems.NotFound(jobId) : TypedResults.Ok(JobStatusResponse.From(job));
    }

    private static async Task<Results<Ok<ParseResultsResponse>, NotFound<ProblemDetails>, ProblemHttpResult>> GetResults(
        Guid jobId, Tenant tenant, ParseJobsDbContext db, CancellationToken ct)
    {
        var job = await db.Jobs.OwnedBy(tenant).AsNoTracking().SingleOrDefaultAsync(j => j.Id == jobId && j.Kind == JobKind.CvParse, ct);
        switch (job?.Status)
        {
            case null:
                return JobProblems.NotFound(jobId);
            case JobStatus.Failed:
                return TypedResults.Problem(statusCode: StatusCodes.Status409Conflict, title: "Job failed",
                    detail: "Job failed to process. Results are not available.");
            case JobStatus.Pending or JobStatus.Running:
                return JobProblems.NotCompleted(job, $"/v1/parse/{jobId}/status");
        }

        var stored = await db.JobResults.Where(r => r.JobId == jobId).Select(r => new { r.Data, r.Meta }).SingleAsync(ct);
        var profile = (CvProfile)JobResultJson.Read(JobKind.CvParse, stored.Data);
        var meta = stored.Meta is null ? null : JsonSerializer.Deserialize<CvParseMeta>(stored.Meta, JsonSetup.Wire);
        return TypedResults.Ok(new ParseResultsResponse(profile, StatusCodes.Status200OK, Math.Round(job.ExecutionTimeSeconds ?? 0, 3), meta));
    }
}

/// <summary>A completed parse: <c>data</c> is the candidate profile, <c>meta</c> what was learnt about the document.</summary>
public sealed record ParseResultsResponse(CvProfile Data, int StatusCode, double ExecutionTime, CvParseMeta? Meta);
