using System.Globalization;
using System.Text.Json;
using ParseJobs.Api.Hosting;


namespace ParseJobs.Api.Documents;

/// <summary>The options of a document-parse submission, stored on the job.</summary>
public sealed record DocumentParseParameters(int ChunkTargetLength, bool IncludeMarkdown, bool IncludeHtml)
{
    public const int DefaultChunkTargetLength = 512;
    public const int MinChunkTargetLength = 16;
    public const int MaxChunkTargetLength = 8192;

    public static DocumentParseParameters Default { get; } = new(DefaultChunkTargetLength, true, true);

    public string ToJson() => JsonSerializer.Serialize(this, JsonSetup.Wire);

    public static DocumentParseParameters FromJson(string? json) =>
        json is null ? Default : JsonSerializer.Deserialize<DocumentParseParameters>(json, JsonSetup.Wire) ?? Default;

    /// <summary>Parses the form values; each invalid one gets a message under its field name.</summary>
    public static DocumentParseParameters Parse(string? chunkTargetLength, string? includeMarkdown, string? includeHtml, Dictionary<string, string[]> errors)
    {
        var length = DefaultChunkTargetLength;
        if (!string.IsNullOrWhiteSpace(chunkTargetLength)
            && (!int.TryParse(chunkTargetLength, NumberStyles.None, CultureInfo.InvariantCulture, out length)
                || length is < MinChunkTargetLength or > MaxChunkTargetLength))
        {
            errors["chunk_target_length"] = [$"chunk_target_length is a number of words from {MinChunkTargetLength} to {MaxChunkTargetLength}."];
        }

        return new DocumentParseParameters(length, Flag(includeMarkdown, "include_markdown", errors), Flag(includeHtml, "include_html", errors));
    }

    private static bool Flag(string? value, string field, Dictionary<string, string[]> errors)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return true;
        }

        if (bool.TryParse(value, out var flag))
        {
            return flag;
        }

        errors[field] = [$"{field} is true or false."];
        return true;
    }
}
