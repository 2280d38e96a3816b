using System.Text.Json;
using System.Text.Json.Serialization;

namespace ParseJobs.Api.Hosting;

public static class JsonSetup
{
    /// <summary>snake_case names and enums as snake_case strings, as on the wire everywhere.</summary>
    public static IServiceCollection AddParseJobsJson(this IServiceCollection services) =>
        services.ConfigureHttpJsonOptions(o =>
        {
            o.SerializerOptions.PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower;
            o.SerializerOptions.Converters.Add(new JsonStringEnumConverter(JsonNamingPolicy.SnakeCaseLower));
        });
}
