using Hangfire;
using Hangfire.AspNetCore;
using Hangfire.PostgreSql;
using Hangfire.PostgreSql.Factories;
using Npgsql;
using ParseJobs.Api.Auth;
using ParseJobs.Api.Jobs;
using ParseJobs.Api.Persistence;

namespace ParseJobs.Api.Hosting;

public static class HangfireSetup
{
    /// <summary>The sweeper's queue (and Hangfire's own default).</summary>
    public const string DefaultQueue = "default";

    public static IServiceCollection AddParseJobsHangfire(this IServiceCollection services, string connectionString, HostingOptions hosting, WorkerOptions worker, ConnectionBudget budget)
    {
        var storageOptions = new PostgreSqlStorageOptions
        {
            SchemaName = worker.SchemaName,
            // Installed by the database migration (`migrate`, or Database:MigrateOnStartup) under an advisory lock,
            // so that nodes starting together on a fresh database do not race on Hangfire's schema.
            PrepareSchemaIfNecessary = false,
            // An enqueue wakes a waiting worker at once: in this process through Hangfire.PostgreSql's per-queue
            // signal, from other nodes through HangfireQueueWakeUp; the poll interval is only the fallback. Long polling
            // (a LISTEN per fetch, every worker woken by every enqueue) only where that signal cannot be reached.
            EnableLongPolling = HangfireQueueWakeUp.QueueSignals is null,
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
        var node = HangfireNode.Create();
        services.AddSingleton(node);
        services.AddSingleton<JobStorage>(_ => new PostgreSqlStorage(
            new NpgsqlConnectionFactory(HangfireConnectionString(connectionString, budget.Hangfire, node, storageOptions.EnableLongPolling), storageOptions), storageOptions));
        services.AddSingleton<Hangfire.Common.IJobFilterProvider>(HangfireFilters.Create());
        services.AddHangfire((sp, config) => config
            .SetDataCompatibilityLevel(CompatibilityLevel.Version_180)
            .UseSimpleAssemblyNameTypeSerializer()
            .UseRecommendedSerializerSettings()
            .UseStorage(sp.GetRequiredService<JobStorage>()));

        if (hosting.RunsWorker)
        {
            services.AddSingleton<INotificationHandler>(sp => new HangfireQueueWakeUp(node,
                [.. sp.GetRequiredService<JobKinds>().All.Select(k => k.Queue).Append(DefaultQueue).Append(JobKindRegistration.ItemsQueue).Distinct(StringComparer.Ordinal)]));

            // Two servers: item chunks have workers of their own, so a 500-item batch never holds up single jobs.
            // (Hangfire.PostgreSql fetches ORDER BY fetchedat NULLS FIRST, queue, jobid: within one server the
            // alphabetically first queue would always win, and "items" sorts before "parse".)
            services.AddHangfireServer((sp, o) => ConfigureServer(o, worker, worker.EffectiveWorkerCount, "jobs",
                [.. sp.GetRequiredService<JobKinds>().All.Where(k => !k.HasItems).Select(k => k.Queue).Append(DefaultQueue).Distinct(StringComparer.Ordinal)]));
            // The items server is lightweight: workers, heartbeat and watchdog only. The "jobs" server already runs the
            // schedulers (retries, the recurring sweeper) and the storage's expiration and counter processes; twice
            // would only poll the database twice and take connections of the budget (ConnectionBudget).
            services.AddHangfireServer((sp, o) =>
            {
                ConfigureServer(o, worker, worker.EffectiveItemWorkerCount, "items",
                    [.. sp.GetRequiredService<JobKinds>().All.Where(k => k.HasItems).Select(k => k.Queue).Append(JobKindRegistration.ItemsQueue).Distinct(StringComparer.Ordinal)]);
                o.IsLightweightServer = true;
            });
            // The host waits for Hangfire's shutdown, which waits for running jobs (StopTimeout) to finish.
            services.Configure<HostOptions>(h => h.ShutdownTimeout = TimeSpan.FromSeconds(worker.ShutdownTimeoutSeconds + 10));
            services.AddHostedService<SweeperRegistration>();
        }

        return services;
    }

    // Hangfire gets its own bounded pool (ConnectionBudget): one connection per worker of both servers plus their
    // background processes. Past the cap Hangfire waits for a connection instead of opening more than the budget.
    // The application name tells this node's enqueue notifications from other nodes' (HangfireQueueWakeUp). Without
    // long polling nothing of Hangfire's leaves session state on a connection (no LISTEN), so a connection handed back
    // to the pool needs no DISCARD ALL.
    private static string HangfireConnectionString(string connectionString, int poolSize, HangfireNode node, bool longPolling) =>
        new Npgsql.NpgsqlConnectionStringBuilder(connectionString)
        {
            MaxPoolSize = poolSize,
            ApplicationName = node.ApplicationName,
            NoResetOnClose = !longPolling,
        }.ConnectionString;

    private static void ConfigureServer(BackgroundJobServerOptions o, WorkerOptions worker, int workerCount, string role, string[] queues)
    {
        o.WorkerCount = workerCount;
        o.Queues = queues;
        // StopTimeout: on SIGTERM running jobs get this long before their token fires (without it, it fires at once
        // and they rerun elsewhere from the start); ShutdownTimeout then bounds the whole stop.
        o.StopTimeout = TimeSpan.FromSeconds(worker.ShutdownTimeoutSeconds);
        o.ShutdownTimeout = TimeSpan.FromSeconds(worker.ShutdownTimeoutSeconds + 5);
        o.SchedulePollingInterval = TimeSpan.FromSeconds(Math.Min(5, worker.SweepIntervalSeconds));
        o.ServerName = $"{Environment.MachineName}:{Environment.ProcessId}:{role}";
    }

    /// <summary>
    /// Installs (or upgrades) Hangfire's schema under a PostgreSQL advisory lock: concurrent nodes wait for the first.
    /// Part of the database migration (<c>migrate</c>).
    /// </summary>
    public static async Task InstallSchemaAsync(NpgsqlConnection connection, string schemaName, CancellationToken ct)
    {
        const long lockKey = 0x50_4A_48_46; // "PJHF"
        await using (var take = new NpgsqlCommand($"SELECT pg_advisory_lock({lockKey})", connection))
        {
            await take.ExecuteNonQueryAsync(ct);
        }

        try
        {
            PostgreSqlObjectsInstaller.Install(connection, schemaName);
            await HangfireQueueWakeUp.InstallTriggerAsync(connection, schemaName, ct);
        }
        finally
        {
            await using var release = new NpgsqlCommand($"SELECT pg_advisory_unlock({lockKey})", connection);
            await release.ExecuteNonQueryAsync(CancellationToken.None);
        }
    }

    /// <summary>Registers the sweeper as a recurring Hangfire job (idempotent; every worker node does it at start).</summary>
    private sealed class SweeperRegistration(IRecurringJobManager recurring, Microsoft.Extensions.Options.IOptions<WorkerOptions> worker) : IHostedService
    {
        public Task StartAsync(CancellationToken cancellationToken)
        {
            var seconds = worker.Value.SweepIntervalSeconds;
            var cron = seconds < 60 ? $"*/{seconds} * * * * *" : $"*/{Math.Max(1, seconds / 60)} * * * *";
            recurring.AddOrUpdate<JobSweeper>(JobSweeper.RecurringJobId, DefaultQueue, j => j.RunAsync(CancellationToken.None), cron);
            return Task.CompletedTask;
        }

        public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
    }

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
