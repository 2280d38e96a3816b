using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;

namespace ParseJobs.Api.Hosting;

public static class ProblemDetailsSetup
{
    /// <summary>Every error goes through <see cref="WireProblemWriter"/>: RFC 9457 with the request id on <c>/v1</c>,
    /// the <c>{"error": …}</c> envelope on <c>/api/v1</c> (<see cref="ErrorShapes"/>).</summary>
    public static IServiceCollection AddParseJobsProblemDetails(this IServiceCollection services)
    {
        // Registered before AddProblemDetails' default writer: the service asks writers in registration order.
        services.AddSingleton<IProblemDetailsWriter, WireProblemWriter>();
        services.AddProblemDetails();
        services.AddExceptionHandler<KnownExceptionHandler>();
        return services;
    }
}

/// <summary>Maps the few exceptions with a known meaning to a 4xx; everything else is a logged 500.</summary>
public sealed class KnownExceptionHandler(IProblemDetailsService problemDetails) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        var status = exception switch
        {
            BadHttpRequestException bad => bad.StatusCode,
            InvalidDataException => StatusCodes.Status400BadRequest, // malformed multipart body
            _ => 0,
        };
        if (status == 0)
        {
            return false;
        }

        httpContext.Response.StatusCode = status;
        return await problemDetails.TryWriteAsync(new ProblemDetailsContext
        {
            HttpContext = httpContext,
            Exception = exception,
            ProblemDetails = new ProblemDetails { Status = status },
        });
    }
}

/// <summary>Gives every request an id: in every log line, the X-Request-Id header and every problem body.</summary>
public sealed class RequestIdMiddleware(RequestDelegate next)
{
    public const string HeaderName = "X-Request-Id";

    public async Task InvokeAsync(HttpContext context)
    {
        context.Response.Headers[HeaderName] = context.TraceIdentifier;
        using (Serilog.Context.LogContext.PushProperty("RequestId", context.TraceIdentifier))
        {
            await next(context);
        }
    }
}
