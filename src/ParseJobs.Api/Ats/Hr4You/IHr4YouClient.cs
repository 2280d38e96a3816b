namespace ParseJobs.Api.Ats.Hr4You;

/// <summary>Where and as whom to call an organisation's HR4YOU (from its stored, encrypted connection).</summary>
public sealed record Hr4YouConnection(Uri BaseUrl, string Token)
{
    // The token is a secret: never in a log line, exception message or ToString.
    public override string ToString() => $"Hr4YouConnection {{ BaseUrl = {BaseUrl} }}";
}

public sealed record Hr4YouConsultant(string Id, string Email, string? FirstName, string? LastName);

public sealed record Hr4YouDocumentRef(string Id, string? FileName, string? ContentType);

public sealed record Hr4YouApplicant(string Id, string? FirstName, string? LastName, string? Email, string? Phone, IReadOnlyList<Hr4YouDocumentRef> Documents);

public sealed record Hr4YouJobPost(string Id, string? Title, string? Description);

/// <summary>A document's bytes as HR4YOU sent them, checked complete against its Content-Length.</summary>
public sealed record Hr4YouDocument(byte[] Content, string? ContentType, string? FileName);

/// <summary>
/// The part of HR4YOU's API ParseJobs calls (../shared/contracts/hr4you-api.md). An unknown id is null; every other
/// failure is a <see cref="Hr4YouException"/> once the resilience pipeline has given up.
/// </summary>
public interface IHr4YouClient
{
    Task<Hr4YouConsultant?> GetConsultantAsync(Hr4YouConnection connection, string userId, CancellationToken ct);

    Task<Hr4YouApplicant?> GetApplicantAsync(Hr4YouConnection connection, string applicantId, CancellationToken ct);

    Task<Hr4YouJobPost?> GetJobAsync(Hr4YouConnection connection, string jobId, CancellationToken ct);

    /// <summary>A document's bytes, at most <paramref name="maxBytes"/> (more is <see cref="Hr4YouFailure.TooLarge"/>).</summary>
    Task<Hr4YouDocument?> GetDocumentAsync(Hr4YouConnection connection, string applicantId, string documentId, long maxBytes, CancellationToken ct);
}

/// <summary>Why a call to HR4YOU failed after its retries.</summary>
public enum Hr4YouFailure
{
    /// <summary>5xx, 429, timeouts, refused or dropped connections, an open circuit: try again later.</summary>
    Unavailable,

    /// <summary>HR4YOU refused the token (401/403): the organisation's connection needs a new one.</summary>
    Unauthorized,

    /// <summary>An answer that is not the JSON the contract describes.</summary>
    Malformed,

    /// <summary>A document whose bytes stopped short of its Content-Length.</summary>
    Truncated,

    /// <summary>A document larger than the limit.</summary>
    TooLarge,
}

/// <summary>A failed HR4YOU call. The message names the request path and what went wrong, never the token.</summary>
public sealed class Hr4YouException(Hr4YouFailure failure, string message, TimeSpan? retryAfter = null, Exception? inner = null)
    : Exception(message, inner)
{
    public Hr4YouFailure Failure { get; } = failure;

    /// <summary>HR4YOU's own <c>Retry-After</c> when it sent one, for the 503 ParseJobs answers.</summary>
    public TimeSpan? RetryAfter { get; } = retryAfter;
}
