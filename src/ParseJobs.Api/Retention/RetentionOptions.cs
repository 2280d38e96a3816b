using System.ComponentModel.DataAnnotations;

namespace ParseJobs.Api.Retention;

/// <summary>How long finished jobs (with their documents, results and images) are kept; organisations may override
/// both periods (<c>orgs retention</c>, table <c>retention_policies</c>).</summary>
public sealed class RetentionOptions
{
    public const string Section = "Retention";

    /// <summary>The longest period an organisation may set: ten years.</summary>
    public const int MaxDays = 3650;

    /// <summary>Completed jobs are deleted this many days after they completed.</summary>
    [Range(1, MaxDays)]
    public int CompletedJobDays { get; init; } = 30;

    /// <summary>Failed jobs are deleted this many days after they failed.</summary>
    [Range(1, MaxDays)]
    public int FailedJobDays { get; init; } = 7;

    /// <summary>Jobs deleted per transaction: a large backlog is worked off in short transactions, each with its audit entry.</summary>
    [Range(1, 10_000)]
    public int BatchSize { get; init; } = 200;

    /// <summary>When the recurring Hangfire job runs (cron, UTC): hourly by default, so that no job outlives its period by much.</summary>
    [Required]
    public string Cron { get; init; } = "17 * * * *";
}
