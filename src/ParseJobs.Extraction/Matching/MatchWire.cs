using System.Text.Json.Serialization;

namespace ParseJobs.Extraction.Matching;

// The wire shape of one candidate's match (../shared/contracts/batch-job.example.json, processed_items[]):
// match_score and match_results_summary, field for field. Names are explicit so that no naming policy can change
// the contract.

/// <summary>The percentages of one candidate's match, each 0–100 with one decimal.</summary>
public sealed record MatchScore
{
    [JsonPropertyName("overall_score")] public double OverallScore { get; init; }
    [JsonPropertyName("skill_match_percentage")] public double SkillMatchPercentage { get; init; }
    [JsonPropertyName("core_skill_match_percentage")] public double CoreSkillMatchPercentage { get; init; }
    [JsonPropertyName("role_match_percentage")] public double RoleMatchPercentage { get; init; }
    [JsonPropertyName("qualification_match_percentage")] public double QualificationMatchPercentage { get; init; }
    [JsonPropertyName("sector_match_percentage")] public double SectorMatchPercentage { get; init; }
}

/// <summary>Why the scores are what they are: every percentage is traceable to these entries.</summary>
public sealed record MatchResultsSummary
{
    [JsonPropertyName("skills")] public SkillsComparison Skills { get; init; } = new();
    [JsonPropertyName("roles")] public NamedComparison Roles { get; init; } = new();
    [JsonPropertyName("qualifications")] public NamedComparison Qualifications { get; init; } = new();
    [JsonPropertyName("sectors")] public NamedComparison Sectors { get; init; } = new();
}

public sealed record SkillsComparison
{
    [JsonPropertyName("matches")] public IReadOnlyList<SkillMatch> Matches { get; init; } = [];
    /// <summary>Skills the job asks for that the candidate lacks.</summary>
    [JsonPropertyName("gaps")] public IReadOnlyList<SkillGap> Gaps { get; init; } = [];
    /// <summary>Skills the candidate has that the job does not ask for.</summary>
    [JsonPropertyName("surpluses")] public IReadOnlyList<SkillGap> Surpluses { get; init; } = [];
}

/// <summary>How a job's skill was found on the candidate's side.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<SkillMatchType>))]
public enum SkillMatchType
{
    /// <summary>The job's own name for the skill.</summary>
    [JsonStringEnumMemberName("exact")] Exact,
    /// <summary>An alias, abbreviation or translation of it (JS, Postgres, k8s, Datenbanken).</summary>
    [JsonStringEnumMemberName("alias")] Alias,
    /// <summary>Implied by another skill the candidate has (React implies JavaScript).</summary>
    [JsonStringEnumMemberName("related")] Related,
}

public sealed record SkillMatch
{
    [JsonPropertyName("name")] public string Name { get; init; } = "";
    [JsonPropertyName("match_type")] public SkillMatchType MatchType { get; init; }
    [JsonPropertyName("match_score")] public double MatchScore { get; init; }
    [JsonPropertyName("proficiency_match")] public bool ProficiencyMatch { get; init; }
    [JsonPropertyName("duration_match")] public bool DurationMatch { get; init; }
    [JsonPropertyName("is_core")] public bool IsCore { get; init; }
}

/// <summary>A gap (a job skill the candidate lacks) or a surplus (a candidate skill the job does not ask for).</summary>
public sealed record SkillGap
{
    [JsonPropertyName("name")] public string Name { get; init; } = "";
    [JsonPropertyName("is_core")] public bool IsCore { get; init; }
}

public sealed record NamedComparison
{
    [JsonPropertyName("matches")] public IReadOnlyList<NamedEntry> Matches { get; init; } = [];
    [JsonPropertyName("gaps")] public IReadOnlyList<NamedEntry> Gaps { get; init; } = [];
    [JsonPropertyName("surpluses")] public IReadOnlyList<NamedEntry> Surpluses { get; init; } = [];
}

/// <summary>A role, qualification or sector entry; <c>type</c> is "match", "gap" or "surplus".</summary>
public sealed record NamedEntry
{
    [JsonPropertyName("name")] public string Name { get; init; } = "";
    [JsonPropertyName("type")] public string Type { get; init; } = "";
}

/// <summary>One candidate's match: what a batch item stores as its result.</summary>
public sealed record CandidateMatch
{
    [JsonPropertyName("match_score")] public MatchScore MatchScore { get; init; } = new();
    [JsonPropertyName("match_results_summary")] public MatchResultsSummary MatchResultsSummary { get; init; } = new();
}
