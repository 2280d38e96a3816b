using ParseJobs.Api.Persistence;

namespace ParseJobs.Api.Jobs;

/// <summary>
/// One unit of asynchronous work owned by an organisation. The status machine lives here and nowhere else:
/// pending → running → completed | failed, each terminal state reached at most once.
/// </summary>
public sealed class Job : IOrganisationOwned
{
    public const string InternalErrorCode = ErrorCodes.InternalError;

    private Job()
    {
    }

    public Guid Id { get; private set; }
    public Guid OrganisationId { get; private set; }
    public JobKind Kind { get; private set; }
    public JobStatus Status { get; private set; }
    public Guid? DocumentId { get; private set; }
    public string? DataId { get; private set; }
    public int? TotalPages { get; private set; }
    public int? ProcessedPages { get; private set; }
    public int AttemptCount { get; private set; }
    public string? ErrorCode { get; private set; }
    public string? ErrorMessage { get; private set; }
    public DateTimeOffset CreatedAt { get; private set; }
    public DateTimeOffset? StartedAt { get; private set; }
    public DateTimeOffset? CompletedAt { get; private set; }
    public DateTimeOffset? FailedAt { get; private set; }
    public DateTimeOffset UpdatedAt { get; private set; }
    /// <summary>Seconds from the start of the last attempt to completion.</summary>
    public double? ExecutionTimeSeconds { get; private set; }
    /// <summary>The Hangfire job that runs this job, for operators.</summary>
    public string? BackgroundJobId { get; private set; }
    /// <summary>The submission's options for the job class (jsonb), kept so that a resubmitted job runs as asked.</summary>
    public string? Parameters { get; private set; }

    /// <summary>Item jobs: how many items, how many ended, how many of those failed (moved by one atomic UPDATE each).</summary>
    public int? TotalItems { get; private set; }
    public int? ProcessedItems { get; private set; }
    public int? FailedItems { get; private set; }

    /// <summary>When a dispatcher claimed the job for Hangfire (null: not yet, the sweeper's signal).</summary>
    public DateTimeOffset? DispatchedAt { get; private set; }

    public bool IsTerminal => Status is JobStatus.Completed or JobStatus.Failed;

    public static Job Create(Guid organisationId, JobKind kind, Guid? documentId, string? dataId, DateTimeOffset now, string? parameters = null, int? totalItems = null) => new()
    {
        Parameters = parameters,
        TotalItems = totalItems,
        ProcessedItems = totalItems is null ? null : 0,
        FailedItems = totalItems is null ? null : 0,
        Id = Guid.CreateVersion7(now),
        OrganisationId = organisationId,
        Kind = kind,
        Status = JobStatus.Pending,
        DocumentId = documentId,
        DataId = dataId,
        CreatedAt = now,
        UpdatedAt = now,
    };

    /// <summary>Claims the job for its dispatch before it is first saved (see <see cref="JobDispatcher"/>).</summary>
    public void ClaimDispatch(DateTimeOffset now)
    {
        if (DispatchedAt is not null || Status is not JobStatus.Pending)
        {
            throw new InvalidJobTransitionException(Id, Status, nameof(ClaimDispatch));
        }

        DispatchedAt = now;
    }

    /// <summary>
    /// Starts an attempt. A job found running again means its worker died (or a transient error struck) and
    /// Hangfire handed it out anew: it runs once more, until <paramref name="maxAttempts"/> attempts have been
    /// made; then it fails, so that a document that kills its worker every time cannot loop for ever.
    /// A terminal job is never started again.
    /// </summary>
    public StartOutcome TryStart(DateTimeOffset now, int maxAttempts = int.MaxValue)
    {
        if (IsTerminal)
        {
            return StartOutcome.AlreadyEnded;
        }

        if (AttemptCount >= maxAttempts)
        {
            Fail(InternalErrorCode, $"Processing was abandoned after {AttemptCount} attempt(s) that did not finish.", now);
            return StartOutcome.AttemptsExhausted;
        }

        Status = JobStatus.Running;
        StartedAt = now;
        AttemptCount++;
        UpdatedAt = now;
        return StartOutcome.Started;
    }

