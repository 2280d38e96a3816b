namespace ParseJobs.Api.Jobs.Items;

/// <summary>pending → running → completed | failed, per item. Transitions live on <see cref="JobItem"/> only.</summary>
public enum JobItemStatus
{
    Pending,
    Running,
    Completed,
    Failed,
}

/// <summary>
/// One unit of an item job (one CV of a batch). Its own small status machine, like <see cref="Job"/>: a chunk
/// run that finds an item running again means the chunk's worker died, and the item runs once more, until its
/// attempts are spent. Status and attempt count are concurrency tokens, so two runs of one item count it once.
/// </summary>
public sealed class JobItem
{
    private JobItem()
    {
    }

    public Guid JobId { get; private set; }

    /// <summary>0-based position in the job; with <see cref="JobId"/> the key.</summary>
    public int Seq { get; private set; }

    /// <summary>Which chunk (Hangfire job) runs the item: <see cref="Seq"/> / chunk size.</summary>
    public int Chunk { get; private set; }

    public JobItemStatus Status { get; private set; }

    /// <summary>Where the item came from: a file name in a ZIP, a row, a candidate id.</summary>
    public string SourceName { get; private set; } = "";

    /// <summary>The organisation's document the item reads, if any (documents are shared, see StoredDocument).</summary>
    public Guid? DocumentId { get; private set; }

    /// <summary>The item's own input (json), for the kind's work.</summary>
    public string? Input { get; private set; }

    public int AttemptCount { get; private set; }
    public string? ErrorCode { get; private set; }
    public string? ErrorMessage { get; private set; }

    /// <summary>The serialised result (json, stored as written).</summary>
    public string? Result { get; private set; }

    /// <summary>A typed column for sorting and filtering (a match score); indexed with the job.</summary>
    public double? OverallScore { get; private set; }

    /// <summary>The Hangfire job of the item's chunk, for the sweeper and operators.</summary>
    public string? BackgroundJobId { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }
    public DateTimeOffset UpdatedAt { get; private set; }

    public bool IsTerminal => Status is JobItemStatus.Completed or JobItemStatus.Failed;

    public static JobItem Create(Guid jobId, int seq, int chunkSize, string sourceName, Guid? documentId, string? input, DateTimeOffset now) => new()
    {
        JobId = jobId,
        Seq = seq,
        Chunk = seq / chunkSize,
        Status = JobItemStatus.Pending,
        SourceName = sourceName.Length <= MaxSourceNameLength ? sourceName : sourceName[..MaxSourceNameLength],
        DocumentId = documentId,
        Input = input,
        CreatedAt = now,
        UpdatedAt = now,
    };

    public const int MaxSourceNameLength = 512;

    public StartOutcome TryStart(DateTimeOffset now, int maxAttempts)
    {
        if (IsTerminal)
        {
            return StartOutcome.AlreadyEnded;
        }

        if (AttemptCount >= maxAttempts)
        {
            Fail(ErrorCodes.InternalError, $"The item was abandoned after {AttemptCount} attempt(s) that did not finish.", now);
            return StartOutcome.AttemptsExhausted;
        }

        Status = JobItemStatus.Running;
        AttemptCount++;
        UpdatedAt = now;
        return StartOutcome.Started;
    }

    public void Complete(string resultJson, double? overallScore, DateTimeOffset now)
    {
        if (Status != JobItemStatus.Running)
        {
            throw new InvalidOperationException($"Item {JobId}/{Seq} is {Status}; only a running item completes.");
        }

        Status = JobItemStatus.Completed;
        Result = resultJson;
        OverallScore = overallScore;
        UpdatedAt = now;
    }

    public bool Fail(string code, string message, DateTimeOffset now)
    {
        if (IsTerminal)
        {
            return false;
        }

        Status = JobItemStatus.Failed;
        ErrorCode = ErrorCodes.BoundCode(code);
        ErrorMessage = ErrorCodes.BoundMessage(message);
        Result = null;
        OverallScore = null;
        UpdatedAt = now;
        return true;
    }
}
