using System.Text.Json;

namespace ParseJobs.Api.Hosting;

/// <summary>Enums as they appear on the wire (snake_case), for query parameters.</summary>
public static class WireEnum
{
    public static bool TryParse<T>(string value, out T result)
        where T : struct, Enum
    {
        foreach (var candidate in Enum.GetValues<T>())
        {
            if (string.Equals(Name(candidate), value, StringComparison.OrdinalIgnoreCase))
            {
                result = candidate;
                return true;
            }
        }

        result = default;
        return false;
    }

    public static string Names<T>()
        where T : struct, Enum => string.Join(", ", Enum.GetValues<T>().Select(v => Name(v)));

    public static string Name<T>(T value)
        where T : struct, Enum => JsonNamingPolicy.SnakeCaseLower.ConvertName(value.ToString());
}
