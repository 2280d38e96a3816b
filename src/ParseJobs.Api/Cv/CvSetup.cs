using ParseJobs.Extraction.Cv;

namespace ParseJobs.Api.Cv;

public static class CvSetup
{
    /// <summary>CV parsing (<c>/v1/parse</c>): the extractor, the pipeline and the job class.</summary>
    public static IServiceCollection AddCv(this IServiceCollection services)
    {
        services.AddSingleton<ICvExtractor, CvExtractor>();
        services.AddSingleton<CvPipeline>();
        services.AddScoped<CvParseJob>();
        return services;
    }
}
