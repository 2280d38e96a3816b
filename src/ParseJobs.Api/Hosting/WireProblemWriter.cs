using Microsoft.AspNetCore.Http.HttpResults;
using System.Text.Json;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.Options;
using HttpJsonOptions = Microsoft.AspNetCore.Http.Json.JsonOptions;

namespace ParseJobs.Api.Hosting;

/// <summary>The one writer of every error body: endpoint results, the auth handler's 401/403, status-code pages and
/// the exception handler all reach it through <see cref="IProblemDetailsService"/>. It renders RFC 9457 or the
/// <c>{"error": …}</c> envelope, as the route's <see cref="ErrorShapeMetadata"/> says.</summary>
public sealed class WireProblemWriter(IOptions<HttpJsonOptions> json) : IProblemDetailsWriter
{
    public const string RequestIdField = "request_id";

    /// <summary>Problem extension holding a machine-readable code; the envelope's <c>code</c>.</summary>
    public const string CodeField = "code";

    private const string ProblemContentType = "application/problem+json";

    // Always: a browser's Accept header must not turn a 404 into a 500 for want of a writer.
    public bool CanWrite(ProblemDetailsContext context) => true;

    public async ValueTask WriteAsync(ProblemDetailsContext context)
    {
        var http = context.HttpContext;
        var problem = context.ProblemDetails;
        problem.Status ??= http.Response.StatusCode;
        var status = problem.Status.Value;
        problem.Title ??= ReasonPhrases.GetReasonPhrase(status);
        problem.Detail ??= problem is HttpValidationProblemDetails
            ? "One or more request fields are invalid; see 'errors'."
            : FrameworkDetail(status, http);
        http.Response.StatusCode = status;

        if (ErrorShapes.Of(http) == ErrorShape.ErrorEnvelope)
        {
            await http.Response.WriteAsJsonAsync(Envelope(problem, http.TraceIdentifier), json.Value.SerializerOptions, http.RequestAborted);
            return;
        }

        problem.Type ??= $"https://httpstatuses.io/{status}";
        problem.Extensions[RequestIdField] = http.TraceIdentifier;
        http.Response.ContentType = ProblemContentType;
        await JsonSerializer.SerializeAsync(http.Response.Body, problem, problem.GetType(), json.Value.SerializerOptions, http.RequestAborted);
    }

    /// <summary>The body of the <c>/api/v1</c> routes: <c>{"error": {"code", "message", "details"}}</c>.</summary>
    internal static ErrorEnvelope Envelope(ProblemDetails problem, string requestId)
    {
        var details = new Dictionary<string, object?>(StringComparer.Ordinal);
        if (problem is HttpValidationProblemDetails { Errors.Count: > 0 } validation)
        {
            details["errors"] = validation.Errors;
        }

        foreach (var (key, value) in problem.Extensions)
        {
            if (key is not (CodeField or RequestIdField or "traceId"))
            {
                details[key] = value;
            }
        }

        details[RequestIdField] = requestId;
        var code = problem.Extensions.TryGetValue(CodeField, out var c) && c is string s ? s : CodeOf(problem.Status ?? 500);
        return new ErrorEnvelope(new ErrorBody(code, problem.Detail ?? problem.Title ?? "", details));
    }

    /// <summary>A problem with a machine-readable <see cref="CodeField"/>, as every route returns them (each route's shape
    /// is chosen when it is written).</summary>
    public static ProblemHttpResult Coded(int status, string title, string detail, string code) =>
        TypedResults.Problem(new ProblemDetails { Status = status, Title = title, Detail = detail, Extensions = { [CodeField] = code } });

    /// <summary>The envelope's code when the problem names none (also the OpenAPI examples').</summary>
    internal static string CodeOf(int status) => status switch
    {
        StatusCodes.Status400BadRequest => "INVALID_INPUT",
        StatusCodes.Status401Unauthorized => "UNAUTHORIZED",
        StatusCodes.Status403Forbidden => "FORBIDDEN",
        StatusCodes.Status404NotFound => "NOT_FOUND",
        StatusCodes.Status405MethodNotAllowed => "METHOD_NOT_ALLOWED",
        StatusCodes.Status409Conflict => "CONFLICT",
        StatusCodes.Status413PayloadTooLarge => "PAYLOAD_TOO_LARGE",
        StatusCodes.Status415UnsupportedMediaType => "UNSUPPORTED_MEDIA_TYPE",
        StatusCodes.Status422UnprocessableEntity => "UNPROCESSABLE_CONTENT",
        StatusCodes.Status429TooManyRequests => SubmissionRateLimit.Code,
        StatusCodes.Status503ServiceUnavailable => "SERVICE_UNAVAILABLE",
        _ => status >= 500 ? "INTERNAL_ERROR" : "REQUEST_FAILED",
    };

    // Bodyless framework answers (routing, form binding, body limits) get a detail that says what to do.
    private static string? FrameworkDetail(int status, HttpContext http) => status switch
    {
        StatusCodes.Status400BadRequest => "The request could not be read. Check the JSON body, the form fields and the parameter formats.",
        StatusCodes.Status404NotFound => $"No resource at {http.Request.Path}. See /swagger for the API.",
        StatusCodes.Status405MethodNotAllowed => $"{http.Request.Method} is not allowed on {http.Request.Path}.",
        StatusCodes.Status413PayloadTooLarge => UploadLimits.TooLargeDetail(http),
        StatusCodes.Status415UnsupportedMediaType => "Send uploads as multipart/form-data with the file in the field 'file'.",
        _ => null,
    };
}

/// <summary>The <c>/api/v1</c> error body.</summary>
public sealed record ErrorEnvelope(ErrorBody Error);

/// <summary>What went wrong: a stable code, a message for people, and structured details.</summary>
public sealed record ErrorBody(string Code, string Message, IReadOnlyDictionary<string, object?> Details);
