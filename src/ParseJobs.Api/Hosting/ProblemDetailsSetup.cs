using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;
using ParseJobs.Api.Uploads;

namespace ParseJobs.Api.Hosting;

public static class ProblemDetailsSetup
{
    /// <summary>Every error is RFC 9457 problem details carrying the request id.</summary>
    public static IServiceCollection AddParseJobsProblemDetails(this IServiceCollection services)
    {
        services.AddProblemDetails(o => o.CustomizeProblemDetails = context =>
        {
            var http = context.HttpContext;
            context.ProblemDetails.Extensions["request_id"] = http.TraceIdentifier;
            context.ProblemDetails.Detail ??= context.ProblemDetails is HttpValidationProblemDetails
                ? "One or more request fields are invalid; see 'errors'."
                : DefaultDetail(context.ProblemDetails.Status ?? http.Response.StatusCode, http);
        });
        services.AddExceptionHandler<KnownExceptionHandler>();
        return services;
    }

    // Bodyless framework answers (routing, form binding, Kestrel limits) get a detail that says what to do.
    private static string? DefaultDetail(int status, HttpContext http) => status switch
    {
        StatusCodes.Status400BadRequest => "The request could not be read. Check the JSON body, the form fields and the parameter formats.",
        StatusCodes.Status404NotFound => $"No resource at {http.Request.Path}. See /swagger for the API.",
        StatusCodes.Status405MethodNotAllowed => $"{http.Request.Method} is not allowed on {http.Request.Path}.",
        StatusCodes.Status413PayloadTooLarge =>
            $"The request body is too large; files may have at most {http.RequestServices.GetRequiredService<IOptions<UploadOptions>>().Value.MaxFileSizeMb} MB.",
        StatusCodes.Status415UnsupportedMediaType => "Send uploads as multipart/form-data with the file in the field 'file'.",
        _ => null,
    };
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
