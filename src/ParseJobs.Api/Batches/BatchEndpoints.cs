using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;
using ParseJobs.Api.Auth;
using ParseJobs.Api.Hosting;
using ParseJobs.Api.Jobs;
using ParseJobs.Api.Persistence;

namespace ParseJobs.Api.Batches;

/// <summary><c>/api/v1/batch-jobs</c>: submit a batch (async or sync), its status, its results. docs/BATCHES.md.</summary>
public static class BatchEndpoints
{
    public const string Prefix = "/api/v1/batch-jobs";

    public static RouteGroupBuilder MapBatches(this IEndpointRouteBuilder app)
    {
        var limits = app.ServiceProvider.GetRequiredService<IOptions<BatchOptions>>().Value;
        var group = app.MapGroup(Prefix).WithTags("Batch matching").RequireAuthorization(Scopes.BatchesRead)
            .WithErrorShape(ErrorShape.ErrorEnvelope);
        group.MapPost("/", Submit).RequireAuthorization(Scopes.BatchesWrite).DisableAntiforgery()
            .WithUploadLimit(limits.MaxUploadBytes).WithSubmissionRateLimit()
            .WithName("SubmitBatchJob")
            .WithSummary("Rank candidates against a job description: submit a batch (ZIP, CSV, database or cloud source); returns its id at once")
            .ProducesProblems(StatusCodes.Status400BadRequest, StatusCodes.Status413PayloadTooLarge);
        group.MapPost("/sync", SubmitSync).RequireAuthorization(Scopes.BatchesWrite).DisableAntiforgery()
            .WithUploadLimit(limits.MaxUploadBytes).WithSubmissionRateLimit()
            .WithName("SubmitBatchJobSync")
            .WithSummary($"Rank up to {limits.MaxSyncCandidates} candidates and wait for the results (202 with the batch id when the timeout passes)")
            .ProducesProblems(StatusCodes.Status400BadRequest, StatusCodes.Status413PayloadTooLarge);
        group.MapGet("/{id:guid}/status", GetStatus).WithName("GetBatchJobStatus").WithSummary("Progress of a batch")
            .ProducesProblems(StatusCodes.Status404NotFound);
        group.MapGet("/{id:guid}/results", GetResults).WithName("GetBatchJobResults")
            .WithSummary("Ranked candidates of a batch, best first (while it runs, the ones finished so far)")
            .ProducesProblems(StatusCodes.Status400BadRequest, StatusCodes.Status404NotFound);
        return group;
    }

    /// <param name="inputType">Where the candidates come from: ZIP_FILE, CSV_FILE, DATABASE, AWS_S3 or GOOGLE_DRIVE (any case).</param>
    /// <param name="jobDescriptionText">The job description (English, German, French, Italian) the candidates are matched against.</param>
    /// <param name="candidateSourceFile">ZIP_FILE: a ZIP of PDF, DOCX and TXT CVs (nested folders allowed). CSV_FILE: candidate_id,name,resume_text,filename. DATABASE with SQLite: the database file.</param>
    /// <param name="sourceConfigJson">DATABASE and the cloud sources: a JSON object with the connection (credentials are stored encrypted and deleted once read).</param>
    /// <param name="metadataJson">Your own JSON object, stored with the batch.</param>
    /// <param name="jobId">Your id for the position: the analysis of its description is cached per job_id, and analytics filter by it.</param>
    private static async Task<Results<Accepted<BatchSubmitResponse>, ProblemHttpResult>> Submit(
        [FromForm(Name = "input_type")] string? inputType,
        [FromForm(Name = "job_description_text")] string? jobDescriptionText,
        [FromForm(Name = "candidate_source_file")] IFormFile? candidateSourceFile,
        [FromForm(Name = "source_config_json")] string? sourceConfigJson,
        [FromForm(Name = "metadata_json")] string? metadataJson,
        [FromForm(Name = "job_id")] string? jobId,
        Tenant tenant, BatchSubmissionReader reader, BatchSubmitter submitter, ParseJobsDbContext db, CancellationToken ct)
    {
        var form = new BatchSubmitForm(inputType, jobDescriptionText, candidateSourceFile, sourceConfigJson, metadataJson, jobId);
        var outcome = await reader.ReadAsync(form, tenant.OrganisationId, ct);
        if (outcome.Request is not { } request)
        {
            return outcome.Problem!;
        }

        var job = await submitter.SubmitAsync(tenant, request, isSync: false, ct);
        return TypedResults.Accepted($"{Prefix}/{job.Id}/status", BatchResultsReader.Submitted(job, await UserIdAsync(db, tenant, ct)));
    }

