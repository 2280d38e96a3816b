using System.Text.Json;
using System.Text.Json.Serialization;

namespace ParseJobs.Extraction;

/// <summary>The JSON settings of the wire (snake_case names, enums as snake_case strings). The API applies them to
/// its HTTP JSON options; tools outside the API (the benchmark's corpus export) use <see cref="CreateOptions"/> so
/// that their files are serialised exactly like the API's responses.</summary>
public static class WireJson
{
    public static void Configure(JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower;
        options.Converters.Add(new JsonStringEnumConverter(JsonNamingPolicy.SnakeCaseLower));
    }

    /// <summary>ASP.NET Core's web defaults (what minimal APIs start from) with <see cref="Configure"/> applied.</summary>
    public static JsonSerializerOptions CreateOptions()
    {
        var options = new JsonSerializerOptions(JsonSerializerDefaults.Web);
        Configure(options);
        return options;
    }
}
