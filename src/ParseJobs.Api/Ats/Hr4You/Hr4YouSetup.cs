using System.Reflection;
using Microsoft.Extensions.Http.Resilience;
using Microsoft.Extensions.Options;
using ParseJobs.Api.Ats.Connections;

namespace ParseJobs.Api.Ats.Hr4You;

public static class Hr4YouSetup
{
    /// <summary>"ParseJobs/1.2.3": what HR4YOU's operators see in their access logs.</summary>
    public static string UserAgent { get; } = "ParseJobs/" + Version();

    /// <summary>The HR4YOU client (typed HttpClient with its resilience pipeline, one per base URL), its options
    /// (<c>Ats:Hr4You</c>) and the organisations' ATS connections.</summary>
    public static IServiceCollection AddHr4You(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<Hr4YouOptions>().Bind(configuration.GetSection(Hr4YouOptions.Section))
            .ValidateDataAnnotations().ValidateOnStart();
        services.AddTransient<Hr4YouAttemptHandler>();
        var client = services.AddHttpClient<IHr4YouClient, Hr4YouClient>((provider, http) =>
            {
                // The pipeline's total timeout governs; this is only the backstop behind it.
                http.Timeout = provider.GetRequiredService<IOptions<Hr4YouOptions>>().Value.TotalTimeout + TimeSpan.FromSeconds(5);
                http.DefaultRequestHeaders.UserAgent.ParseAdd(UserAgent);
                http.DefaultRequestHeaders.Accept.ParseAdd("application/json");
            })
            // No factory request logging: at Trace it logs the request headers, and although their rendered text is
            // redacted, the structured state Serilog captures holds the raw values, the bearer token among them
            // (caught by Hr4YouClientTests). Failures are logged by Hr4YouClient, with the path only.
            .RemoveAllLoggers();
        client.AddResilienceHandler(Hr4YouResilience.PipelineName, (pipeline, context) =>
                Hr4YouResilience.Configure(pipeline, context.ServiceProvider.GetRequiredService<IOptions<Hr4YouOptions>>().Value))
            // Each organisation's HR4YOU has its own circuit: a pipeline per scheme, host and port of the request URI.
            .SelectPipelineByAuthority();
        // Innermost, once per attempt: JSON bodies are read within the attempt timeout (Hr4YouAttemptHandler).
        client.AddHttpMessageHandler<Hr4YouAttemptHandler>();
        services.AddTransient<Hr4YouConnectionCheck>();
        services.AddScoped<AtsConnectionStore>();
        return services;
    }

    private static string Version()
    {
        var assembly = typeof(Hr4YouSetup).Assembly;
        var version = assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion
            ?? assembly.GetName().Version?.ToString() ?? "0.0.0";
        var build = version.IndexOf('+', StringComparison.Ordinal); // "1.0.0+commit": the commit is nobody's business
        return build < 0 ? version : version[..build];
    }
}
