using System.ComponentModel.DataAnnotations;

namespace ParseJobs.Api.Batches;

/// <summary>Limits of batch matching (<c>Batches</c>). docs/BATCHES.md lists them with their errors.</summary>
public sealed class BatchOptions
{
    public const string Section = "Batches";

    /// <summary>Most candidates one batch may have; a source with more fails the batch SOURCE_LIMIT_EXCEEDED.</summary>
    [Range(1, 100_000)] public int MaxCandidates { get; init; } = 1_000;

    /// <summary>Most candidates of a sync call (<c>POST /api/v1/batch-jobs/sync</c>); more is a 413.</summary>
    [Range(1, 1_000)] public int MaxSyncCandidates { get; init; } = 100;

    /// <summary>Largest <c>candidate_source_file</c> (ZIP, CSV, SQLite); bigger uploads get 413.</summary>
    [Range(1, 2_000)] public int MaxUploadMb { get; init; } = 100;

    /// <summary>Longest job description in characters.</summary>
    [Range(100, 1_000_000)] public int MaxDescriptionChars { get; init; } = 100_000;

    /// <summary>Shortest job description in characters: anything shorter cannot say what the position needs.</summary>
    [Range(1, 10_000)] public int MinDescriptionChars { get; init; } = 30;

    /// <summary>Largest <c>metadata_json</c> and <c>source_config_json</c> in bytes.</summary>
    [Range(1_024, 10 * 1024 * 1024)] public int MaxJsonFieldBytes { get; init; } = 64 * 1024;

    /// <summary>Items per chunk (one Hangfire job). Small enough that a batch spreads over every item worker, large
    /// enough that a chunk's fixed cost (its job, its queries) is small against its CVs (docs/PERFORMANCE.md).</summary>
    [Range(1, 1_000)] public int ChunkSize { get; init; } = 10;

    /// <summary>Time limit of one candidate (its parse and match).</summary>
    [Range(1, 3_600)] public int ItemTimeoutSeconds { get; init; } = 120;

    /// <summary>Time limit of reading the source (listing and downloading every candidate).</summary>
    [Range(10, 86_400)] public int ExpansionTimeoutSeconds { get; init; } = 900;

    /// <summary>Default and largest <c>timeout</c> of a sync call, in seconds.</summary>
    [Range(1, 3_600)] public int SyncDefaultTimeoutSeconds { get; init; } = 300;

    [Range(1, 3_600)] public int SyncMaxTimeoutSeconds { get; init; } = 600;

    public long MaxUploadBytes => MaxUploadMb * 1024L * 1024L;
}
