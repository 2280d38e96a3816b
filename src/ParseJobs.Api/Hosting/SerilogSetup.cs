using Serilog;
using Serilog.Formatting.Compact;

namespace ParseJobs.Api.Hosting;

public static class SerilogSetup
{
    /// <summary>Readable text in Development, structured JSON elsewhere; the request id in every line.</summary>
    public static WebApplicationBuilder AddParseJobsLogging(this WebApplicationBuilder builder, bool logToStandardError)
    {
        var isDevelopment = builder.Environment.IsDevelopment();
        Serilog.Events.LogEventLevel? stderrFrom = logToStandardError ? Serilog.Events.LogEventLevel.Verbose : null;
        builder.Services.AddSerilog((services, config) =>
        {
            config.ReadFrom.Configuration(builder.Configuration)
                .MinimumLevel.Override("Microsoft.AspNetCore", Serilog.Events.LogEventLevel.Warning)
                .MinimumLevel.Override("Microsoft.EntityFrameworkCore", Serilog.Events.LogEventLevel.Warning)
                // Failed commands surface as exceptions where they matter; the first migration probes a missing table on purpose.
                .MinimumLevel.Override("Microsoft.EntityFrameworkCore.Database.Command", Serilog.Events.LogEventLevel.Fatal)
                .MinimumLevel.Override("Hangfire", Serilog.Events.LogEventLevel.Information)
                .Enrich.FromLogContext();
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

    /// <summary>One line per request: method, path (never the query or headers), status, time.</summary>
    public static WebApplication UseParseJobsRequestLogging(this WebApplication app)
    {
        app.UseMiddleware<RequestIdMiddleware>();
        app.UseSerilogRequestLogging(o => o.MessageTemplate = "HTTP {RequestMethod} {RequestPath} responded {StatusCode} in {Elapsed:0.0} ms");
        return app;
    }
}