    /// <summary>Whether the items of an item job exist: at submission, or once an expanded job was expanded.</summary>
    public bool HasItemsStored => TotalItems is not null;

    /// <summary>An expanded item job's items were stored (<see cref="Items.ItemExpansionJob"/>): <paramref name="total"/>
    /// of them, <paramref name="endedAlready"/> of which were stored failed (an entry that is no candidate) and count as ended.</summary>
    public void ItemsExpanded(int total, int endedAlready, DateTimeOffset now)
    {
        EnsureStatus(JobStatus.Running, nameof(ItemsExpanded));
        if (TotalItems is not null)
        {
            throw new InvalidJobTransitionException(Id, Status, nameof(ItemsExpanded));
        }

        TotalItems = total;
        ProcessedItems = endedAlready;
        FailedItems = endedAlready;
        UpdatedAt = now;
    }

    public void ReportProgress(int processedPages, int totalPages, DateTimeOffset now)
    {
        EnsureStatus(JobStatus.Running, nameof(ReportProgress));
        TotalPages = totalPages;
        ProcessedPages = Math.Min(processedPages, totalPages);
        UpdatedAt = now;
    }

    public void Complete(DateTimeOffset now)
    {
        EnsureStatus(JobStatus.Running, nameof(Complete));
        Status = JobStatus.Completed;
        CompletedAt = now;
        UpdatedAt = now;
        ExecutionTimeSeconds = StartedAt is { } started ? Math.Max(0, (now - started).TotalSeconds) : null;
    }

    /// <summary>Ends the job as failed. Returns false when it had already ended (nothing changes then).</summary>
    public bool Fail(string code, string message, DateTimeOffset now)
    {
        if (IsTerminal)
        {
            return false;
        }

        Status = JobStatus.Failed;
        // Bounded here, before any save: a message quoting a document (a 64 KB ZIP entry name) must not fail the save.
        ErrorCode = ErrorCodes.BoundCode(code);
        ErrorMessage = ErrorCodes.BoundMessage(message);
        FailedAt = now;
        UpdatedAt = now;
        ExecutionTimeSeconds = StartedAt is { } started ? Math.Max(0, (now - started).TotalSeconds) : null;
        return true;
    }

    /// <summary>A failed job goes back to pending for another run, with a fresh budget of attempts.</summary>
    public void Resubmit(DateTimeOffset now)
    {
        EnsureStatus(JobStatus.Failed, nameof(Resubmit));
        Status = JobStatus.Pending;
        ErrorCode = null;
        ErrorMessage = null;
        StartedAt = null;
        FailedAt = null;
        CompletedAt = null;
        ExecutionTimeSeconds = null;
        ProcessedPages = null;
        TotalPages = null;
        BackgroundJobId = null;
        DispatchedAt = null;
        AttemptCount = 0;
        UpdatedAt = now;
    }

    private void EnsureStatus(JobStatus expected, string transition)
    {
        if (Status != expected)
        {
            throw new InvalidJobTransitionException(Id, Status, transition);
        }
    }
}

public enum StartOutcome
{
    Started,
    AlreadyEnded,
    AttemptsExhausted,
}

/// <summary>A transition was asked of a job in a status that does not allow it (a bug, or a race lost).</summary>
public sealed class InvalidJobTransitionException(Guid jobId, JobStatus status, string transition)
    : InvalidOperationException($"Job {jobId} is {status.ToString().ToLowerInvariant()}; {transition} is not allowed.")
{
    public JobStatus Status { get; } = status;
}

/// <summary>The JSON result of a completed job, kept apart from the job row so that lists stay light.</summary>
public sealed class JobResult
{
    public Guid JobId { get; init; }

    /// <summary>The result exactly as serialised once by the runner (a json column keeps the bytes and key order; jsonb would not).</summary>
    public required string Data { get; init; }

    /// <summary>jsonb: what the job learnt about its input besides the result (e.g. a CV's language).</summary>
    public string? Meta { get; init; }

    public DateTimeOffset CreatedAt { get; init; }
}
