using System.Globalization;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using ParseJobs.Api.Persistence;

namespace ParseJobs.Api.Hosting;

/// <summary>
/// A database outage, an exhausted pool or connection limit is a 503 with <c>Retry-After</c>, never a 500: the
/// request is fine and will work later.
/// </summary>
public sealed partial class DatabaseUnavailableHandler(
    IProblemDetailsService problemDetails, IOptions<DatabaseOptions> options, ILogger<DatabaseUnavailableHandler> logger) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        if (!DatabaseErrors.IsUnavailable(exception) || httpContext.Response.HasStarted)
        {
            return false;
        }

        ClearStalePool(httpContext);
        var retryAfter = options.Value.RetryAfterSeconds;
        LogUnavailable(logger, httpContext.Request.Method, httpContext.Request.Path, DatabaseErrors.Describe(exception));
        httpContext.Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
        httpContext.Response.Headers[RequestIdMiddleware.HeaderName] = httpContext.TraceIdentifier; // the exception handler cleared it
        httpContext.Response.Headers.RetryAfter = retryAfter.ToString(CultureInfo.InvariantCulture);
        return await problemDetails.TryWriteAsync(new ProblemDetailsContext
        {
            HttpContext = httpContext,
            ProblemDetails = new ProblemDetails
            {
                Status = StatusCodes.Status503ServiceUnavailable,
                Title = "Database unavailable",
                Detail = $"The database is unavailable or at its connection limit. Retry after {retryAfter} seconds.",
            },
        });
    }

    // After a server restart every idle pooled connection is dead, and each would fail one more request (a save is
    // not replayed). Dropping the idle ones at the first failure limits the 503s to the outage itself.
    private static void ClearStalePool(HttpContext httpContext)
    {
        if (httpContext.RequestServices.GetService<ParseJobsDbContext>()?.Database.GetDbConnection() is Npgsql.NpgsqlConnection connection)
        {
            Npgsql.NpgsqlConnection.ClearPool(connection);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "{Method} {Path}: database unavailable, answered 503: {Reason}")]
    private static partial void LogUnavailable(ILogger logger, string method, string path, string reason);
}
