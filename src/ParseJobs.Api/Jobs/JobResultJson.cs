using System.Text.Json;

namespace ParseJobs.Api.Jobs;

public static class JobResultJson
{
    /// <summary>Stored jsonb back to a JSON element that serialises verbatim.</summary>
    public static JsonElement Parse(string json)
    {
        using var document = JsonDocument.Parse(json);
        return document.RootElement.Clone();
    }
}
