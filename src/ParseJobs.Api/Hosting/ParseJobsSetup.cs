using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using ParseJobs.Api.Ats;
using ParseJobs.Api.Auth;
using ParseJobs.Api.Batches;
using ParseJobs.Api.Cv;
using ParseJobs.Api.Documents;
using ParseJobs.Api.Jobs;
using ParseJobs.Api.Parsers;
using ParseJobs.Api.Persistence;
using ParseJobs.Api.Retention;
using ParseJobs.Api.Uploads;

namespace ParseJobs.Api.Hosting;

public static class ParseJobsSetup
{
    /// <summary>Everything the host needs, by role.</summary>
    /// <param name="builder">The host builder.</param>
    /// <param name="commandMode">An operator command runs: logs go to stderr so that stdout carries only its output.</param>
    public static WebApplicationBuilder AddParseJobs(this WebApplicationBuilder builder, bool commandMode = false)
    {
        var configuration = builder.Configuration;
        var hosting = configuration.Bind<HostingOptions>(HostingOptions.Section);
        var worker = configuration.Bind<WorkerOptions>(WorkerOptions.Section);
        var connectionString = configuration.GetPostgresConnectionString();

        builder.AddParseJobsLogging(commandMode);
        builder.Services.AddSingleton(TimeProvider.System);
        builder.Services.AddSingleton(hosting);
        builder.Services.AddOptions<WorkerOptions>().BindConfiguration(WorkerOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        builder.Services.AddParseJobsJson();
        builder.Services.AddParseJobsProblemDetails();
        builder.Services.AddParseJobsPersistence(connectionString);
        builder.Services.AddParseJobsDataProtection();
        builder.Services.AddExceptionHandler<DatabaseUnavailableHandler>();
        builder.Services.AddApiKeyAuth();
        builder.Services.AddScoped<ApiKeyAdmin>();
        builder.Services.AddJobs();
        builder.Services.AddUploads();
        builder.Services.AddDocumentParsing();
        builder.Services.AddCv();
        builder.Services.AddDocuments();
        builder.Services.AddBatches(configuration);
        builder.Services.AddAts(configuration);
        builder.Services.AddRetention(hosting);
        var budget = ConnectionBudget.For(hosting, worker, configuration.Bind<DatabaseOptions>(DatabaseOptions.Section));
        builder.Services.AddSingleton(budget);
        builder.Services.AddParseJobsHangfire(connectionString, hosting, worker, budget);
        builder.Services.AddSubmissionRateLimit();
        builder.Services.AddParseJobsSwagger();

        // A small server-wide body limit; upload endpoints raise it for themselves (UploadLimits.WithUploadLimit).
        builder.WebHost.ConfigureKestrel(k => k.Limits.MaxRequestBodySize = UploadLimits.DefaultMaxRequestBodyBytes);
        return builder;
    }

    public static WebApplication UseParseJobs(this WebApplication app)
    {
        app.UseMiddleware<SecurityHeadersMiddleware>();
        app.UseParseJobsRequestLogging();
        app.UseExceptionHandler();
        app.UseStatusCodePages();
        app.UseParseJobsSwagger();
        app.UseAuthentication();
        app.UseAuthorization();
        app.UseRateLimiter(); // after authentication: the limit is per organisation
        return app;
    }

    public static WebApplication MapHealth(this WebApplication app)
    {
        app.MapHealthChecks("/health/live", new HealthCheckOptions { Predicate = _ => false }).AllowAnonymous();
        app.MapHealthChecks("/health/ready", new HealthCheckOptions { Predicate = c => c.Tags.Contains("ready") }).AllowAnonymous();
        return app;
    }
}
