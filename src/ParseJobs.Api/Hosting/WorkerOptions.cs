using System.ComponentModel.DataAnnotations;

namespace ParseJobs.Api.Hosting;

/// <summary>Hangfire tuning. See README "Background processing" for why these defaults.</summary>
public sealed class WorkerOptions
{
    public const string Section = "Worker";

    /// <summary>Concurrent Hangfire jobs per worker node; 0 means two per CPU core.</summary>
    [Range(0, 256)]
    public int WorkerCount { get; init; }

    /// <summary>Upper bound between queue polls; LISTEN/NOTIFY wakes workers at once in between.</summary>
    [Range(1, 600)]
    public int QueuePollIntervalSeconds { get; init; } = 5;

    /// <summary>A job whose worker stopped sending heartbeats is handed out again after this long.</summary>
    [Range(30, 3600)]
    public int InvisibilityTimeoutSeconds { get; init; } = 120;

    /// <summary>Time running jobs get to finish on shutdown before they are requeued.</summary>
    [Range(1, 600)]
    public int ShutdownTimeoutSeconds { get; init; } = 30;

    /// <summary>
    /// Runs of one job before it fails with INTERNAL_ERROR: transient errors are retried, and a worker that
    /// died mid-job counts as an attempt too.
    /// </summary>
    [Range(1, 10)]
    public int MaxAttempts { get; init; } = 4;

    /// <summary>How often the sweeper runs (stranded jobs, vanished chunks, dead workers' queue entries first).</summary>
    [Range(5, 3600)]
    public int SweepIntervalSeconds { get; init; } = 15;

    /// <summary>A pending job (or a chunk of items) this long without a live Hangfire job is dispatched again by the sweeper.</summary>
    [Range(0, 3600)]
    public int DispatchGraceSeconds { get; init; } = 30;

    public string SchemaName { get; init; } = "hangfire";

    /// <summary>Concurrent item chunks per worker node (their own Hangfire server); 0 means half of the workers, at least 2.</summary>
    [Range(0, 256)]
    public int ItemWorkerCount { get; init; }

    /// <summary>Hangfire's connection pool on this node; 0 means workers + item workers + 5 on a worker node, 4 on an
    /// API-only node (<see cref="ConnectionBudget"/>).</summary>
    [Range(0, 1000)]
    public int HangfirePoolSize { get; init; }

    public int EffectiveItemWorkerCount => ItemWorkerCount > 0 ? ItemWorkerCount : Math.Max(2, EffectiveWorkerCount / 2);

    public int EffectiveWorkerCount => WorkerCount > 0 ? WorkerCount : Math.Max(2, Environment.ProcessorCount * 2);
}
