using Microsoft.Extensions.Options;

namespace ParseJobs.Api.Ats.Pdf;

public static class ProfilePdfSetup
{
    /// <summary>The candidate profile PDF (<c>Ats:Pdf</c>): one renderer, and so one browser, per process; the browser
    /// starts with the first render and closes with the host.</summary>
    public static IServiceCollection AddProfilePdf(this IServiceCollection services, IConfiguration configuration)
    {
        _ = configuration; // bound through BindConfiguration; kept for the AddXxx(services, configuration) convention
        services.AddOptions<ProfilePdfOptions>().BindConfiguration(ProfilePdfOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<IValidateOptions<ProfilePdfOptions>, ProfilePdfOptionsValidator>();
        services.AddSingleton<ChromiumProfilePdfRenderer>();
        services.AddSingleton<IProfilePdfRenderer>(sp => sp.GetRequiredService<ChromiumProfilePdfRenderer>());
        return services;
    }
}
