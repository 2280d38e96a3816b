using System.Text.Json;
using ParseJobs.Extraction;

namespace ParseJobs.Api.Hosting;

public static class JsonSetup
{
    /// <summary>The wire conventions, for JSON the service stores and later serves verbatim.</summary>
    public static JsonSerializerOptions Wire { get; } = WireJson.CreateOptions();

    /// <summary>snake_case names and enums as snake_case strings, as on the wire everywhere (<see cref="WireJson"/>).</summary>
    public static IServiceCollection AddParseJobsJson(this IServiceCollection services) =>
        services.ConfigureHttpJsonOptions(o => WireJson.Configure(o.SerializerOptions));
}
