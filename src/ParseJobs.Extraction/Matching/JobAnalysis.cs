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

    /// <summary>ISO 639-1 code of the description's language (en, de, fr, it), "" when unclear.</summary>
    [JsonPropertyName("language")] public string Language { get; init; } = "";

    /// <summary>The role family of the title (Data/roles.tsv id, e.g. "frontend"), "" when the title is not known.</summary>
    [JsonPropertyName("role_family")] public string RoleFamily { get; init; } = "";

    /// <summary>junior, senior or "" (neither said).</summary>
    [JsonPropertyName("seniority")] public string Seniority { get; init; } = "";

    /// <summary>The employer's sector (Data/sectors.tsv id, e.g. "insurance"), "" when not said.</summary>
    [JsonPropertyName("sector")] public string Sector { get; init; } = "";

    /// <summary>The sector's display name ("Insurance").</summary>
    [JsonPropertyName("sector_label")] public string SectorLabel { get; init; } = "";

    /// <summary>Required skills, in the order the description names them.</summary>
    [JsonPropertyName("core_skills")] public IReadOnlyList<JobSkill> CoreSkills { get; init; } = [];

    /// <summary>Nice-to-have skills.</summary>
    [JsonPropertyName("nice_skills")] public IReadOnlyList<JobSkill> NiceSkills { get; init; } = [];

    /// <summary>0 none, 1 vocational/associate, 2 bachelor, 3 master, 4 doctorate.</summary>
    [JsonPropertyName("degree_level")] public int DegreeLevel { get; init; }

    /// <summary>Fields of study the description names (Data/fields.tsv ids, or the words as written when unknown).</summary>
    [JsonPropertyName("degree_fields")] public IReadOnlyList<string> DegreeFields { get; init; } = [];

    /// <summary>True when the description accepts related fields ("or a related field", "oder vergleichbar").</summary>
    [JsonPropertyName("related_fields_accepted")] public bool RelatedFieldsAccepted { get; init; } = true;

    /// <summary>Certifications asked for, as written (PMP, AWS Certified Solutions Architect, …).</summary>
    [JsonPropertyName("certifications")] public IReadOnlyList<string> Certifications { get; init; } = [];

    /// <summary>Years of experience in the role, 0 when not said.</summary>
    [JsonPropertyName("years_required")] public int YearsRequired { get; init; }

    /// <summary>The month ongoing positions run to (yyyy-MM): the batch's reference date, so that scores do not drift
    /// with the clock; null = the matcher's current date.</summary>
    [JsonPropertyName("as_of")] public string? AsOf { get; init; }
}

/// <summary>A skill the job asks for: the description's own words and, when the taxonomy knows it, its canonical name.</summary>
public sealed record JobSkill
{
    /// <summary>As the description writes it ("Statistics", "JS"): gaps and matches are reported under this name.</summary>
    [JsonPropertyName("name")] public string Name { get; init; } = "";

    /// <summary>The taxonomy's canonical name, or "" for a skill the taxonomy does not know (matched by its words).</summary>
    [JsonPropertyName("canonical")] public string Canonical { get; init; } = "";
}
