using System.Text.Json;
using System.Text.Json.Serialization;

namespace ParseJobs.Api.Hosting;

public static class JsonSetup
{
    /// <summary>The wire conventions, for JSON the service stores and later serves verbatim.</summary>
    public static JsonSerializerOptions Wire { get; } = Apply(new JsonSerializerOptions(JsonSerializerDefaults.Web));

    /// <summary>snake_case names and enums as snake_case strings, as on the wire everywhere.</summary>
    public static IServiceCollection AddParseJobsJson(this IServiceCollection services) =>
        services.ConfigureHttpJsonOptions(o => Apply(o.SerializerOptions));

    private static JsonSerializerOptions Apply(JsonSerializerOptions options)
    {
        options.PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower;
        options.Converters.Add(new JsonStringEnumConverter(JsonNamingPolicy.SnakeCaseLower));
        return options;
    }
}
