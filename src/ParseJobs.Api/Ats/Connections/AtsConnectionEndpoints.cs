using System.Globalization;
using System.Text.Json.Serialization;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using ParseJobs.Api.Ats.Hr4You;
using ParseJobs.Api.Ats.Projects;
using ParseJobs.Api.Auth;
using ParseJobs.Api.Hosting;

namespace ParseJobs.Api.Ats.Connections;

/// <summary>
/// <c>/v1/admin/ats-connections/hr4you</c>: an admin key sets, reads and deletes its own organisation's HR4YOU
/// connection. Answers say whether one is configured and since when; never its base URL or token.
/// </summary>
public static class AtsConnectionEndpoints
{
    public const string Hr4YouPath = "/v1/admin/ats-connections/hr4you";

    public static RouteGroupBuilder MapAtsConnections(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/v1/admin/ats-connections").WithTags("ATS connections").RequireAuthorization(Scopes.Admin)
            .WithErrorShape(ErrorShape.ProblemDetails);
        group.MapPut("/hr4you", PutHr4You).WithName("PutHr4YouConnection")
            .WithSummary("Create or replace the organisation's HR4YOU connection (base URL and API token, stored encrypted); ?verify=true tries the token first")
            .ProducesProblems(StatusCodes.Status422UnprocessableEntity, StatusCodes.Status502BadGateway);
        group.MapGet("/hr4you", GetHr4You).WithName("GetHr4YouConnection")
            .WithSummary("Whether the organisation has an HR4YOU connection, and since when")
            .ProducesProblems(StatusCodes.Status404NotFound);
        group.MapDelete("/hr4you", DeleteHr4You).WithName("DeleteHr4YouConnection")
            .WithSummary("Delete the organisation's HR4YOU connection")
            .ProducesProblems(StatusCodes.Status404NotFound);
        group.MapPost("/hr4you/test", TestHr4You).WithName("TestHr4YouConnection")
            .WithSummary("Call HR4YOU once with the stored connection to check that it takes the token")
            .ProducesProblems(StatusCodes.Status404NotFound, StatusCodes.Status422UnprocessableEntity, StatusCodes.Status502BadGateway);
        return group;
    }

    /// <param name="verify">When true, HR4YOU is called once with the token before it is stored; a refused token is a 422 and nothing is stored.</param>
    private static async Task<Results<Created<AtsConnectionResponse>, Ok<AtsConnectionResponse>, ProblemHttpResult>> PutHr4You(
        Hr4YouConnectionRequest? body, Tenant tenant, AtsConnectionStore store, Hr4YouConnectionCheck check, HttpContext http,
        CancellationToken ct, [FromQuery] bool? verify = null)
    {
        var (connection, errors) = Hr4YouConnectionInput.Read(body?.BaseUrl, body?.Token);
        if (connection is null)
        {
            return TypedResults.Problem(new HttpValidationProblemDetails(errors)
            {
                Status = StatusCodes.Status422UnprocessableEntity,
                Title = "Invalid HR4YOU connection",
                Detail = "The HR4YOU connection needs an absolute http(s) base URL and an API token; see 'errors'.",
            });
        }

        if (verify is true && await check.CheckAsync(connection, ct) is { } failure)
        {
            return CheckProblem(failure, http);
        }

        var state = await store.SetHr4YouAsync(tenant.OrganisationId, connection, ct);
        var response = AtsConnectionResponse.From(state, verified: verify is true ? true : null);
        return state.Created ? TypedResults.Created(Hr4YouPath, response) : TypedResults.Ok(response);
    }

    private static async Task<Results<Ok<AtsConnectionResponse>, ProblemHttpResult>> GetHr4You(
        Tenant tenant, AtsConnectionStore store, CancellationToken ct) =>
        await store.GetStateAsync(tenant.OrganisationId, AtsSystems.Hr4You, ct) is { } state
            ? TypedResults.Ok(AtsConnectionResponse.From(state))
            : NotConfigured();

