using System.Net;
using Microsoft.Extensions.Http.Resilience;
using Polly;
using Polly.Retry;

namespace ParseJobs.Api.Ats.Hr4You;

/// <summary>
/// The one resilience pipeline of HR4YOU calls, outermost first: total timeout → retry (exponential backoff with jitter,
/// HR4YOU's <c>Retry-After</c> up to a cap) → circuit breaker → attempt timeout. Built per base URL's authority
/// (<see cref="Hr4YouSetup"/>), so one organisation's failing HR4YOU never opens another's circuit.
/// </summary>
public static class Hr4YouResilience
{
    public const string PipelineName = "hr4you";

    public static void Configure(ResiliencePipelineBuilder<HttpResponseMessage> pipeline, Hr4YouOptions options)
    {
        pipeline.AddTimeout(options.TotalTimeout);
        if (options.MaxRetries > 0)
        {
            pipeline.AddRetry(new HttpRetryStrategyOptions
            {
                MaxRetryAttempts = options.MaxRetries,
                BackoffType = DelayBackoffType.Exponential,
                UseJitter = true,
                Delay = options.RetryBaseDelay,
                // Retry-After is ours to cap (DelayGenerator), not the strategy's to follow unbounded.
                ShouldRetryAfterHeader = false,
                ShouldHandle = args => ValueTask.FromResult(!args.Context.CancellationToken.IsCancellationRequested && ShouldRetry(args.Outcome, options)),
                DelayGenerator = args => ValueTask.FromResult(args.Outcome.Result is { } response ? RetryAfter(response) : null),
            });
        }

        pipeline.AddCircuitBreaker(new HttpCircuitBreakerStrategyOptions
        {
            FailureRatio = options.CircuitBreakerFailureRatio,
            MinimumThroughput = options.CircuitBreakerMinimumThroughput,
            SamplingDuration = options.CircuitBreakerSampling,
            BreakDuration = options.CircuitBreakerBreak,
            // 5xx, 408, 429, timeouts and connection failures count; 401 and 404 are answers, not failures.
            ShouldHandle = args => ValueTask.FromResult(HttpClientResiliencePredicates.IsTransient(args.Outcome)),
        });
        pipeline.AddTimeout(options.AttemptTimeout);
    }

    /// <summary>Transient failures, unless HR4YOU asks to wait longer than <see cref="Hr4YouOptions.MaxRetryAfter"/>:
    /// then the call gives up at once and passes HR4YOU's Retry-After on.</summary>
    internal static bool ShouldRetry(Outcome<HttpResponseMessage> outcome, Hr4YouOptions options) =>
        HttpClientResiliencePredicates.IsTransient(outcome)
        && !(outcome.Result is { } response && RetryAfter(response) > options.MaxRetryAfter);

    public static bool IsTransient(HttpStatusCode status) =>
        (int)status >= 500 || status is HttpStatusCode.RequestTimeout or HttpStatusCode.TooManyRequests;

    /// <summary>HR4YOU's <c>Retry-After</c> (seconds or a date) as a delay from now; null without one.</summary>
    public static TimeSpan? RetryAfter(HttpResponseMessage response) => response.Headers.RetryAfter switch
    {
        { Delta: { } delta } => delta < TimeSpan.Zero ? TimeSpan.Zero : delta,
        { Date: { } date } => date - DateTimeOffset.UtcNow is var wait && wait > TimeSpan.Zero ? wait : TimeSpan.Zero,
        _ => null,
    };
}
