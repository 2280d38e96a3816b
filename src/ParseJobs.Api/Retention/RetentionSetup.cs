using Hangfire;
using Microsoft.Extensions.Options;
using ParseJobs.Api.Hosting;

namespace ParseJobs.Api.Retention;

public static class RetentionSetup
{
    /// <summary>Retention (the recurring job, on worker nodes), erasure, the audit log.</summary>
    public static IServiceCollection AddRetention(this IServiceCollection services, HostingOptions hosting)
    {
        // A bad Retention:Cron fails the worker's start: Hangfire's AddOrUpdate below rejects it with its reason.
        services.AddOptions<RetentionOptions>().BindConfiguration(RetentionOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddScoped<RetentionJob>();
        services.AddScoped<OrganisationEraser>();
        services.AddScoped<RetentionPolicyAdmin>();
        if (hosting.RunsWorker)
        {
            services.AddHostedService<RetentionRegistration>();
        }

        return services;
    }

    /// <summary>Registers the recurring job (idempotent; every worker node does it at start, Hangfire keeps one).</summary>
    private sealed class RetentionRegistration(IRecurringJobManager recurring, IOptions<RetentionOptions> options) : IHostedService
    {
        public Task StartAsync(CancellationToken cancellationToken)
        {
            recurring.AddOrUpdate<RetentionJob>(RetentionJob.RecurringJobId, HangfireSetup.DefaultQueue,
                j => j.RunAsync(CancellationToken.None), options.Value.Cron, new RecurringJobOptions { TimeZone = TimeZoneInfo.Utc });
            return Task.CompletedTask;
        }

        public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
    }
}
