using System.Text.Json.Serialization;
using ParseJobs.Extraction.Matching;

namespace ParseJobs.Api.Batches;

// The wire shapes of /api/v1/batch-jobs (../shared/contracts/batch-job.example.json), field for field. Status words
// come from ProcessingWire (Hosting/WireStatus.cs), the one mapping of the lifecycle to these routes.

public sealed record BatchSubmitResponse
{
    [JsonPropertyName("batch_job_id")] public Guid BatchJobId { get; init; }
    [JsonPropertyName("user_id")] public long UserId { get; init; }
    [JsonPropertyName("status")] public string Status { get; init; } = "";
    [JsonPropertyName("total_candidates")] public int TotalCandidates { get; init; }
    [JsonPropertyName("processed_candidates")] public int ProcessedCandidates { get; init; }
    [JsonPropertyName("created_at")] public DateTimeOffset CreatedAt { get; init; }
    [JsonPropertyName("updated_at")] public DateTimeOffset UpdatedAt { get; init; }
}

public sealed record BatchStatusResponse
{
    [JsonPropertyName("batch_job_id")] public Guid BatchJobId { get; init; }
    [JsonPropertyName("user_id")] public long UserId { get; init; }
    [JsonPropertyName("status")] public string Status { get; init; } = "";
    [JsonPropertyName("total_candidates")] public int TotalCandidates { get; init; }
    [JsonPropertyName("processed_candidates")] public int ProcessedCandidates { get; init; }
    [JsonPropertyName("progress_percentage")] public double ProgressPercentage { get; init; }
    [JsonPropertyName("created_at")] public DateTimeOffset CreatedAt { get; init; }
    [JsonPropertyName("updated_at")] public DateTimeOffset UpdatedAt { get; init; }
    [JsonPropertyName("completed_at")] public DateTimeOffset? CompletedAt { get; init; }
    [JsonPropertyName("error_message")] public string? ErrorMessage { get; init; }
}

public sealed record BatchResultsResponse
{
    [JsonPropertyName("batch_job_id")] public Guid BatchJobId { get; init; }
    [JsonPropertyName("user_id")] public long UserId { get; init; }
    [JsonPropertyName("status")] public string Status { get; init; } = "";
    [JsonPropertyName("job_title")] public string JobTitle { get; init; } = "";
    [JsonPropertyName("job_summary")] public string JobSummary { get; init; } = "";
    [JsonPropertyName("total_candidates")] public int TotalCandidates { get; init; }
    [JsonPropertyName("processed_candidates")] public int ProcessedCandidates { get; init; }
    [JsonPropertyName("created_at")] public DateTimeOffset CreatedAt { get; init; }
    [JsonPropertyName("updated_at")] public DateTimeOffset UpdatedAt { get; init; }
    [JsonPropertyName("completed_at")] public DateTimeOffset? CompletedAt { get; init; }
    [JsonPropertyName("error_message")] public string? ErrorMessage { get; init; }
    [JsonPropertyName("summary_stats")] public BatchSummaryStats SummaryStats { get; init; } = new();
    [JsonPropertyName("processed_items")] public IReadOnlyList<BatchProcessedItem> ProcessedItems { get; init; } = [];
}

public sealed record BatchSummaryStats
{
    [JsonPropertyName("total_candidates")] public int TotalCandidates { get; init; }
    [JsonPropertyName("successful_matches")] public int SuccessfulMatches { get; init; }
    [JsonPropertyName("error_count")] public int ErrorCount { get; init; }
    [JsonPropertyName("average_score")] public double? AverageScore { get; init; }
    [JsonPropertyName("highest_score")] public double? HighestScore { get; init; }
    [JsonPropertyName("lowest_score")] public double? LowestScore { get; init; }
    [JsonPropertyName("candidates_above_70")] public int CandidatesAbove70 { get; init; }
    [JsonPropertyName("candidates_above_80")] public int CandidatesAbove80 { get; init; }
    [JsonPropertyName("candidates_above_90")] public int CandidatesAbove90 { get; init; }
}

/// <summary>One candidate of a batch: its match, or the error that kept it from one (match fields null then).</summary>
public sealed record BatchProcessedItem
{
    [JsonPropertyName("candidate_id_internal")] public string? CandidateIdInternal { get; init; }
    [JsonPropertyName("original_filename")] public string OriginalFilename { get; init; } = "";
    [JsonPropertyName("match_score")] public MatchScore? MatchScore { get; init; }
    [JsonPropertyName("match_results_summary")] public MatchResultsSummary? MatchResultsSummary { get; init; }
    [JsonPropertyName("error")] public string? Error { get; init; }
}
