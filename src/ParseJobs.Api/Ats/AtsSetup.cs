using Microsoft.Extensions.DependencyInjection.Extensions;
using ParseJobs.Api.Ats.Connections;
using ParseJobs.Api.Ats.CreatePdf;
using ParseJobs.Api.Ats.Hr4You;
using ParseJobs.Api.Ats.Import;
using ParseJobs.Api.Ats.Page;
using ParseJobs.Api.Ats.Pdf;
using ParseJobs.Api.Batches;
using ParseJobs.Api.Jobs;
using ParseJobs.Extraction.Cv;

namespace ParseJobs.Api.Ats;

public static class AtsSetup
{
    /// <summary>The ATS create-pdf flow: the import kind (one item per candidate), the request's services, and the
    /// interim HR4YOU client and PDF renderer (TryAdd: the real ones, registered by their features, win).</summary>
    public static IServiceCollection AddAts(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<AtsOptions>().BindConfiguration(AtsOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        // One item per chunk: each candidate is its own Hangfire job, so one slow ATS download never holds the others.
        services.AddJobKind<CandidateImportWork, CvProfile>(JobKind.AtsImport, k => k
            .OnQueue("ats")
            .WithItems(chunkSize: 1)
            .WithTimeout<AtsOptions>(o => TimeSpan.FromSeconds(o.ImportTimeoutSeconds)));
        services.TryAddScoped<AtsConnectionStore>();
        services.TryAddSingleton<ProjectPageToken>();
        services.TryAddScoped<CvProfileCache>();
        services.AddSingleton<CreatePdfRequestReader>();
        services.AddScoped<ConsultantUsers>();
        services.AddScoped<ExistingProjects>();
        services.AddScoped<ProjectCreator>();
        services.AddInterimAtsAdapters();
        return services;
    }

    /// <summary>Until the real HR4YOU client and renderer are merged (see InterimAdapters.cs).</summary>
    private static void AddInterimAtsAdapters(this IServiceCollection services)
    {
        services.AddHttpClient(InterimHr4YouClient.HttpClientName, c => c.Timeout = TimeSpan.FromSeconds(30));
        services.TryAddSingleton<IHr4YouClient, InterimHr4YouClient>();
        services.TryAddSingleton<IProfilePdfRenderer, InterimProfilePdfRenderer>();
    }

    public static IEndpointRouteBuilder MapAts(this IEndpointRouteBuilder app)
    {
        app.MapCreatePdf();
        return app;
    }
}
