using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using ParseJobs.Api.Auth;
using ParseJobs.Api.Hosting;
using ParseJobs.Api.Persistence;

namespace ParseJobs.Api.Batches.Analytics;

public static class AnalyticsEndpoints
{
    public const string Path = "/api/v1/analytics";

    public static RouteGroupBuilder MapBatchAnalytics(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup(Path).WithTags("Batch matching").RequireAuthorization(Scopes.BatchesRead)
            .WithErrorShape(ErrorShape.ErrorEnvelope);
        group.MapGet("", GetAnalytics).WithName("GetBatchAnalytics")
            .WithSummary("Batch matching figures of the organisation: batches, candidates, scores, core-skill gaps, per job_id")
            .ProducesProblems(StatusCodes.Status400BadRequest);
        return group;
    }

    /// <param name="timeRange">WEEK, MONTH (default), QUARTER or YEAR (the last 7, 30, 90 or 365 days); any case.</param>
    /// <param name="jobFilter">Only batches submitted with this job_id.</param>
    private static async Task<Results<Ok<AnalyticsResponse>, ProblemHttpResult>> GetAnalytics(
        Tenant tenant, ParseJobsDbContext db, TimeProvider clock, CancellationToken ct,
        [FromQuery(Name = "time_range")] string? timeRange = null, [FromQuery(Name = "job_filter")] string? jobFilter = null)
    {
        var range = AnalyticsTimeRanges.Default;
        if (!string.IsNullOrWhiteSpace(timeRange) && !AnalyticsTimeRanges.TryParse(timeRange, out range))
        {
            return InvalidInput("time_range", $"time_range must be one of {string.Join(", ", AnalyticsTimeRanges.Names)}.",
                timeRange, AnalyticsTimeRanges.Names);
        }

        var filter = string.IsNullOrWhiteSpace(jobFilter) ? null : jobFilter.Trim();
        if (filter is { Length: > MaxJobFilterLength })
        {
            // No stored job_id is longer (jobs.data_id): say so instead of scanning for nothing.
            return InvalidInput("job_filter", $"job_filter is at most {MaxJobFilterLength} characters long.",
                $"{filter.Length} characters", $"at most {MaxJobFilterLength} characters");
        }

        return TypedResults.Ok(await BatchAnalytics.ComputeAsync(db, tenant, range, filter, clock.GetUtcNow(), ct));
    }

    private const int MaxJobFilterLength = 256;

    private static ProblemHttpResult InvalidInput(string field, string message, object? provided, object expected) =>
        TypedResults.Problem(new ProblemDetails
        {
            Status = StatusCodes.Status400BadRequest,
            Title = "Invalid input",
            Detail = message,
            Extensions =
            {
                [WireProblemWriter.CodeField] = "INVALID_INPUT",
                ["field"] = field,
                ["provided"] = provided,
                ["expected"] = expected,
            },
        });
}
