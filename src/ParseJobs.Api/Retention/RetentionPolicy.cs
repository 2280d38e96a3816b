namespace ParseJobs.Api.Retention;

/// <summary>An organisation's own retention periods; a null period means the service default
/// (<see cref="RetentionOptions"/>). Kept beside the organisation, not on it, so retention stays one feature.</summary>
public sealed class RetentionPolicy
{
    public Guid OrganisationId { get; init; }
    public int? CompletedJobDays { get; set; }
    public int? FailedJobDays { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }
}

/// <summary>The periods in force for one organisation, and whether they come from its own policy.</summary>
public sealed record EffectiveRetention(int CompletedJobDays, int FailedJobDays, bool CompletedOverridden, bool FailedOverridden)
{
    public static EffectiveRetention Of(RetentionPolicy? policy, RetentionOptions defaults) => new(
        policy?.CompletedJobDays ?? defaults.CompletedJobDays,
        policy?.FailedJobDays ?? defaults.FailedJobDays,
        policy?.CompletedJobDays is not null,
        policy?.FailedJobDays is not null);

    public string Describe() =>
        $"completed jobs after {CompletedJobDays} days{(CompletedOverridden ? " (organisation policy)" : "")}, " +
        $"failed jobs after {FailedJobDays} days{(FailedOverridden ? " (organisation policy)" : "")}";
}
