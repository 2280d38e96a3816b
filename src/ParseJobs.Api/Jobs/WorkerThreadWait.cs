namespace ParseJobs.Api.Jobs;

/// <summary>
/// How a Hangfire worker thread waits for a job's asynchronous work. Hangfire runs an async job method through a task
/// scheduler and blocks its worker thread in <c>Task.Wait</c>, which spins (and yields) before it sleeps, on every
/// job: on two oversubscribed cores a large share of the service's samples (docs/PERFORMANCE.md). A job method that
/// returns void and waits here instead sleeps at once, on an event with no spin, until the work has ended.
/// </summary>
public static class WorkerThreadWait
{
    /// <summary>Waits for <paramref name="work"/> and rethrows its exception as is (not wrapped), as an async job would.</summary>
    public static void RunToEnd(Task work)
    {
        ArgumentNullException.ThrowIfNull(work);
        if (!work.IsCompleted)
        {
            using var ended = new ManualResetEventSlim(initialState: false, spinCount: 0);
            work.ConfigureAwait(false).GetAwaiter().UnsafeOnCompleted(ended.Set);
            ended.Wait();
        }

        work.GetAwaiter().GetResult();
    }
}
