namespace ParseJobs.Api.Documents;

public static class DocumentsSetup
{
    /// <summary>Document layout (<c>/v1/documents</c>): options and the job class.</summary>
    public static IServiceCollection AddDocuments(this IServiceCollection services)
    {
        services.AddOptions<DocumentParseOptions>().BindConfiguration(DocumentParseOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddScoped<DocumentParseJob>();
        return services;
    }
}
