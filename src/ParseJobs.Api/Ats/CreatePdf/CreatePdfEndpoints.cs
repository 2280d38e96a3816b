using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;
using ParseJobs.Api.Ats.Page;
using ParseJobs.Api.Auth;
using ParseJobs.Api.Hosting;

namespace ParseJobs.Api.Ats.CreatePdf;

public static class CreatePdfEndpoints
{
    public const string IdempotencyKeyHeader = "Idempotency-Key";

    public static RouteHandlerBuilder MapCreatePdf(this IEndpointRouteBuilder app) =>
        app.MapPost("/v1/ats/create-pdf", CreatePdf).WithTags("ATS")
            .RequireAuthorization(Scopes.AtsCreatePdf)
            .WithErrorShape(ErrorShape.ProblemDetails)
            .WithSubmissionRateLimit()
            .WithName("AtsCreatePdf")
            .WithSummary("HR4YOU create-pdf: a project of the selected applicants, imported in the background; answers the project page link")
            .Accepts<CreatePdfRequest>("application/json")
            .Produces<CreatePdfResponse>(StatusCodes.Status201Created)
            .Produces<CreatePdfResponse>(StatusCodes.Status200OK)
            .ProducesProblems(StatusCodes.Status400BadRequest, StatusCodes.Status409Conflict, StatusCodes.Status422UnprocessableEntity,
                StatusCodes.Status502BadGateway, StatusCodes.Status503ServiceUnavailable);

    private static async Task<Results<JsonHttpResult<CreatePdfResponse>, ProblemHttpResult>> CreatePdf(
        HttpContext http, Tenant tenant, CreatePdfRequestReader reader, ProjectCreator creator, ProjectPageToken tokens,
        IOptions<AtsOptions> options, CancellationToken ct)
    {
        var key = http.Request.Headers.TryGetValue(IdempotencyKeyHeader, out var values) ? values.ToString() : null;
        if (CreatePdfRequestReader.ValidateIdempotencyKey(key) is { } invalidKey)
        {
            return invalidKey;
        }

        var read = await reader.ReadAsync(http.Request, ct);
        if (read.Request is not { } request)
        {
            return read.Problem!;
        }

        var outcome = await creator.CreateAsync(tenant.OrganisationId, request, key, http.Response, ct);
        if (outcome.Project is not { } project)
        {
            return outcome.Problem!;
        }

        var token = tokens.Create(tenant.OrganisationId, project.Id, TimeSpan.FromHours(options.Value.PageLinkHours));
        var redirectUrl = $"{PublicBase(http.Request, options.Value)}/p/{project.Id}/?t={Uri.EscapeDataString(token)}";
        http.Response.Headers.Location = $"/v1/projects/{project.Id}";
        return TypedResults.Json(new CreatePdfResponse(redirectUrl, project.Id, outcome.Candidates), CreatePdfResponse.Json,
            statusCode: outcome.IsNew ? StatusCodes.Status201Created : StatusCodes.Status200OK);
    }

    /// <summary><c>Ats:PublicBaseUrl</c>, else the request's own scheme and host (X-Forwarded-* only count where the host
    /// was set up to trust them).</summary>
    private static string PublicBase(HttpRequest request, AtsOptions options) =>
        !string.IsNullOrWhiteSpace(options.PublicBaseUrl)
            ? options.PublicBaseUrl.TrimEnd('/')
            : $"{request.Scheme}://{request.Host}{request.PathBase}";
}
