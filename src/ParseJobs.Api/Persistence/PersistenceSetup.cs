using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace ParseJobs.Api.Persistence;

public static class PersistenceSetup
{
    public const string ConnectionStringName = "Postgres";

    public static string GetPostgresConnectionString(this IConfiguration configuration) =>
        configuration.GetConnectionString(ConnectionStringName) is { Length: > 0 } cs
            ? cs
            : throw new InvalidOperationException(
                $"No database configured: set the connection string 'ConnectionStrings:{ConnectionStringName}' " +
                "(environment variable ConnectionStrings__Postgres), or start the service with scripts/run.sh, which provides a local PostgreSQL.");

    public static IServiceCollection AddParseJobsPersistence(this IServiceCollection services, string connectionString)
    {
        services.AddOptions<DatabaseOptions>().BindConfiguration(DatabaseOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        // Pooled: every request and job gets a reset context instead of building one (measurable on hot polling paths).
        services.AddPooledDbContextFactory<ParseJobsDbContext>((sp, o) => o
            .UseNpgsql(connectionString, npgsql => npgsql
                .MigrationsHistoryTable("__ef_migrations_history", ParseJobsDbContext.Schema)
                .CommandTimeout(sp.GetRequiredService<IOptions<DatabaseOptions>>().Value.CommandTimeoutSeconds))
            .UseSnakeCaseNamingConvention());
        services.AddScoped(sp => sp.GetRequiredService<IDbContextFactory<ParseJobsDbContext>>().CreateDbContext());
        services.AddHealthChecks().AddNpgSql(connectionString, name: "postgres", tags: ["ready"]);
        return services;
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
}
