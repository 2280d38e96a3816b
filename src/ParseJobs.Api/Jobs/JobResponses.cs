using ParseJobs.Api.Hosting;

namespace ParseJobs.Api.Jobs;

/// <summary>Answer to a submission: the job exists and waits for a worker.</summary>
public sealed record JobAcceptedResponse(Guid JobId, V1JobStatus Status, JobKind Kind, string? DataId, DateTimeOffset CreatedAt, string StatusUrl)
{
    public static JobAcceptedResponse From(Job job, string statusUrl) =>
        new(job.Id, V1Wire.Status(job.Status), job.Kind, job.DataId, job.CreatedAt, statusUrl);
}

/// <summary>Pages for a document job; items (total, ended, failed) for an item job, whose page fields stay null.</summary>
public sealed record JobProgressResponse(int? TotalPages, int? ProcessedPages)
{
    [System.Text.Json.Serialization.JsonIgnore(Condition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull)]
    public int? TotalItems { get; init; }

    [System.Text.Json.Serialization.JsonIgnore(Condition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull)]
    public int? ProcessedItems { get; init; }

    [System.Text.Json.Serialization.JsonIgnore(Condition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull)]
    public int? FailedItems { get; init; }

    public static JobProgressResponse From(Job job) => new(job.TotalPages, job.ProcessedPages)
    {
        TotalItems = job.TotalItems,
        ProcessedItems = job.ProcessedItems,
        FailedItems = job.FailedItems,
    };
}

public sealed record JobErrorResponse(string Code, string Message);

/// <summary>The lifecycle of a job. Fields that do not apply yet are null.</summary>
public sealed record JobStatusResponse(
    Guid JobId,
    V1JobStatus Status,
    JobProgressResponse Progress,
    DateTimeOffset CreatedAt,
    DateTimeOffset? StartedAt,
    DateTimeOffset? CompletedAt,
    DateTimeOffset? FailedAt,
    JobErrorResponse? Error)
{
    public static JobStatusResponse From(Job job) => new(
        job.Id, V1Wire.Status(job.Status), JobProgressResponse.From(job),
        job.CreatedAt, job.StartedAt, job.CompletedAt, job.FailedAt, ErrorOf(job));

    internal static JobErrorResponse? ErrorOf(Job job) =>
        job.ErrorCode is null ? null : new JobErrorResponse(job.ErrorCode, job.ErrorMessage ?? "");
}

/// <summary>One job with everything known about it; <c>result</c> is embedded once completed (a candidate profile
/// for <c>cv_parse</c>, the layout result for <c>document_parse</c>).</summary>
public sealed record JobResponse(
    Guid JobId,
    JobKind Kind,
    V1JobStatus Status,
    string? DataId,
    JobProgressResponse Progress,
    int AttemptCount,
    DateTimeOffset CreatedAt,
    DateTimeOffset? StartedAt,
    DateTimeOffset? CompletedAt,
    DateTimeOffset? FailedAt,
    DateTimeOffset UpdatedAt,
    double? ExecutionTime,
    JobErrorResponse? Error,
    object? Result)
{
    public static JobResponse From(Job job, object? result = null) => new(
        job.Id, job.Kind, V1Wire.Status(job.Status), job.DataId, JobProgressResponse.From(job),
        job.AttemptCount, job.CreatedAt, job.StartedAt, job.CompletedAt, job.FailedAt, job.UpdatedAt,
        job.ExecutionTimeSeconds, JobStatusResponse.ErrorOf(job), result);
}

/// <summary>A page of jobs, newest first. Pass <c>next_cursor</c> as <c>cursor</c> for the next page.</summary>
public sealed record JobListResponse(IReadOnlyList<JobResponse> Items, string? NextCursor);
