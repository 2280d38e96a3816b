using Microsoft.Extensions.DependencyInjection.Extensions;
using ParseJobs.Api.Ats.Connections;
using ParseJobs.Api.Ats.CreatePdf;
using ParseJobs.Api.Ats.Hr4You;
using ParseJobs.Api.Ats.Import;
using ParseJobs.Api.Ats.Page;
using ParseJobs.Api.Ats.Pdf;
using ParseJobs.Api.Ats.Projects;
using ParseJobs.Api.Batches;
using ParseJobs.Api.Jobs;
using ParseJobs.Extraction.Cv;

namespace ParseJobs.Api.Ats;

public static class AtsSetup
{
    /// <summary>The ATS create-pdf flow: the HR4YOU client and connections, the profile PDF renderer, the import kind
    /// (one item per candidate), the request's services, and the project reads and page.</summary>
    public static IServiceCollection AddAts(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddHr4You(configuration);
        services.AddProfilePdf(configuration); // every role: the browser starts only with a first render
        services.AddProjectPage();
        services.AddOptions<AtsOptions>().BindConfiguration(AtsOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        // One item per chunk: each candidate is its own Hangfire job, so one slow ATS download never holds the others.
        services.AddJobKind<CandidateImportWork, CvProfile>(JobKind.AtsImport, k => k
            .OnQueue("ats")
            .WithItems(chunkSize: 1)
            .WithTimeout<AtsOptions>(o => TimeSpan.FromSeconds(o.ImportTimeoutSeconds)));
        services.TryAddScoped<CvProfileCache>();
        services.AddSingleton<CreatePdfRequestReader>();
        services.AddScoped<ConsultantUsers>();
        services.AddScoped<ExistingProjects>();
        services.AddScoped<ProjectCreator>();
        return services;
    }

    public static IEndpointRouteBuilder MapAts(this IEndpointRouteBuilder app)
    {
        app.MapCreatePdf();
        app.MapAtsConnections();
        app.MapProjects();
        app.MapProjectPage();
        return app;
    }
}
