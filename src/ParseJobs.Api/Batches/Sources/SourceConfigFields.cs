using System.Text.Json;

namespace ParseJobs.Api.Batches.Sources;

/// <summary>
/// Reads the fields of a <c>source_config_json</c> object for a source's <c>Check</c>, turning a missing or mistyped
/// field into the <see cref="SourceProblem"/> of a 400 INVALID_INPUT (field, provided, expected). A secret field's
/// problem says what kind of value came (a number, an empty string), never the value.
/// </summary>
public sealed class SourceConfigFields
{
    public const string FieldPrefix = "source_config_json";

    /// <summary>Longest non-secret value quoted back in a problem's <c>provided</c>.</summary>
    private const int MaxQuotedLength = 200;

    private readonly JsonElement _config;

    private SourceConfigFields(JsonElement config) => _config = config;

    /// <summary>The config object's reader, or the problem when the config is absent or not a JSON object.</summary>
    public static SourceConfigFields? Open(JsonElement? config, string inputType, out SourceProblem? problem)
    {
        if (config is not { ValueKind: JsonValueKind.Object } element)
        {
            problem = new SourceProblem(FieldPrefix, $"{inputType} needs source_config_json: a JSON object with the source's settings.",
                Provided: config is null ? null : Kind(config.Value), Expected: "a JSON object");
            return null;
        }

        problem = null;
        return new SourceConfigFields(element);
    }

    public static string Field(string name) => $"{FieldPrefix}.{name}";

    public bool Has(string name) => _config.TryGetProperty(name, out var value) && value.ValueKind is not JsonValueKind.Null;

    /// <summary>The property itself (any kind), when present and not null.</summary>
    public JsonElement? Element(string name) =>
        _config.TryGetProperty(name, out var value) && value.ValueKind is not JsonValueKind.Null ? value : null;

    /// <summary>A required non-empty string; <paramref name="secret"/> keeps its value out of the problem.</summary>
    public string? RequiredString(string name, string expected, bool secret, out SourceProblem? problem)
    {
        var value = OptionalString(name, expected, secret, out problem);
        if (problem is null && string.IsNullOrWhiteSpace(value))
        {
            problem = new SourceProblem(Field(name), $"{Field(name)} is required.", Provided: value is null ? null : "an empty string", Expected: expected);
        }

        return problem is null ? value : null;
    }

    /// <summary>An optional string (null when absent or JSON null).</summary>
    public string? OptionalString(string name, string expected, bool secret, out SourceProblem? problem)
    {
        problem = null;
        if (!_config.TryGetProperty(name, out var value) || value.ValueKind is JsonValueKind.Null)
        {
            return null;
        }

        if (value.ValueKind is not JsonValueKind.String)
        {
            problem = new SourceProblem(Field(name), $"{Field(name)} must be a string.", Provided: secret ? Kind(value) : Quote(value), Expected: expected);
            return null;
        }

        return value.GetString();
    }

    /// <summary>What a problem may say a non-secret value was: the value itself, cut to a readable length.</summary>
    public static object? Quote(string? value) =>
        value is null ? null : value.Length <= MaxQuotedLength ? value : string.Concat(value.AsSpan(0, MaxQuotedLength), "…");

    private static object? Quote(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.String => Quote(value.GetString()),
        JsonValueKind.Number or JsonValueKind.True or JsonValueKind.False => Quote(value.GetRawText()),
        _ => Kind(value),
    };

    /// <summary>The kind of a JSON value in words (what a secret field's problem says instead of its value).</summary>
    public static string Kind(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.Object => "an object",
        JsonValueKind.Array => "an array",
        JsonValueKind.String => value.GetString() is { Length: 0 } ? "an empty string" : "a string",
        JsonValueKind.Number => "a number",
        JsonValueKind.True or JsonValueKind.False => "a boolean",
        _ => "null",
    };
}
