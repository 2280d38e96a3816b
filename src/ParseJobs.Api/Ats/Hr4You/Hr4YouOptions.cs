using System.ComponentModel.DataAnnotations;

namespace ParseJobs.Api.Ats.Hr4You;

/// <summary>
/// Timeouts, retries and limits of the HR4YOU client (<c>Ats:Hr4You</c>). The defaults suit an interactive request:
/// create-pdf waits on the consultant and job calls while the consultant's browser waits on it, so a failing HR4YOU
/// gives up within <see cref="TotalTimeoutSeconds"/> instead of hanging the ATS's button.
/// </summary>
public sealed class Hr4YouOptions
{
    public const string Section = "Ats:Hr4You";

    /// <summary>Time limit of one attempt (connect, headers and, for JSON answers, the body).</summary>
    [Range(0.05, 300)] public double AttemptTimeoutSeconds { get; init; } = 8;

    /// <summary>Time limit of one call with all its retries and waits.</summary>
    [Range(0.1, 600)] public double TotalTimeoutSeconds { get; init; } = 25;

    /// <summary>Retries after the first attempt for 5xx, 408, 429, timeouts and refused or dropped connections.</summary>
    [Range(0, 10)] public int MaxRetries { get; init; } = 3;

    /// <summary>First backoff delay; it doubles per retry, with jitter.</summary>
    [Range(0.001, 60)] public double RetryBaseDelaySeconds { get; init; } = 0.5;

    /// <summary>Longest <c>Retry-After</c> waited for before a retry. HR4YOU asking for longer ends the call at once as
    /// unavailable, passing its <c>Retry-After</c> on: waiting a minute inside an interactive request helps nobody.</summary>
    [Range(0, 600)] public double MaxRetryAfterSeconds { get; init; } = 5;

    /// <summary>Share of failed attempts (0–1) within <see cref="CircuitBreakerSamplingSeconds"/> that opens the circuit.</summary>
    [Range(0.01, 1)] public double CircuitBreakerFailureRatio { get; init; } = 0.5;

    /// <summary>Fewest attempts within the sampling window before the circuit may open.</summary>
    [Range(2, 10_000)] public int CircuitBreakerMinimumThroughput { get; init; } = 10;

    [Range(0.5, 3_600)] public double CircuitBreakerSamplingSeconds { get; init; } = 30;

    /// <summary>How long an open circuit answers unavailable without calling HR4YOU (per base URL).</summary>
    [Range(0.5, 3_600)] public double CircuitBreakerBreakSeconds { get; init; } = 15;

    /// <summary>Largest document (CV) read; a larger one is <see cref="Hr4YouFailure.TooLarge"/>.</summary>
    [Range(1, 200)] public int MaxDocumentMb { get; init; } = 20;

    /// <summary>Time limit of reading a document's bytes once its headers came (documents stream outside the attempt timeout).</summary>
    [Range(0.1, 3_600)] public double DocumentReadTimeoutSeconds { get; init; } = 60;

    public long MaxDocumentBytes => MaxDocumentMb * 1024L * 1024L;

    public TimeSpan AttemptTimeout => TimeSpan.FromSeconds(AttemptTimeoutSeconds);
    public TimeSpan TotalTimeout => TimeSpan.FromSeconds(TotalTimeoutSeconds);
    public TimeSpan RetryBaseDelay => TimeSpan.FromSeconds(RetryBaseDelaySeconds);
    public TimeSpan MaxRetryAfter => TimeSpan.FromSeconds(MaxRetryAfterSeconds);
    public TimeSpan CircuitBreakerSampling => TimeSpan.FromSeconds(CircuitBreakerSamplingSeconds);
    public TimeSpan CircuitBreakerBreak => TimeSpan.FromSeconds(CircuitBreakerBreakSeconds);
    public TimeSpan DocumentReadTimeout => TimeSpan.FromSeconds(DocumentReadTimeoutSeconds);
}
