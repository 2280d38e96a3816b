using System.Diagnostics;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Npgsql;

namespace ParseJobs.Api.Persistence;

public static class PersistenceSetup
{
    public const string ConnectionStringName = "Postgres";

    /// <summary>Connections of the readiness check: it needs one, and must never compete with requests for theirs.</summary>
    public const int HealthCheckPoolSize = 2;

    /// <summary>The configured connection string; without TLS to a database on this machine unless it names an SSL
    /// mode (<see cref="LoopbackTls"/>).</summary>
    public static string GetPostgresConnectionString(this IConfiguration configuration) =>
        configuration.GetConnectionString(ConnectionStringName) is { Length: > 0 } cs
            ? LoopbackTls.Apply(cs)
            : throw new InvalidOperationException(
                $"No database configured: set the connection string 'ConnectionStrings:{ConnectionStringName}' " +
                "(environment variable ConnectionStrings__Postgres), or start the service with scripts/run.sh, which provides a local PostgreSQL.");

    public static IServiceCollection AddParseJobsPersistence(this IServiceCollection services, string connectionString)
    {
        services.AddOptions<DatabaseOptions>().BindConfiguration(DatabaseOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        // Pooled: every request and job gets a reset context instead of building one (measurable on hot polling paths).
        services.AddPooledDbContextFactory<ParseJobsDbContext>((sp, o) =>
        {
            var database = sp.GetRequiredService<IOptions<DatabaseOptions>>().Value;
            o.UseNpgsql(BoundedConnectionString(connectionString, database.MaxPoolSize, database.ConnectionTimeoutSeconds, "parsejobs"), npgsql => npgsql
                    .MigrationsHistoryTable("__ef_migrations_history", ParseJobsDbContext.Schema)
                    .CommandTimeout(database.CommandTimeoutSeconds)
                    .ExecutionStrategy(deps => new ParseJobsExecutionStrategy(deps, database.MaxRetryCount, TimeSpan.FromSeconds(database.MaxRetryDelaySeconds))))
                .UseSnakeCaseNamingConvention();
        });
        services.AddScoped(sp => sp.GetRequiredService<IDbContextFactory<ParseJobsDbContext>>().CreateDbContext());
        // One LISTEN connection per node for every INotificationHandler a feature registers (Hangfire wake-ups).
        services.AddSingleton(sp => new NotificationListener(connectionString, sp.GetServices<INotificationHandler>(), sp.GetRequiredService<ILogger<NotificationListener>>()));
        services.AddHostedService(sp => sp.GetRequiredService<NotificationListener>());
        services.AddHealthChecks().AddNpgSql(
            sp => BoundedConnectionString(connectionString, HealthCheckPoolSize, sp.GetRequiredService<IOptions<DatabaseOptions>>().Value.ConnectionTimeoutSeconds, "parsejobs-health"),
            name: "postgres", tags: ["ready"], timeout: TimeSpan.FromSeconds(5));
        return services;
    }

    /// <summary>The connection string with this node's pool bound and a bounded wait for a connection: under load
    /// requests queue for a pooled connection instead of opening more than PostgreSQL allows, and give up (503) in time.</summary>
    public static string BoundedConnectionString(string connectionString, int maxPoolSize, int timeoutSeconds, string applicationName)
    {
        var builder = new NpgsqlConnectionStringBuilder(connectionString)
        {
            MaxPoolSize = maxPoolSize,
            Timeout = timeoutSeconds,
            // A connection handed back to the pool is not reset with DISCARD ALL: nothing of ours leaves session
            // state behind (no SET, no temp tables, advisory locks are released explicitly), and the reset was one
            // extra statement and transaction on every request, half of a status poll's database work.
            // (Automatic preparation, tried beside it, made a transactional delete of an item job answer 503 in the
            // tests: left off.)
            NoResetOnClose = true,
        };
        builder.MinPoolSize = Math.Min(builder.MinPoolSize, maxPoolSize);
        builder.ApplicationName ??= applicationName;
        return builder.ConnectionString;
    }

    /// <summary>Waits for the database (bounded by <see cref="DatabaseOptions.StartupRetrySeconds"/>) and migrates it
    /// when configured. False when it never became reachable: the caller exits with a clear log line instead of
    /// an unhandled exception (exit 134), and an orchestrator's restart policy tries again.</summary>
    public static async Task<bool> PrepareDatabaseAsync(this IServiceProvider services, CancellationToken ct = default)
    {
        var options = services.GetRequiredService<IOptions<DatabaseOptions>>().Value;
        var logger = services.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(PersistenceSetup));
        if (!await WaitForDatabaseAsync(services, options, logger, ct))
        {
            return false;
        }

        if (options.MigrateOnStartup)
        {
            await services.MigrateDatabaseAsync(ct);
        }

        await LogConnectionBudgetAsync(services, logger, ct);
        return true;
    }

