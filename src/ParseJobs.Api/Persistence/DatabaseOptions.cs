using System.ComponentModel.DataAnnotations;

namespace ParseJobs.Api.Persistence;

public sealed class DatabaseOptions
{
    public const string Section = "Database";

    /// <summary>Apply pending EF Core migrations when the service starts.</summary>
    public bool MigrateOnStartup { get; init; } = true;

    /// <summary>Seconds a single SQL command may run.</summary>
    [Range(1, 3600)]
    public int CommandTimeoutSeconds { get; init; } = 30;

    /// <summary>Most connections of this node's EF Core pool (overrides the connection string's <c>Max Pool Size</c>).
    /// One node holds at most this + its Hangfire pool (<c>Worker:HangfirePoolSize</c>) + 2 (health check), see
    /// <c>Hosting/ConnectionBudget</c>; keep the sum over all nodes under PostgreSQL's <c>max_connections</c> minus its
    /// reserved slots (docs/RELIABILITY.md).</summary>
    [Range(1, 1000)]
    public int MaxPoolSize { get; init; } = 20;

    /// <summary>Seconds a request waits for a pooled connection (or to open one) before it gets a 503.</summary>
    [Range(1, 300)]
    public int ConnectionTimeoutSeconds { get; init; } = 10;

    /// <summary>Retries of a failed read or set-based statement on a transient error (0 = no retries).
    /// Tracked-entity saves and user transactions are never replayed.</summary>
    [Range(0, 10)]
    public int MaxRetryCount { get; init; } = 3;

    /// <summary>Longest pause between two retries.</summary>
    [Range(1, 60)]
    public int MaxRetryDelaySeconds { get; init; } = 2;

    /// <summary>The <c>Retry-After</c> of a 503 while the database is unavailable.</summary>
    [Range(1, 3600)]
    public int RetryAfterSeconds { get; init; } = 5;

    /// <summary>How long start-up waits for a reachable database (with backoff) before the process exits with code 1.</summary>
    [Range(0, 3600)]
    public int StartupRetrySeconds { get; init; } = 60;
}
