using ParseJobs.Api.Persistence;

namespace ParseJobs.Api.Hosting;

/// <summary>
/// The most PostgreSQL connections one node opens, pool by pool. Npgsql keeps idle connections open for minutes, so a
/// node holds about its caps after any burst: the caps, not the average use, must fit <c>max_connections</c>. Keep
/// <c>sum over nodes of Total ≤ max_connections − superuser_reserved_connections</c> (docs/RELIABILITY.md).
/// </summary>
public sealed record ConnectionBudget(int Ef, int Hangfire, int Health)
{
    /// <summary>The node's one dedicated LISTEN connection (<see cref="NotificationListener"/>).</summary>
    public const int Listener = 1;

    /// <summary>Hangfire's connections besides its workers' (each worker holds one while it fetches or runs a job; idle
    /// workers no longer hold a LISTEN connection each, see <see cref="HangfireQueueWakeUp"/>): heartbeats and watchdogs
    /// of both servers, the jobs server's schedulers, expiration and counters, and enqueues. They hold a connection only
    /// briefly; past the cap they wait for one (faults.sh exhaust-budget ran with 3). Was 5 before the node's
    /// <see cref="Listener"/> took one, so a worker node's total stays the same.</summary>
    public const int HangfireOverhead = 4;

    /// <summary>An API-only node's Hangfire pool: enqueues after commit and the dashboard; an enqueue waits briefly for one.</summary>
    public const int ApiOnlyHangfire = 4;

    public int Total => Ef + Hangfire + Health + Listener;

    public static ConnectionBudget For(HostingOptions hosting, WorkerOptions worker, DatabaseOptions database) => new(
        database.MaxPoolSize,
        worker.HangfirePoolSize > 0 ? worker.HangfirePoolSize
        : hosting.RunsWorker ? worker.EffectiveWorkerCount + worker.EffectiveItemWorkerCount + HangfireOverhead
        : ApiOnlyHangfire,
        PersistenceSetup.HealthCheckPoolSize);

    public override string ToString() => $"EF {Ef} + Hangfire {Hangfire} + health {Health} + listener {Listener} = {Total} connections";
}
