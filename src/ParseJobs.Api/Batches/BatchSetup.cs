using Microsoft.Extensions.DependencyInjection.Extensions;
using ParseJobs.Api.Batches.Sources;
using ParseJobs.Api.Jobs;
using ParseJobs.Extraction.Matching;

namespace ParseJobs.Api.Batches;

public static class BatchSetup
{
    /// <summary>Batch matching (<c>/api/v1/batch-jobs</c>): the expanded item kind, its sources, the caches, the reads.</summary>
    public static IServiceCollection AddBatches(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<BatchOptions>().BindConfiguration(BatchOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        var options = configuration.GetSection(BatchOptions.Section).Get<BatchOptions>() ?? new BatchOptions();
        services.AddJobKind<CandidateMatchWork, CandidateMatch>(JobKind.BatchMatch, k => k
            .WithItems(options.ChunkSize)
            .ExpandedBy<BatchExpander>(TimeSpan.FromSeconds(options.ExpansionTimeoutSeconds))
            .WithTimeout<BatchOptions>(o => TimeSpan.FromSeconds(o.ItemTimeoutSeconds)));
        services.AddCandidateSources(configuration);
        services.TryAddSingleton<JobDescriptionAnalyzer>();
        services.TryAddSingleton<CandidateMatcher>();
        services.AddSingleton<BatchSourceConfigProtector>();
        services.AddSingleton<BatchSubmissionReader>();
        services.AddScoped<JobAnalysisCache>();
        services.AddScoped<BatchSubmitter>();
        services.AddScoped<CvProfileCache>();
        services.AddScoped<BatchAnalyses>();
        services.AddScoped<BatchResultsReader>();
        services.AddScoped<BatchSyncWait>();
        return services;
    }
}
