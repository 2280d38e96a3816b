using System.Text.Json;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using ParseJobs.Api.Auth;
using ParseJobs.Api.Jobs;
using ParseJobs.Api.Persistence;

using ParseJobs.Api.Uploads;

namespace ParseJobs.Api.Documents;

public static class DocumentsEndpoints
{
    public static RouteGroupBuilder MapDocuments(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/v1/documents").WithTags("Document layout").RequireAuthorization(Scopes.JobsRead);
        group.MapPost("/", Submit).RequireAuthorization(Scopes.JobsWrite).DisableAntiforgery()
            .WithName("SubmitDocument").WithSummary("Upload a document (PDF, DOCX or TXT) for layout analysis; returns a job id at once")
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge)
            .ProducesProblem(StatusCodes.Status415UnsupportedMediaType)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity);
        group.MapGet("/{jobId:guid}", GetResult).WithName("GetDocumentResult")
            .WithSummary("Pages, chunks of segments and markdown of a completed document-parse job");
        group.MapGet("/{jobId:guid}/markdown", GetMarkdown).WithName("GetDocumentMarkdown")
            .WithSummary("The whole document as text/markdown").Produces<string>(StatusCodes.Status200OK, "text/markdown");
        group.MapGet("/{jobId:guid}/images/{segmentId}", GetImage).WithName("GetDocumentImage")
            .WithSummary("The bytes of a Picture segment's embedded image");
        return group;
    }

    /// <param name="file">The document: PDF, DOCX or plain text. The type is detected from the content.</param>
    /// <param name="dataId">Your own reference for this document, returned with the job.</param>
    /// <param name="chunkTargetLength">Words per chunk to aim for (16–8192, default 512); chunks are cut at section boundaries.</param>
    /// <param name="includeMarkdown">Markdown of each segment (default true).</param>
    /// <param name="includeHtml">HTML of each segment (default true).</param>
    private static async Task<IResult> Submit(
        IFormFile? file,
        [FromForm(Name = "data_id")] string? dataId,
        [FromForm(Name = "chunk_target_length")] string? chunkTargetLength,
        [FromForm(Name = "include_markdown")] string? includeMarkdown,
        [FromForm(Name = "include_html")] string? includeHtml,
        Tenant tenant, DocumentUploadReader uploads, JobSubmitter submitter, CancellationToken ct)
    {
        if (JobSubmitter.ValidateDataId(dataId) is { } invalid)
        {
            return invalid;
        }

        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        var parameters = DocumentParseParameters.Parse(chunkTargetLength, includeMarkdown, includeHtml, errors);
        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors, detail: "Some form fields are invalid.");
        }

        var upload = await uploads.ReadAsync(file, tenant, ct);
        if (upload.Document is not { } document)
        {
            return upload.Problem!;
        }

        var job = await submitter.SubmitAsync(tenant, JobKind.DocumentParse, document, dataId, parameters.ToJson(), ct);
        var statusUrl = $"/v1/jobs/{job.Id}";
        return TypedResults.Accepted(statusUrl, JobAcceptedResponse.From(job, statusUrl));
    }

    private static async Task<Results<StoredResultHttpResult<DocumentParseResult>, NotFound<ProblemDetails>, ProblemHttpResult>> GetResult(
        Guid jobId, Tenant tenant, ParseJobsDbContext db, CancellationToken ct)
    {
        var (problem, data, job) = await CompletedResultAsync(jobId, tenant, db, ct);
        return problem switch
        {
            NotFound<ProblemDetails> notFound => notFound,
            ProblemHttpResult conflict => conflict,
            _ => StoredResults.Of<DocumentParseResult>(job!, data!), // as stored: no model round trip per GET
        };
    }

    private static async Task<IResult> GetMarkdown(Guid jobId, Tenant tenant, ParseJobsDbContext db, CancellationToken ct)
    {
        var (problem, data, _) = await CompletedResultAsync(jobId, tenant, db, ct);
        if (problem is not null)
        {
            return problem;
        }

        using var json = JsonDocument.Parse(data!);
        return TypedResults.Text(json.RootElement.GetProperty("markdown").GetString() ?? "", "text/markdown; charset=utf-8");
    }

    private static async Task<Results<FileContentHttpResult, NotFound<ProblemDetails>>> GetImage(
        Guid jobId, string segmentId, Tenant tenant, ParseJobsDbContext db, CancellationToken ct)
    {
        var owned = await db.Jobs.OwnedBy(tenant).AnyAsync(j => j.Id == jobId && j.Kind == JobKind.DocumentParse, ct);
        var image = owned ? await db.JobImages.AsNoTracking().SingleOrDefaultAsync(i => i.JobId == jobId && i.SegmentId == segmentId, ct) : null;
        return image is null
            ? TypedResults.NotFound(new ProblemDetails
            {
                Status = StatusCodes.Status404NotFound,
                Title = "Image not found",
                Detail = owned
                    ? $"Job {jobId} has no stored image for segment '{segmentId}' (only Picture segments with an image_url have one)."
                    : $"No document job {jobId} exists for this API key's organisation.",
            })
            : TypedResults.File(image.Content, image.MediaType);
    }

    // The stored result of a completed document job, or the problem that answers instead.
    private static async Task<(IResult? Problem, string? Data, Job? Job)> CompletedResultAsync(Guid jobId, Tenant tenant, ParseJobsDbContext db, CancellationToken ct)
    {
        var job = await db.Jobs.OwnedBy(tenant).AsNoTracking().SingleOrDefaultAsync(j => j.Id == jobId && j.Kind == JobKind.DocumentParse, ct);
        switch (job?.Status)
        {
            case null:
                return (JobProblems.NotFound(jobId), null, null);
            case JobStatus.Failed:
                return (TypedResults.Problem(statusCode: StatusCodes.Status409Conflict, title: "Job failed",
                    detail: $"Job failed to process ({job.ErrorCode}). Results are not available; see /v1/jobs/{jobId}."), null, null);
            case JobStatus.Pending or JobStatus.Running:
                return (JobProblems.NotCompleted(job, $"/v1/jobs/{jobId}"), null, null);
        }

        return (null, await db.JobResults.Where(r => r.JobId == jobId).Select(r => r.Data).SingleAsync(ct), job);
    }
}