    /// <summary>One line with this node's connection caps against the server's limit; a warning when this node alone
    /// could take more than half of it (two such nodes would meet "too many clients" under a burst).</summary>
    private static async Task LogConnectionBudgetAsync(IServiceProvider services, ILogger logger, CancellationToken ct)
    {
        if (services.GetService<Hosting.ConnectionBudget>() is not { } budget)
        {
            return;
        }

        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ParseJobsDbContext>();
        var limits = await db.Database.SqlQueryRaw<int>(
            "SELECT current_setting('max_connections')::int - current_setting('superuser_reserved_connections')::int AS \"Value\"").ToListAsync(ct);
        var available = limits.Count > 0 ? limits[0] : 0;
        if (budget.Total * 2 > available)
        {
            logger.LogWarning("Connection budget of this node: {Budget}, of {Available} the server allows (max_connections minus reserved); "
                + "more than half: lower Database:MaxPoolSize, Worker:WorkerCount or Worker:HangfirePoolSize (docs/RELIABILITY.md)", budget, available);
        }
        else
        {
            logger.LogInformation("Connection budget of this node: {Budget}, of {Available} the server allows", budget, available);
        }
    }

    public static async Task MigrateDatabaseAsync(this IServiceProvider services, CancellationToken ct = default)
    {
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ParseJobsDbContext>();
        await db.Database.MigrateAsync(ct);
        // Hangfire's schema too, so that nodes starting together on a fresh database do not race on it.
        var schema = scope.ServiceProvider.GetRequiredService<IOptions<Hosting.WorkerOptions>>().Value.SchemaName;
        await db.Database.OpenConnectionAsync(ct);
        try
        {
            await Hosting.HangfireSetup.InstallSchemaAsync((Npgsql.NpgsqlConnection)db.Database.GetDbConnection(), schema, ct);
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }

    private static async Task<bool> WaitForDatabaseAsync(IServiceProvider services, DatabaseOptions options, ILogger logger, CancellationToken ct)
    {
        var clock = new Stopwatch(); // from the first failure: a slow first attempt (JIT, model build) costs no retries
        var deadline = TimeSpan.FromSeconds(options.StartupRetrySeconds);
        var delay = TimeSpan.FromSeconds(1);
        for (var attempt = 1; ; attempt++)
        {
            await using var scope = services.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<ParseJobsDbContext>();
            var connection = db.Database.GetDbConnection();
            try
            {
                // The raw connection, not EF's retrying strategy: this loop is the retry, and it logs each failure.
                await connection.OpenAsync(ct);
                await connection.CloseAsync();
                if (attempt > 1)
                {
                    logger.LogInformation("Database reachable after {Attempts} attempts ({Seconds:0.0} s)", attempt, clock.Elapsed.TotalSeconds);
                }

                return true;
            }
            catch (Exception ex) when (DatabaseErrors.IsUnavailable(ex))
            {
                clock.Start();
                var left = deadline - clock.Elapsed;
                if (left <= TimeSpan.Zero)
                {
                    logger.LogCritical(
                        "Database {Host}:{Port} still unreachable after {Seconds} s (Database:StartupRetrySeconds): {Reason}. Exiting.",
                        Host(connection), Port(connection), options.StartupRetrySeconds, DatabaseErrors.Describe(ex));
                    return false;
                }

                var wait = delay < left ? delay : left;
                logger.LogWarning(
                    "Database {Host}:{Port} unreachable (attempt {Attempt}): {Reason}. Retrying in {Delay:0.0} s; giving up in {Left:0} s.",
                    Host(connection), Port(connection), attempt, DatabaseErrors.Describe(ex), wait.TotalSeconds, left.TotalSeconds);
                await Task.Delay(wait, ct);
                delay = TimeSpan.FromSeconds(Math.Min(delay.TotalSeconds * 2, 10));
            }
            catch (NpgsqlException ex)
            {
                // Not transient (a wrong password, a missing database): waiting will not help.
                logger.LogCritical(
                    "Database {Host}:{Port} refused the connection: {Reason}. Check ConnectionStrings:Postgres. Exiting.",
                    Host(connection), Port(connection), DatabaseErrors.Describe(ex));
                return false;
            }
        }
    }

    private static string Host(System.Data.Common.DbConnection connection) => new NpgsqlConnectionStringBuilder(connection.ConnectionString).Host ?? "?";

    private static int Port(System.Data.Common.DbConnection connection) => new NpgsqlConnectionStringBuilder(connection.ConnectionString).Port;
}
