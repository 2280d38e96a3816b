using System.Diagnostics;
using ParseJobs.Api.Jobs;

namespace ParseJobs.Api.Hosting;

/// <summary>How the <c>/v1</c> routes name a job's status (serialised snake_case: pending, running, completed, failed).</summary>
public enum V1JobStatus
{
    Pending,
    Running,
    Completed,
    Failed,
}

/// <summary>How the <c>/api/v1</c> batch and payroll routes name a job's status (pending, processing, completed, failed;
/// ../shared/contracts/batch-job.example.json).</summary>
public enum ProcessingJobStatus
{
    Pending,
    Processing,
    Completed,
    Failed,
}

/// <summary>The <c>/v1</c> surface's words for the domain's <see cref="JobStatus"/>: the one place that maps them.
/// A new domain state (waiting for a file, cancelled) must be added here, or the switch fails loudly.</summary>
public static class V1Wire
{
    public static V1JobStatus Status(JobStatus status) => status switch
    {
        JobStatus.Pending => V1JobStatus.Pending,
        JobStatus.Running => V1JobStatus.Running,
        JobStatus.Completed => V1JobStatus.Completed,
        JobStatus.Failed => V1JobStatus.Failed,
        _ => throw new UnreachableException($"JobStatus {status} has no /v1 wire name."),
    };

    public static JobStatus Domain(V1JobStatus status) => status switch
    {
        V1JobStatus.Pending => JobStatus.Pending,
        V1JobStatus.Running => JobStatus.Running,
        V1JobStatus.Completed => JobStatus.Completed,
        V1JobStatus.Failed => JobStatus.Failed,
        _ => throw new UnreachableException($"V1JobStatus {status} has no domain status."),
    };

    /// <summary>The wire word, e.g. "running", for messages.</summary>
    public static string Name(JobStatus status) => WireEnum.Name(Status(status));

    /// <summary>Where a job of this kind is read on <c>/v1</c>: the honest answer when it is asked for at another kind's URL.</summary>
    public static string ResultUrl(JobKind kind, Guid id) => kind switch
    {
        JobKind.CvParse => $"/v1/parse/{id}/results",
        JobKind.DocumentParse => $"/v1/documents/{id}",
        _ => $"/v1/jobs/{id}",
    };
}

/// <summary>The batch and payroll surface's words for <see cref="JobStatus"/>: running is "processing".</summary>
public static class ProcessingWire
{
    public static ProcessingJobStatus Status(JobStatus status) => status switch
    {
        JobStatus.Pending => ProcessingJobStatus.Pending,
        JobStatus.Running => ProcessingJobStatus.Processing,
        JobStatus.Completed => ProcessingJobStatus.Completed,
        JobStatus.Failed => ProcessingJobStatus.Failed,
        _ => throw new UnreachableException($"JobStatus {status} has no /api/v1 wire name."),
    };

    public static string Name(JobStatus status) => WireEnum.Name(Status(status));
}
