namespace ParseJobs.Api.Batches.Sources.S3;

public static class S3Setup
{
    public static IServiceCollection AddS3Source(this IServiceCollection services)
    {
        services.AddOptions<S3SourceOptions>().BindConfiguration(S3SourceOptions.Section).ValidateDataAnnotations()
            .Validate(o => o.AllowedEndpointsAreValid(),
                $"{S3SourceOptions.Section}:AllowedEndpoints: every entry must be an absolute http(s) URL of scheme, host and port only (https://minio.example.com:9000).")
            .ValidateOnStart();
        services.AddSingleton<ICandidateSource, S3CandidateSource>();
        return services;
    }
}
