namespace ParseJobs.Api.Batches.Sources.Database;

public static class DatabaseSourceSetup
{
    /// <summary>DATABASE (PostgreSQL, MySQL/MariaDB, SQLite upload), closed until an operator fills Sources:Database:AllowedHosts.</summary>
    public static IServiceCollection AddDatabaseSource(this IServiceCollection services)
    {
        services.AddOptions<DatabaseSourceOptions>().BindConfiguration(DatabaseSourceOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<ICandidateSource, DatabaseCandidateSource>();
        return services;
    }
}
