using System.ComponentModel.DataAnnotations;

namespace ParseJobs.Api.Jobs;

/// <summary>Bounds of stored results.</summary>
public sealed class ResultOptions
{
    public const string Section = "Results";

    /// <summary>Largest serialised result of a job (or an item); beyond it the job fails RESULT_TOO_LARGE.</summary>
    [Range(1, 200)]
    public int MaxResultMb { get; init; } = 32;

    public long MaxResultBytes => MaxResultMb * 1024L * 1024L;
}
