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
using ParseJobs.Extraction.Documents.Rendering;

namespace ParseJobs.Api.Documents;

public static class DocumentsEndpoints
{
    public static RouteGroupBuilder MapDocuments(this IEndpointRouteBuilder app)
    {
        var uploads = app.ServiceProvider.GetRequiredService<IOptions<UploadOptions>>().Value;
        var group = app.MapGroup("/v1/documents").WithTags("Document layout").RequireAuthorization(Scopes.JobsRead)
            .WithErrorShape(ErrorShape.ProblemDetails);
        group.MapPost("/", Submit).RequireAuthorization(Scopes.JobsWrite).DisableAntiforgery()
            .WithUploadLimit(uploads.MaxFileSizeBytes).WithSubmissionRateLimit()
            .WithName("SubmitDocument").WithSummary("Upload a document (PDF, DOCX or TXT) for layout analysis; returns a job id at once")
            .ProducesProblems(StatusCodes.Status413PayloadTooLarge, StatusCodes.Status415UnsupportedMediaType, StatusCodes.Status422UnprocessableEntity);
        group.MapGet("/{jobId:guid}", GetResult).WithName("GetDocumentResult")
            .WithSummary("Pages, chunks of segments and markdown of a completed document-parse job")
            .ProducesProblems(StatusCodes.Status404NotFound, StatusCodes.Status409Conflict);
        group.MapGet("/{jobId:guid}/markdown", GetMarkdown).WithName("GetDocumentMarkdown")
            .WithSummary("The whole document as text/markdown").Produces<string>(StatusCodes.Status200OK, "text/markdown")
            .ProducesProblems(StatusCodes.Status404NotFound, StatusCodes.Status409Conflict);
        group.MapGet("/{jobId:guid}/images/{segmentId}", GetImage).WithName("GetDocumentImage")
            .WithSummary("The bytes of a Picture segment's embedded image (PNG, JPEG, GIF or WebP; anything else as an octet-stream attachment)")
            .Produces<byte[]>(StatusCodes.Status200OK, "image/png", "image/jpeg", "image/gif", "image/webp", "application/octet-stream")
            .ProducesProblems(StatusCodes.Status404NotFound);
        return group;
    }

    /// <param name="file">The document: PDF, DOCX or plain text. The type is detected from the content.</param>
    /// <param name="dataId">Your own reference for this document, returned with the job.</param>
    /// <param name="chunkTargetLength">Words per chunk to aim for (16–8192, default 512); chunks are cut at section boundaries.</param>
    /// <param name="includeMarkdown">Markdown of each segment (default true).</param>
    /// <param name="includeHtml">HTML of each segment (default true).</param>
    private static async Task<Results<Accepted<JobAcceptedResponse>, ValidationProblem, ProblemHttpResult>> Submit(
        IFormFile? file,
        [FromForm(Name = "data_id")] string? dataId,
        [FromForm(Name = "chunk_target_length")] string? chunkTargetLength,
        [FromForm(Name = "include_markdown")] string? includeMarkdown,
        [FromForm(Name = "include_html")] string? includeHtml,
        Tenant tenant, DocumentUploadReader uploads, JobSubmitter submitter, CancellationToken ct)
    {
        if (DocumentUploadReader.ValidateDataId(dataId) is { } invalid)
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

    private static async Task<Results<StoredResultHttpResult<DocumentParseResult>, ProblemHttpResult>> GetResult(
        Guid jobId, Tenant tenant, ParseJobsDbContext db, CancellationToken ct)
    {
        var (problem, data, job) = await CompletedResultAsync(jobId, tenant, db, ct);
        return problem is not null ? problem : StoredResults.Of<DocumentParseResult>(job!, data!); // as stored: no model round trip per GET
    }

    private static async Task<Results<ContentHttpResult, ProblemHttpResult>> GetMarkdown(Guid jobId, Tenant tenant, ParseJobsDbContext db, CancellationToken ct)
    {
        var (problem, data, _) = await CompletedResultAsync(jobId, tenant, db, ct);
        if (problem is not null)
        {
            return problem;
        }

        using var json = JsonDocument.Parse(data!);
        return TypedResults.Text(json.RootElement.GetProperty("markdown").GetString() ?? "", "text/markdown; charset=utf-8");
    }

    private static async Task<Results<FileContentHttpResult, ProblemHttpResult>> GetImage(
        Guid jobId, string segmentId, Tenant tenant, ParseJobsDbContext db, HttpContext http, CancellationToken ct)
    {
        var job = await db.FindOwnedAsync(tenant, jobId, ct);
        if (JobProblems.Lookup(job, jobId, JobKind.DocumentParse) is { } problem)
        {
            return problem;
        }

        var image = await db.JobImages.AsNoTracking().SingleOrDefaultAsync(i => i.JobId == jobId && i.SegmentId == segmentId, ct);
        if (image is null)
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "Image not found",
                detail: $"Job {jobId} has no stored image for segment '{segmentId}' (only Picture segments with an image_url have one).");
        }

        // Never the type the document declares (a DOCX can call a script text/html): only what the bytes are.
        if (ImageSniffer.MediaType(image.Content) is { } mediaType)
        {
            return TypedResults.File(image.Content, mediaType);
        }

        return TypedResults.File(image.Content, "application/octet-stream", fileDownloadName: $"{segmentId}.bin");
    }

    // The stored result of a completed document job, or the problem that answers instead.
    private static async Task<(ProblemHttpResult? Problem, string? Data, Job? Job)> CompletedResultAsync(Guid jobId, Tenant tenant, ParseJobsDbContext db, CancellationToken ct)
    {
        var job = await db.FindOwnedAsync(tenant, jobId, ct);
        if (JobProblems.Lookup(job, jobId, JobKind.DocumentParse) is { } problem)
        {
            return (problem, null, null);
        }

        return job!.Status switch
        {
            JobStatus.Failed => (JobProblems.Failed(job, $"/v1/jobs/{jobId}"), null, null),
            JobStatus.Pending or JobStatus.Running => (JobProblems.NotCompleted(job, $"/v1/jobs/{jobId}"), null, null),
            _ => (null, await db.JobResults.Where(r => r.JobId == jobId).Select(r => r.Data).SingleAsync(ct), job),
        };
    }
}
