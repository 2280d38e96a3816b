namespace ParseJobs.Api.Uploads;

public static class UploadsSetup
{
    /// <summary>Upload checks (size, type by content, emptiness) shared by every submit endpoint.</summary>
    public static IServiceCollection AddUploads(this IServiceCollection services)
    {
        services.AddOptions<UploadOptions>().BindConfiguration(UploadOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<DocumentUploadReader>();
        return services;
    }
}
