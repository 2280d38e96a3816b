using ParseJobs.Api.Auth;
using ParseJobs.Api.Jobs;
using ParseJobs.Api.Persistence;

namespace ParseJobs.Api.Batches;

/// <summary>
/// The wait of a sync call: woken by the job-ended notification (<see cref="JobEndSignals"/>, from any node), no
/// polling; a listener reconnect wakes it early and it reads again. No database connection is held while waiting.
/// </summary>
public sealed class BatchSyncWait(JobEndSignals ends, ParseJobsDbContext db, BatchResultsReader reader, TimeProvider clock)
{
    public sealed record Ended(BatchResultsResponse Results, string? ErrorCode);

    /// <summary>The batch's whole results once it ended within <paramref name="timeout"/>; null when it still runs.</summary>
    public async Task<Ended?> WaitAsync(Tenant tenant, Guid jobId, TimeSpan timeout, CancellationToken ct)
    {
        var deadline = clock.GetUtcNow() + timeout;
        while (true)
        {
            using var registration = ends.Register(jobId); // before the read: an end in between is not missed
            var job = await db.FindOwnedAsync(tenant, jobId, ct);
            if (job is null)
            {
                return null; // deleted meanwhile: nothing to answer but the id
            }

            if (job.IsTerminal)
            {
                var results = await reader.ReadAsync(tenant, jobId, 0, int.MaxValue, null, ct);
                return results is null ? null : new Ended(results, job.ErrorCode);
            }

            var left = deadline - clock.GetUtcNow();
            if (left <= TimeSpan.Zero || !await registration.WaitAsync(left, ct))
            {
                return null;
            }
        }
    }
}
