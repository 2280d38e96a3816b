using Serilog;
using Serilog.Events;
using Serilog.Formatting.Compact;

namespace ParseJobs.Api.Hosting;

public static class SerilogSetup
{
    /// <summary>Set to false to keep logs off the console (the test hosts log to a sink of their own).</summary>
    public const string WriteToConsoleKey = "Serilog:WriteToConsole";

    /// <summary>Readable text in Development, structured JSON elsewhere; the request id in every line. Sinks
    /// registered as <see cref="Serilog.Core.ILogEventSink"/> services receive every event too.</summary>
    public static WebApplicationBuilder AddParseJobsLogging(this WebApplicationBuilder builder, bool logToStandardError)
    {
        var isDevelopment = builder.Environment.IsDevelopment();
        var writeToConsole = builder.Configuration.GetValue(WriteToConsoleKey, defaultValue: true);
        LogEventLevel? stderrFrom = logToStandardError ? LogEventLevel.Verbose : null;
        // preserveStaticLogger: each host keeps its own logger. Otherwise Serilog routes every host's events through the
        // static Log.Logger, which the last host built in a process overwrites (parallel test hosts).
        builder.Services.AddSerilog(preserveStaticLogger: true, configureLogger: (services, config) =>
        {
            config.ReadFrom.Configuration(builder.Configuration)
                .ReadFrom.Services(services)
                .MinimumLevel.Override("Microsoft.AspNetCore", LogEventLevel.Warning)
                .MinimumLevel.Override("Microsoft.EntityFrameworkCore", LogEventLevel.Warning)
                // Failed commands surface as exceptions where they matter; the first migration probes a missing table on purpose.
                .MinimumLevel.Override("Microsoft.EntityFrameworkCore.Database.Command", LogEventLevel.Fatal)
                .MinimumLevel.Override("Hangfire", LogEventLevel.Information)
                .Enrich.FromLogContext();
            if (!writeToConsole)
            {
                return;
            }

            if (isDevelopment)
            {
                config.WriteTo.Console(
                    outputTemplate: "[{Timestamp:HH:mm:ss} {Level:u3}] {RequestId} {SourceContext}: {Message:lj}{NewLine}{Exception}",
                    standardErrorFromLevel: stderrFrom);
            }
            else
            {
                config.WriteTo.Console(new RenderedCompactJsonFormatter(), standardErrorFromLevel: stderrFrom);
            }
        });
        return builder;
    }

    /// <summary>One line per request: method, path (never the query or headers), status, time. Successful polls of
    /// a job's status are Debug: clients poll many times a second, and a synchronous console line per poll costs
    /// a large share of the status endpoint's throughput (docs/PERFORMANCE.md). Errors and slow polls stay visible.</summary>
    public static WebApplication UseParseJobsRequestLogging(this WebApplication app)
    {
        app.UseMiddleware<RequestIdMiddleware>();
        app.UseSerilogRequestLogging(o =>
        {
            o.MessageTemplate = "HTTP {RequestMethod} {RequestPath} responded {StatusCode} in {Elapsed:0.0} ms";
            o.GetLevel = RequestLevel;
        });
        return app;
    }

    private static LogEventLevel RequestLevel(HttpContext context, double elapsedMs, Exception? exception) =>
        exception is not null || context.Response.StatusCode >= StatusCodes.Status500InternalServerError ? LogEventLevel.Error
        : IsStatusPoll(context) && context.Response.StatusCode < StatusCodes.Status400BadRequest && elapsedMs < SlowPollMs ? LogEventLevel.Debug
        : LogEventLevel.Information;

    private const double SlowPollMs = 1000;

    private static bool IsStatusPoll(HttpContext context) =>
        HttpMethods.IsGet(context.Request.Method) && context.Request.Path.Value is { } path &&
        path.EndsWith("/status", StringComparison.Ordinal);
}
