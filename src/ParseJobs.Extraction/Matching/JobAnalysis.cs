using System.Text.Json.Serialization;

namespace ParseJobs.Extraction.Matching;

/// <summary>What a job description asks for, read once per batch (and cached per organisation and client job id).
/// Stored as JSON with the batch, so its shape is versioned with <see cref="SchemaVersion"/>.</summary>
public sealed record JobAnalysis
{
    public const int CurrentSchemaVersion = 1;

    [JsonPropertyName("schema_version")] public int SchemaVersion { get; init; } = CurrentSchemaVersion;

    /// <summary>The position's title, as the results' <c>job_title</c>.</summary>
    [JsonPropertyName("title")] public string Title { get; init; } = "";

    /// <summary>One line for the results' <c>job_summary</c>, e.g. "Requires: React, TypeScript, CSS".</summary>
    [JsonPropertyName("summary")] public string Summary { get; init; } = "";
}
