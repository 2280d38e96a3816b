using System.Text.Json.Serialization;

namespace ParseJobs.Api.Batches.Analytics;

// The body of GET /api/v1/analytics. Names are explicit (snake_case) like the rest of the batch surface, so that no
// naming policy can change them. Scores are the items' overall_score (0–100); averages are null when nothing was scored.

/// <summary>Batch matching figures of the key's organisation over a time range (optionally one job_id).</summary>
public sealed record AnalyticsResponse
{
    /// <summary>The range asked for: WEEK (7 days), MONTH (30), QUARTER (90) or YEAR (365), ending now.</summary>
    /// <example>MONTH</example>
    [JsonPropertyName("time_range")] public string TimeRange { get; init; } = "";

    /// <summary>Only batches submitted with this job_id; null: all batches.</summary>
    /// <example>backend-2026-17</example>
    [JsonPropertyName("job_filter")] public string? JobFilter { get; init; }

    /// <summary>Batches created at or after this instant are counted.</summary>
    /// <example>2026-11-02T09:30:00+00:00</example>
    [JsonPropertyName("from")] public DateTimeOffset From { get; init; }

    /// <summary>When the figures were computed (the end of the range).</summary>
    /// <example>2026-12-02T09:30:00+00:00</example>
    [JsonPropertyName("to")] public DateTimeOffset To { get; init; }

    /// <summary>Batches created in the range, whatever their status.</summary>
    /// <example>12</example>
    [JsonPropertyName("total_batches")] public int TotalBatches { get; init; }

    /// <example>10</example>
    [JsonPropertyName("completed_batches")] public int CompletedBatches { get; init; }

    /// <summary>Batches that could not start (source unreachable, bad description).</summary>
    /// <example>1</example>
    [JsonPropertyName("failed_batches")] public int FailedBatches { get; init; }

    /// <summary>Candidates whose processing ended (scored or with an error).</summary>
    /// <example>1180</example>
    [JsonPropertyName("candidates_processed")] public int CandidatesProcessed { get; init; }

    /// <summary>Candidates with an overall score.</summary>
    /// <example>1164</example>
    [JsonPropertyName("candidates_scored")] public int CandidatesScored { get; init; }

    /// <summary>Candidates that ended with an error (unreadable file, empty entry).</summary>
    /// <example>16</example>
    [JsonPropertyName("candidates_failed")] public int CandidatesFailed { get; init; }

    /// <summary>Mean overall score of the scored candidates, one decimal; null when none was scored.</summary>
    /// <example>61.4</example>
    [JsonPropertyName("average_score")] public double? AverageScore { get; init; }

    /// <summary>Scored candidates with an overall score of 70 or more.</summary>
    /// <example>402</example>
    [JsonPropertyName("candidates_above_70")] public int CandidatesAbove70 { get; init; }

    /// <example>188</example>
    [JsonPropertyName("candidates_above_80")] public int CandidatesAbove80 { get; init; }

    /// <example>41</example>
    [JsonPropertyName("candidates_above_90")] public int CandidatesAbove90 { get; init; }

    /// <summary>Ten 10-point buckets of overall scores, 0–10 first; a bucket holds its lower bound, the last one also 100.</summary>
    [JsonPropertyName("score_distribution")] public IReadOnlyList<ScoreBucket> ScoreDistribution { get; init; } = [];

    /// <summary>The core skills most often missing, most frequent first (at most 10).</summary>
    [JsonPropertyName("top_core_skill_gaps")] public IReadOnlyList<SkillGapCount> TopCoreSkillGaps { get; init; } = [];

    /// <summary>Completed batches' execution time divided by their candidates, in seconds (wall clock, with the
    /// workers' parallelism); null when no batch completed.</summary>
    /// <example>0.031</example>
    [JsonPropertyName("average_processing_seconds_per_candidate")] public double? AverageProcessingSecondsPerCandidate { get; init; }

    /// <summary>The same figures per job_id (batches without one under null), most recently used first, at most 100.</summary>
    [JsonPropertyName("by_job_id")] public IReadOnlyList<JobIdAnalytics> ByJobId { get; init; } = [];

    /// <summary>True when more job_ids had batches in the range than <c>by_job_id</c> lists; narrow the range or filter.</summary>
    /// <example>false</example>
    [JsonPropertyName("by_job_id_truncated")] public bool ByJobIdTruncated { get; init; }
}

/// <summary>Scored candidates with <c>min</c> ≤ overall_score &lt; <c>max</c> (≤ 100 in the last bucket).</summary>
public sealed record ScoreBucket
{
    /// <example>70-80</example>
    [JsonPropertyName("range")] public string Range { get; init; } = "";

    /// <example>70</example>
    [JsonPropertyName("min")] public int Min { get; init; }

    /// <example>80</example>
    [JsonPropertyName("max")] public int Max { get; init; }

    /// <example>214</example>
    [JsonPropertyName("count")] public int Count { get; init; }
}

/// <summary>A core skill of the job descriptions that candidates lacked.</summary>
public sealed record SkillGapCount
{
    /// <example>Kubernetes</example>
    [JsonPropertyName("name")] public string Name { get; init; } = "";

    /// <summary>Scored candidates missing it.</summary>
    /// <example>312</example>
    [JsonPropertyName("candidates")] public int Candidates { get; init; }

    /// <summary>The share of scored candidates missing it, in percent, one decimal.</summary>
    /// <example>26.8</example>
    [JsonPropertyName("percentage")] public double Percentage { get; init; }
}

/// <summary>The figures of the batches of one job_id.</summary>
public sealed record JobIdAnalytics
{
    /// <summary>The client's job_id; null for batches submitted without one.</summary>
    /// <example>backend-2026-17</example>
    [JsonPropertyName("job_id")] public string? JobId { get; init; }

    /// <example>3</example>
    [JsonPropertyName("total_batches")] public int TotalBatches { get; init; }

    /// <example>420</example>
    [JsonPropertyName("candidates_processed")] public int CandidatesProcessed { get; init; }

    /// <example>415</example>
    [JsonPropertyName("candidates_scored")] public int CandidatesScored { get; init; }

    /// <example>58.2</example>
    [JsonPropertyName("average_score")] public double? AverageScore { get; init; }

    /// <example>120</example>
    [JsonPropertyName("candidates_above_70")] public int CandidatesAbove70 { get; init; }

    /// <example>51</example>
    [JsonPropertyName("candidates_above_80")] public int CandidatesAbove80 { get; init; }

    /// <example>9</example>
    [JsonPropertyName("candidates_above_90")] public int CandidatesAbove90 { get; init; }

    /// <example>0.029</example>
    [JsonPropertyName("average_processing_seconds_per_candidate")] public double? AverageProcessingSecondsPerCandidate { get; init; }

    /// <summary>When the newest of these batches was created.</summary>
    /// <example>2026-12-01T16:05:12+00:00</example>
    [JsonPropertyName("last_batch_at")] public DateTimeOffset LastBatchAt { get; init; }
}
