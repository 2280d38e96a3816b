using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using ParseJobs.Api.Auth;
using ParseJobs.Api.Hosting;
using ParseJobs.Api.Persistence;

namespace ParseJobs.Api.Jobs;

public static class JobsEndpoints
{
    private const int DefaultPageSize = 50;
    private const int MaxPageSize = 200;

    public static RouteGroupBuilder MapJobs(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/v1/jobs").WithTags("Jobs").RequireAuthorization(Scopes.JobsRead)
            .WithErrorShape(ErrorShape.ProblemDetails);
        group.MapGet("/", ListJobs).WithName("ListJobs").WithSummary("List the organisation's jobs, newest first (cursor pagination)");
        group.MapGet("/{id:guid}", GetJob).WithName("GetJob").WithSummary("Job status, and its result once completed")
            .ProducesProblems(StatusCodes.Status404NotFound);
        group.MapPost("/{id:guid}/resubmit", Resubmit).RequireAuthorization(Scopes.JobsWrite).WithSubmissionRateLimit()
            .WithName("ResubmitJob").WithSummary("Run a failed job again")
            .ProducesProblems(StatusCodes.Status404NotFound, StatusCodes.Status409Conflict);
        group.MapDelete("/{id:guid}", DeleteJob).RequireAuthorization(Scopes.JobsWrite)
            .WithName("DeleteJob").WithSummary("Delete a job with its document and results")
            .ProducesProblems(StatusCodes.Status404NotFound);
        return group;
    }

    private static async Task<Results<Ok<JobResponse>, ProblemHttpResult>> GetJob(
        Guid id, Tenant tenant, ParseJobsDbContext db, JobKinds kinds, CancellationToken ct)
    {
        var job = await db.FindOwnedAsync(tenant, id, ct);
        if (job is null)
        {
            return JobProblems.NotFound(id);
        }

        // Embedded as stored (no model round trip), and only for kinds whose descriptor says so.
        var result = job.Status == JobStatus.Completed && kinds.TryGet(job.Kind, out var descriptor) && descriptor.EmbedsResult
            ? await db.JobResults.Where(r => r.JobId == id).Select(r => r.Data).SingleOrDefaultAsync(ct)
            : null;
        return TypedResults.Ok(JobResponse.From(job, result is null ? null : new StoredJson(result)));
    }

    /// <param name="status">Only jobs in this status: pending, running, completed or failed.</param>
    /// <param name="kind">Only jobs of this kind, e.g. cv_parse.</param>
    /// <param name="limit">Page size, 1–200 (default 50).</param>
    /// <param name="cursor">The <c>next_cursor</c> of the previous page.</param>
    private static async Task<Results<Ok<JobListResponse>, ValidationProblem>> ListJobs(
        Tenant tenant, ParseJobsDbContext db, CancellationToken ct,
        string? status = null, string? kind = null, int? limit = null, string? cursor = null)
    {
        var pageSize = limit ?? DefaultPageSize;
        if (pageSize is < 1 or > MaxPageSize)
        {
            return Invalid("limit", $"limit must be between 1 and {MaxPageSize}.");
        }

        var query = db.Jobs.OwnedBy(tenant).AsNoTracking();
        if (status is not null)
        {
            if (!WireEnum.TryParse<V1JobStatus>(status, out var wire))
            {
                return Invalid("status", $"status must be one of: {WireEnum.Names<V1JobStatus>()}.");
            }

            var wanted = V1Wire.Domain(wire);
            query = query.Where(j => j.Status == wanted);
        }

        if (kind is not null)
        {
            if (!WireEnum.TryParse<JobKind>(kind, out var wanted))
            {
                return Invalid("kind", $"kind must be one of: {WireEnum.Names<JobKind>()}.");
            }

            query = query.Where(j => j.Kind == wanted);
        }

        if (cursor is not null)
        {
            if (!JobCursor.TryDecode(cursor, out var after))
            {
                return Invalid("cursor", "cursor is not a value returned as next_cursor.");
            }

            query = query.Where(j => j.CreatedAt < after.CreatedAt || (j.CreatedAt == after.CreatedAt && j.Id.CompareTo(after.Id) < 0));
        }

        var page = await query.OrderByDescending(j => j.CreatedAt).ThenByDescending(j => j.Id).Take(pageSize + 1).ToListAsync(ct);
        var next = page.Count > pageSize ? JobCursor.Encode(page[pageSize - 1]) : null;
        return TypedResults.Ok(new JobListResponse(page.Take(pageSize).Select(j => JobResponse.From(j)).ToList(), next));
    }

    private static async Task<Results<Accepted<JobResponse>, ProblemHttpResult>> Resubmit(
        Guid id, Tenant tenant, ParseJobsDbContext db, JobDispatcher dispatcher, TimeProvider clock, CancellationToken ct)
    {
        var job = await db.Jobs.OwnedBy(tenant).SingleOrDefaultAsync(j => j.Id == id, ct);
        if (job is null)
        {
            return JobProblems.NotFound(id);
        }

        if (job.Status != JobStatus.Failed)
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status409Conflict, title: "Job not failed",
                detail: $"Job {id} is {JobProblems.Name(job.Status)}; only failed jobs can be resubmitted.");
        }

        job.Resubmit(clock.GetUtcNow());
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            // Status is a concurrency token: another request resubmitted (or deleted) the job first.
            return TypedResults.Problem(statusCode: StatusCodes.Status409Conflict, title: "Job changed meanwhile",
                detail: $"Job {id} was resubmitted or deleted by another request; poll /v1/jobs/{id}.");
        }

        await dispatcher.DispatchAsync(job, CancellationToken.None); // the job is saved pending: dispatch it (or the sweeper will)
        return TypedResults.Accepted($"/v1/jobs/{id}", JobResponse.From(job));
    }

    private static async Task<Results<NoContent, ProblemHttpResult>> DeleteJob(
        Guid id, Tenant tenant, JobDeleter deleter, CancellationToken ct) =>
        await deleter.DeleteAsync(tenant, id, ct) ? TypedResults.NoContent() : JobProblems.NotFound(id);

    private static ValidationProblem Invalid(string field, string message) =>
        TypedResults.ValidationProblem(new Dictionary<string, string[]>(StringComparer.Ordinal) { [field] = [message] });
}
