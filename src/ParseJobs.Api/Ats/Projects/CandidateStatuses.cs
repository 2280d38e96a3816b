using ParseJobs.Api.Jobs.Items;

namespace ParseJobs.Api.Ats.Projects;

/// <summary>A candidate's import status on the wire: pending → importing → ready | failed.</summary>
public enum CandidateStatus
{
    Pending,
    Importing,
    Ready,
    Failed,
}

/// <summary>The one mapping from an import item's status to the candidate's, and its wire word.</summary>
public static class CandidateStatuses
{
    public static CandidateStatus From(JobItemStatus item) => item switch
    {
        JobItemStatus.Pending => CandidateStatus.Pending,
        JobItemStatus.Running => CandidateStatus.Importing,
        JobItemStatus.Completed => CandidateStatus.Ready,
        JobItemStatus.Failed => CandidateStatus.Failed,
        _ => throw new ArgumentOutOfRangeException(nameof(item), item, null),
    };

    public static string Wire(CandidateStatus status) => status switch
    {
        CandidateStatus.Pending => "pending",
        CandidateStatus.Importing => "importing",
        CandidateStatus.Ready => "ready",
        CandidateStatus.Failed => "failed",
        _ => throw new ArgumentOutOfRangeException(nameof(status), status, null),
    };
}
