using ParseJobs.Api.Batches.Sources.Database;
using ParseJobs.Api.Batches.Sources.GoogleDrive;
using ParseJobs.Api.Batches.Sources.S3;

namespace ParseJobs.Api.Batches.Sources;

public static class SourcesSetup
{
    /// <summary>Every candidate source, one line each; the batch feature picks the one of the submission's input type.</summary>
    public static IServiceCollection AddCandidateSources(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<ZipSourceOptions>().BindConfiguration(ZipSourceOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<ICandidateSource, ZipSource>();
        services.AddCsvSource();
        services.AddDatabaseSource();
        services.AddS3Source();
        services.AddGoogleDriveSource();
        return services;
    }
}
