using ParseJobs.Extraction;

namespace ParseJobs.Api.Hosting;

public static class JsonSetup
{
    /// <summary>snake_case names and enums as snake_case strings, as on the wire everywhere (<see cref="WireJson"/>).</summary>
    public static IServiceCollection AddParseJobsJson(this IServiceCollection services) =>
        services.ConfigureHttpJsonOptions(o => WireJson.Configure(o.SerializerOptions));
}