    private static async Task<Results<NoContent, ProblemHttpResult>> DeleteHr4You(
        Tenant tenant, AtsConnectionStore store, CancellationToken ct) =>
        await store.RemoveAsync(tenant.OrganisationId, AtsSystems.Hr4You, ct) ? TypedResults.NoContent() : NotConfigured();

    private static async Task<Results<Ok<AtsConnectionResponse>, ProblemHttpResult>> TestHr4You(
        Tenant tenant, AtsConnectionStore store, Hr4YouConnectionCheck check, HttpContext http, CancellationToken ct)
    {
        var state = await store.GetStateAsync(tenant.OrganisationId, AtsSystems.Hr4You, ct);
        if (state is null || await store.GetHr4YouAsync(tenant.OrganisationId, ct) is not { } connection)
        {
            return NotConfigured();
        }

        return await check.CheckAsync(connection, ct) is { } failure
            ? CheckProblem(failure, http)
            : TypedResults.Ok(AtsConnectionResponse.From(state, verified: true));
    }

    private static ProblemHttpResult NotConfigured() => TypedResults.Problem(new ProblemDetails
    {
        Status = StatusCodes.Status404NotFound,
        Title = "No HR4YOU connection",
        Detail = $"This organisation has no HR4YOU connection. Set one with PUT {Hr4YouPath} {{\"baseUrl\": \"…\", \"token\": \"…\"}} (an admin key) or 'ats connect --org ORG --system hr4you'.",
        Extensions = { [WireProblemWriter.CodeField] = "ATS_CONNECTION_NOT_FOUND" },
    });

    /// <summary>Why HR4YOU did not take the connection: the token or base URL is wrong (422), or HR4YOU is down (502).</summary>
    private static ProblemHttpResult CheckProblem(Hr4YouException failure, HttpContext http)
    {
        var (status, code, detail) = failure.Failure switch
        {
            Hr4YouFailure.Unauthorized => (StatusCodes.Status422UnprocessableEntity, "HR4YOU_TOKEN_REFUSED",
                "HR4YOU refused the API token (401/403). Check the token and that it belongs to this base URL."),
            Hr4YouFailure.Malformed => (StatusCodes.Status422UnprocessableEntity, "HR4YOU_NOT_RECOGNISED",
                "The base URL answered, but not like HR4YOU's API. Check the base URL (it is the address the API paths /consultants, /applicants and /jobs start from)."),
            _ => (StatusCodes.Status502BadGateway, "HR4YOU_UNAVAILABLE",
                "HR4YOU could not be reached or kept failing, so the connection could not be checked. Try again later, or store it without ?verify=true."),
        };
        if (status == StatusCodes.Status502BadGateway && failure.RetryAfter is { } retryAfter)
        {
            http.Response.Headers.RetryAfter = Math.Ceiling(retryAfter.TotalSeconds).ToString(CultureInfo.InvariantCulture);
        }

        return TypedResults.Problem(new ProblemDetails
        {
            Status = status,
            Title = "HR4YOU connection check failed",
            Detail = detail,
            Extensions = { [WireProblemWriter.CodeField] = code },
        });
    }
}

/// <summary>The HR4YOU connection to store: HR4YOU's API address and the API token ParseJobs calls it with.</summary>
public sealed record Hr4YouConnectionRequest(
    [property: JsonPropertyName("baseUrl")] string? BaseUrl,
    [property: JsonPropertyName("token")] string? Token);

/// <summary>Whether a connection is configured, and since when; never its base URL or token.</summary>
public sealed record AtsConnectionResponse(
    [property: JsonPropertyName("system")] string System,
    [property: JsonPropertyName("configured")] bool Configured,
    [property: JsonPropertyName("createdAt")] DateTimeOffset CreatedAt,
    [property: JsonPropertyName("updatedAt")] DateTimeOffset UpdatedAt,
    [property: JsonPropertyName("verified"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] bool? Verified)
{
    public static AtsConnectionResponse From(ConnectionState state, bool? verified = null) =>
        new(state.System, Configured: true, state.CreatedAt, state.UpdatedAt, verified);
}
