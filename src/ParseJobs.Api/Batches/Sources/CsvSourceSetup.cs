namespace ParseJobs.Api.Batches.Sources;

public static class CsvSourceSetup
{
    /// <summary>CSV_FILE, also registered as itself for the sync endpoint's row count (<see cref="CsvCandidateSource.CountCandidates"/>).</summary>
    public static IServiceCollection AddCsvSource(this IServiceCollection services)
    {
        services.AddOptions<CsvSourceOptions>().BindConfiguration(CsvSourceOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<CsvCandidateSource>();
        services.AddSingleton<ICandidateSource>(sp => sp.GetRequiredService<CsvCandidateSource>());
        return services;
    }
}
