namespace ParseJobs.Api.Batches.Sources.GoogleDrive;

public static class GoogleDriveSetup
{
    public static IServiceCollection AddGoogleDriveSource(this IServiceCollection services)
    {
        services.AddOptions<GoogleDriveSourceOptions>().BindConfiguration(GoogleDriveSourceOptions.Section).ValidateDataAnnotations()
            .Validate(o => o.UrisAreValid(),
                $"{GoogleDriveSourceOptions.Section}: BaseUri must be an absolute http(s) URL ending in '/', TokenUri (if set) an absolute http(s) URL.")
            .ValidateOnStart();
        services.AddSingleton<ICandidateSource, GoogleDriveCandidateSource>();
        return services;
    }
}
