using ParseJobs.Api.Auth;
using ParseJobs.Api.Persistence;

namespace ParseJobs.Api.Jobs;

/// <summary>The long poll of a job's status: one request that answers when the job has ended instead of a client
/// polling every few milliseconds (each poll a request and a query; ~40 per job under load, docs/PERFORMANCE.md).</summary>
public static class JobStatusWait
{
    /// <summary>The longest wait a request may ask for: below common proxy and client idle timeouts.</summary>
    public const int MaxWaitSeconds = 30;

    /// <summary>
    /// The job, read at once when <paramref name="waitSeconds"/> is absent or not positive; otherwise read again as
    /// soon as it has ended (on any node: <see cref="JobEndSignals"/>) or after the wait (at most
    /// <see cref="MaxWaitSeconds"/>). No database connection is held while waiting: each read takes one from the pool
    /// and hands it back.
    /// </summary>
    public static async Task<Job?> FindOwnedAsync(this JobEndSignals ends, ParseJobsDbContext db, Tenant tenant, Guid jobId, int? waitSeconds, CancellationToken ct)
    {
        if (waitSeconds is not > 0)
        {
            return await db.FindOwnedAsync(tenant, jobId, ct);
        }

        using var registration = ends.Register(jobId); // before the read: an end between the read and the wait is not missed
        var job = await db.FindOwnedAsync(tenant, jobId, ct);
        if (job is null || job.IsTerminal)
        {
            return job;
        }

        await registration.WaitAsync(TimeSpan.FromSeconds(Math.Min(waitSeconds.Value, MaxWaitSeconds)), ct);
        return await db.FindOwnedAsync(tenant, jobId, ct);
    }
}
