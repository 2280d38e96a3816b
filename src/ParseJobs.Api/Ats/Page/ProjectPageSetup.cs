using Microsoft.Extensions.DependencyInjection.Extensions;
using ParseJobs.Api.Ats.Projects.ReadModel;

namespace ParseJobs.Api.Ats.Page;

public static class ProjectPageSetup
{
    /// <summary>The project reader (API and page), the page's options and its token.</summary>
    public static IServiceCollection AddProjectPage(this IServiceCollection services)
    {
        services.AddOptions<ProjectPageOptions>().BindConfiguration(ProjectPageOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.TryAddScoped<ProjectReader>();
        // TryAdd: create-pdf makes the tokens with the same singleton.
        services.TryAddSingleton<ProjectPageToken>();
        return services;
    }
}