    /// <param name="inputType">Where the candidates come from: ZIP_FILE, CSV_FILE, DATABASE, AWS_S3 or GOOGLE_DRIVE (any case).</param>
    /// <param name="jobDescriptionText">The job description the candidates are matched against.</param>
    /// <param name="candidateSourceFile">As for POST /api/v1/batch-jobs.</param>
    /// <param name="sourceConfigJson">As for POST /api/v1/batch-jobs.</param>
    /// <param name="metadataJson">Your own JSON object, stored with the batch.</param>
    /// <param name="jobId">Your id for the position.</param>
    /// <param name="timeout">Seconds to wait for the results (default 300, at most 600). When they pass, the answer is 202 with the batch id: the batch goes on; poll its status.</param>
    private static async Task<Results<Ok<BatchResultsResponse>, Accepted<BatchSubmitResponse>, ProblemHttpResult>> SubmitSync(
        [FromForm(Name = "input_type")] string? inputType,
        [FromForm(Name = "job_description_text")] string? jobDescriptionText,
        [FromForm(Name = "candidate_source_file")] IFormFile? candidateSourceFile,
        [FromForm(Name = "source_config_json")] string? sourceConfigJson,
        [FromForm(Name = "metadata_json")] string? metadataJson,
        [FromForm(Name = "job_id")] string? jobId,
        [FromForm(Name = "timeout")] string? timeout,
        Tenant tenant, BatchSubmissionReader reader, BatchSubmitter submitter, BatchSyncWait wait, ParseJobsDbContext db,
        IOptions<BatchOptions> options, CancellationToken ct)
    {
        var limits = options.Value;
        var seconds = limits.SyncDefaultTimeoutSeconds;
        if (!string.IsNullOrWhiteSpace(timeout)
            && (!int.TryParse(timeout, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out seconds)
                || seconds < 1 || seconds > limits.SyncMaxTimeoutSeconds))
        {
            return BatchProblems.Invalid("timeout", $"timeout is a whole number of seconds from 1 to {limits.SyncMaxTimeoutSeconds}.", timeout, $"1–{limits.SyncMaxTimeoutSeconds}");
        }

        var form = new BatchSubmitForm(inputType, jobDescriptionText, candidateSourceFile, sourceConfigJson, metadataJson, jobId);
        var outcome = await reader.ReadAsync(form, tenant.OrganisationId, ct);
        if (outcome.Request is not { } request)
        {
            return outcome.Problem!;
        }

        if (await BatchSubmitter.CountUploadedAsync(request, tenant.OrganisationId, limits.MaxSyncCandidates, ct) > limits.MaxSyncCandidates)
        {
            return TooManyForSync(limits.MaxSyncCandidates);
        }

        var job = await submitter.SubmitAsync(tenant, request, isSync: true, ct);
        var userId = await UserIdAsync(db, tenant, ct);
        var ended = await wait.WaitAsync(tenant, job.Id, TimeSpan.FromSeconds(seconds), ct);
        if (ended is null)
        {
            return TypedResults.Accepted($"{Prefix}/{job.Id}/status", BatchResultsReader.Submitted(job, userId));
        }

        return ended.ErrorCode == ErrorCodes.TooManyCandidates ? TooManyForSync(limits.MaxSyncCandidates) : TypedResults.Ok(ended.Results);
    }

    private static async Task<Results<Ok<BatchStatusResponse>, ProblemHttpResult>> GetStatus(
        Guid id, Tenant tenant, BatchResultsReader reader, CancellationToken ct) =>
        await reader.ReadStatusAsync(tenant, id, ct) is { } status ? TypedResults.Ok(status) : BatchProblems.NotFound(id);

    /// <param name="id">The batch job id.</param>
    /// <param name="tenant">The key's organisation.</param>
    /// <param name="reader">The results read.</param>
    /// <param name="ct">The request.</param>
    /// <param name="skip">Candidates to skip (default 0).</param>
    /// <param name="limit">Candidates per page, 1–500 (default 100).</param>
    /// <param name="minScore">Only candidates with an overall score of at least this (0–100); candidates with an error are left out then.</param>
    private static async Task<Results<Ok<BatchResultsResponse>, ProblemHttpResult>> GetResults(
        Guid id, Tenant tenant, BatchResultsReader reader, CancellationToken ct,
        [FromQuery] string? skip = null, [FromQuery] string? limit = null, [FromQuery(Name = "min_score")] string? minScore = null)
    {
        var culture = System.Globalization.CultureInfo.InvariantCulture;
        var skipValue = 0;
        if (skip is not null && (!int.TryParse(skip, System.Globalization.NumberStyles.None, culture, out skipValue) || skipValue < 0))
        {
            return BatchProblems.Invalid("skip", "skip is a whole number of at least 0.", skip, ">= 0");
        }

        var limitValue = BatchResultsReader.DefaultLimit;
        if (limit is not null && (!int.TryParse(limit, System.Globalization.NumberStyles.None, culture, out limitValue) || limitValue is < 1 or > BatchResultsReader.MaxLimit))
        {
            return BatchProblems.Invalid("limit", $"limit is a whole number from 1 to {BatchResultsReader.MaxLimit}.", limit, $"1–{BatchResultsReader.MaxLimit}");
        }

        double? min = null;
        if (minScore is not null)
        {
            if (!double.TryParse(minScore, System.Globalization.NumberStyles.Float, culture, out var parsed) || !double.IsFinite(parsed) || parsed is < 0 or > 100)
            {
                return BatchProblems.Invalid("min_score", "min_score is a number from 0 to 100.", minScore, "0–100");
            }

            min = parsed;
        }

        return await reader.ReadAsync(tenant, id, skipValue, limitValue, min, ct) is { } results ? TypedResults.Ok(results) : BatchProblems.NotFound(id);
    }

    private static ProblemHttpResult TooManyForSync(int max) => BatchProblems.TooLarge(
        $"A sync call takes at most {max} candidates; submit larger batches to POST {Prefix} and poll {Prefix}/{{id}}/status.",
        ErrorCodes.TooManyCandidates, new { max_sync_candidates = max, async_endpoint = Prefix });

    private static Task<long> UserIdAsync(ParseJobsDbContext db, Tenant tenant, CancellationToken ct) =>
        Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.SingleAsync(
            db.Organisations.Where(o => o.Id == tenant.OrganisationId).Select(o => o.Number), ct);
}
