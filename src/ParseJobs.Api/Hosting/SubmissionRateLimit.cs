using System.ComponentModel.DataAnnotations;
using System.Globalization;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Options;
using ParseJobs.Api.Auth;

namespace ParseJobs.Api.Hosting;

/// <summary>How many submissions an organisation may make (<c>RateLimits</c>): a token bucket per organisation, so
/// that one tenant's burst cannot fill the queue everyone shares. Reads are not limited.</summary>
public sealed class RateLimitOptions
{
    public const string Section = "RateLimits";

    /// <summary>Submissions per second an organisation may sustain; 0 turns the limit off.</summary>
    [Range(0, 100_000)] public int SubmissionsPerSecond { get; init; } = 50;

    /// <summary>Submissions an organisation may make at once on top of the sustained rate (the bucket's size).</summary>
    [Range(1, 1_000_000)] public int SubmissionBurst { get; init; } = 200;
}

/// <summary>The submission limit: 429 with <c>Retry-After</c> in the route's error shape when a tenant exceeds it.</summary>
public static class SubmissionRateLimit
{
    public const string Policy = "submissions";
    public const string Code = "RATE_LIMITED";

    public static IServiceCollection AddSubmissionRateLimit(this IServiceCollection services)
    {
        services.AddOptions<RateLimitOptions>().BindConfiguration(RateLimitOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddRateLimiter(limiter =>
        {
            limiter.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            limiter.AddPolicy(Policy, Partition);
            limiter.OnRejected = RejectAsync;
        });
        return services;
    }

    /// <summary>Applies the per-organisation submission limit to an endpoint that creates work.</summary>
    public static RouteHandlerBuilder WithSubmissionRateLimit(this RouteHandlerBuilder endpoint) =>
        endpoint.RequireRateLimiting(Policy).ProducesProblems(StatusCodes.Status429TooManyRequests);

    // Runs after authentication: the partition is the key's organisation. Without one the request is refused by
    // authorization anyway, so it costs no bucket.
    private static RateLimitPartition<string> Partition(HttpContext http)
    {
        var options = http.RequestServices.GetRequiredService<IOptions<RateLimitOptions>>().Value;
        if (options.SubmissionsPerSecond == 0 || Tenant.From(http.User) is not { } tenant)
        {
            return RateLimitPartition.GetNoLimiter("unlimited");
        }

        return RateLimitPartition.GetTokenBucketLimiter(tenant.OrganisationId.ToString(), _ => new TokenBucketRateLimiterOptions
        {
            TokenLimit = options.SubmissionBurst,
            TokensPerPeriod = options.SubmissionsPerSecond,
            ReplenishmentPeriod = TimeSpan.FromSeconds(1),
            QueueLimit = 0,
            AutoReplenishment = true,
        });
    }

    private static async ValueTask RejectAsync(OnRejectedContext context, CancellationToken ct)
    {
        var http = context.HttpContext;
        var options = http.RequestServices.GetRequiredService<IOptions<RateLimitOptions>>().Value;
        var retryAfter = context.Lease.TryGetMetadata(MetadataName.RetryAfter, out var wait) ? wait : TimeSpan.FromSeconds(1);
        var seconds = Math.Max(1, (int)Math.Ceiling(retryAfter.TotalSeconds));
        http.Response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
        await http.RequestServices.GetRequiredService<IProblemDetailsService>().WriteAsync(new ProblemDetailsContext
        {
            HttpContext = http,
            ProblemDetails =
            {
                Status = StatusCodes.Status429TooManyRequests,
                Title = "Too many requests",
                Detail = $"This organisation submits faster than {options.SubmissionsPerSecond} documents per second " +
                         $"(bursts up to {options.SubmissionBurst}); retry after {seconds} s.",
                Extensions = { [WireProblemWriter.CodeField] = Code },
            },
        });
    }
}
