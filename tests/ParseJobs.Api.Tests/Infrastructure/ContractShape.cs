using System.Text.Json;

namespace ParseJobs.Api.Tests.Infrastructure;

/// <summary>The wire contract of a parse result, kept as a test resource copied from the shared contract example.</summary>
public static class ContractShape
{
    public static JsonElement Load() =>
        JsonDocument.Parse(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Contracts", "cv-profile.example.json"))).RootElement;

    /// <summary>Every property path in the document, arrays described by their first element.</summary>
    public static string[] Keys(JsonElement element, string prefix = "")
    {
        var keys = new List<string>();
        switch (element.ValueKind)
        {
            case JsonValueKind.Object:
                foreach (var property in element.EnumerateObject())
                {
                    var path = prefix + "/" + property.Name;
                    keys.Add(path);
                    keys.AddRange(Keys(property.Value, path));
                }

                break;
            case JsonValueKind.Array when element.GetArrayLength() > 0 && element[0].ValueKind == JsonValueKind.Object:
                keys.AddRange(Keys(element[0], prefix + "[]"));
                break;
        }

        return keys.Where(k => !k.Contains("[]", StringComparison.Ordinal)).ToArray();
    }
}
