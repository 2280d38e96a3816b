using Hangfire;
using Hangfire.AspNetCore;
using Hangfire.PostgreSql;
using Hangfire.PostgreSql.Factories;
using ParseJobs.Api.Auth;

namespace ParseJobs.Api.Hosting;

public static class HangfireSetup
{
    public static readonly string[] Queues = ["parse", "default"];

    public static IServiceCollection AddParseJobsHangfire(this IServiceCollection services, string connectionString, HostingOptions hosting, WorkerOptions worker)
    {
        var storageOptions = new PostgreSqlStorageOptions
        {
            SchemaName = worker.SchemaName,
            PrepareSchemaIfNecessary = true,
            // LISTEN/NOTIFY wakes a waiting worker the moment a job is enqueued, also across processes;
            // the poll interval is only the fallback.
            EnableLongPolling = true,
            QueuePollInterval = TimeSpan.FromSeconds(worker.QueuePollIntervalSeconds),
            // Heartbeats keep a running job invisible; a dead worker's job returns after the timeout.
            UseSlidingInvisibilityTimeout = true,
            InvisibilityTimeout = TimeSpan.FromSeconds(worker.InvisibilityTimeoutSeconds),
            DistributedLockTimeout = TimeSpan.FromMinutes(1),
        };

        // Storage and activator are this host's own singletons. Hangfire's default registrations hand out the
        // static JobStorage.Current and JobActivator.Current, which the last host built in a process overwrites
        // (several hosts in one test run): jobs would land in another database or resolve from a disposed host.
        services.AddSingleton<JobActivator>(sp => new AspNetCoreJobActivator(sp.GetRequiredService<IServiceScopeFactory>()));
        services.AddSingleton<JobStorage>(_ => new PostgreSqlStorage(
            new NpgsqlConnectionFactory(HangfireConnectionString(connectionString, worker), storageOptions), storageOptions));
        services.AddHangfire((sp, config) => config
            .SetDataCompatibilityLevel(CompatibilityLevel.Version_180)
            .UseSimpleAssemblyNameTypeSerializer()
            .UseRecommendedSerializerSettings()
            .UseStorage(sp.GetRequiredService<JobStorage>()));

        if (hosting.RunsWorker)
        {
            services.AddHangfireServer((sp, o) =>
            {
                o.WorkerCount = worker.EffectiveWorkerCount;
                o.Queues = Queues;
                o.ShutdownTimeout = TimeSpan.FromSeconds(worker.ShutdownTimeoutSeconds);
                o.ServerName = $"{Environment.MachineName}:{Environment.ProcessId}";
            });
        }

        return services;
    }

    // Hangfire gets its own small pool: one connection per worker plus fetcher, heartbeat, listener and dashboard.
    private static string HangfireConnectionString(string connectionString, WorkerOptions worker) =>
        new Npgsql.NpgsqlConnectionStringBuilder(connectionString)
        {
            MaxPoolSize = worker.EffectiveWorkerCount + 10,
            ApplicationName = "parsejobs-hangfire",
        }.ConnectionString;

    /// <summary>The dashboard at /hangfire, for system operator keys only (by header, or the cookie of its login page).</summary>
    public static WebApplication MapParseJobsDashboard(this WebApplication app)
    {
        app.MapHangfireDashboard("/hangfire", new DashboardOptions
        {
            // Endpoint authorization below does the checking; Hangfire's own default allows local requests only.
            Authorization = [],
            DisplayStorageConnectionString = false,
        }).RequireAuthorization(AuthSetup.OperatorPolicy);
        app.MapOperatorLogin();
        return app;
    }
}

internal static class OptionsExtensions
{
    public static T Bind<T>(this IConfiguration configuration, string section)
        where T : new() => configuration.GetSection(section).Get<T>() ?? new T();
}
