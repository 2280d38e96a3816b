using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using ParseJobs.Api.Auth;
using ParseJobs.Api.Hosting;

namespace ParseJobs.Api.Batches.Report;

public static class ReportEndpoints
{
    public static RouteGroupBuilder MapBatchReport(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/v1/batch-jobs").WithTags("Batch matching").RequireAuthorization(Scopes.BatchesRead)
            .WithErrorShape(ErrorShape.ErrorEnvelope);
        group.MapGet("/{id:guid}/report", GetReport).WithName("GetBatchReport")
            .WithSummary("The batch as an HTML page to open or print: summary, score distribution, ranked candidates with their skills and gaps")
            .ProducesProblems(StatusCodes.Status404NotFound);
        return group;
    }

    private static async Task<Results<HtmlReportResult, ProblemHttpResult>> GetReport(
        Guid id, Tenant tenant, BatchResultsReader reader, TimeProvider clock, CancellationToken ct)
    {
        var model = await BatchReportLoader.LoadAsync(reader, tenant, id, clock.GetUtcNow(), ct);
        return model is null ? NotFound(id) : new HtmlReportResult(BatchReportPage.Render(model));
    }

    // The same answer for an unknown id and another organisation's batch.
    private static ProblemHttpResult NotFound(Guid id) => TypedResults.Problem(new ProblemDetails
    {
        Status = StatusCodes.Status404NotFound,
        Title = "Batch not found",
        Detail = $"No batch job {id} exists for this API key's organisation.",
        Extensions = { [WireProblemWriter.CodeField] = "BATCH_NOT_FOUND" },
    });
}
