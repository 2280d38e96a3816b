using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.AspNetCore.Mvc;

namespace ParseJobs.Api.Hosting;

/// <summary>The error body of a route group. Handlers always return problem details; <see cref="WireProblemWriter"/>
/// renders them in the group's shape.</summary>
public enum ErrorShape
{
    /// <summary>RFC 9457 problem details (<c>application/problem+json</c>) with <c>request_id</c>: the <c>/v1</c> routes.</summary>
    ProblemDetails,

    /// <summary><c>{"error": {"code", "message", "details"}}</c>: the <c>/api/v1</c> routes (batch, payroll).</summary>
    ErrorEnvelope,
}

/// <summary>Endpoint metadata naming the error body of a route or group.</summary>
public sealed record ErrorShapeMetadata(ErrorShape Shape);

public static class ErrorShapes
{
    /// <summary>Routes under this prefix that matched no endpoint still answer in the envelope shape.</summary>
    public const string EnvelopePathPrefix = "/api/";

    /// <summary>Declares the group's error body, and makes every problem its handlers return (including
    /// <c>NotFound&lt;ProblemDetails&gt;</c> and <c>ValidationProblem</c>, which write JSON themselves) go through the
    /// one writer, so that each carries the request id and the group's shape.</summary>
    public static TBuilder WithErrorShape<TBuilder>(this TBuilder builder, ErrorShape shape)
        where TBuilder : IEndpointConventionBuilder
    {
        builder.WithMetadata(new ErrorShapeMetadata(shape));
        builder.AddEndpointFilter(async (context, next) => AsWrittenProblem(await next(context)));
        return builder;
    }

    /// <summary>The shape for this request: the endpoint's metadata, else by path (unmatched routes have no endpoint).</summary>
    public static ErrorShape Of(HttpContext context) =>
        EndpointOf(context)?.Metadata.GetMetadata<ErrorShapeMetadata>()?.Shape
        ?? (context.Request.Path.StartsWithSegments(EnvelopePathPrefix.TrimEnd('/'), StringComparison.OrdinalIgnoreCase)
            ? ErrorShape.ErrorEnvelope
            : ErrorShape.ProblemDetails);

    /// <summary>The request's endpoint, also while the exception handler runs (it clears the endpoint, but keeps it in
    /// its feature), so that a 413 thrown by form reading still knows the endpoint's shape and limit.</summary>
    public static Endpoint? EndpointOf(HttpContext context) =>
        context.GetEndpoint() ?? context.Features.Get<Microsoft.AspNetCore.Diagnostics.IExceptionHandlerFeature>()?.Endpoint;

    private static object? AsWrittenProblem(object? result)
    {
        var inner = result is INestedHttpResult nested ? nested.Result : result;
        return inner switch
        {
            ProblemHttpResult problem => new WrittenProblem(problem.ProblemDetails),
            IValueHttpResult { Value: ProblemDetails details } => new WrittenProblem(details),
            _ => result,
        };
    }

    /// <summary>A problem written through <see cref="IProblemDetailsService"/> (and so through <see cref="WireProblemWriter"/>).</summary>
    private sealed class WrittenProblem(ProblemDetails details) : IResult, IStatusCodeHttpResult
    {
        public int? StatusCode => details.Status;

        public async Task ExecuteAsync(HttpContext httpContext)
        {
            details.Status ??= StatusCodes.Status500InternalServerError;
            httpContext.Response.StatusCode = details.Status.Value;
            await httpContext.RequestServices.GetRequiredService<IProblemDetailsService>()
                .WriteAsync(new ProblemDetailsContext { HttpContext = httpContext, ProblemDetails = details });
        }
    }
}
