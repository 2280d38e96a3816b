using System.Diagnostics;

namespace ParseJobs.Bench;

/// <summary>Sequential jobs: enqueue→start from the server's timestamps (started_at − created_at) and
/// submit→completed on the client's clock (polling every <see cref="PollInterval"/>, or long polls of
/// <paramref name="longPollSeconds"/>).</summary>
public sealed class LatencyBenchmark(Uri url, string key, byte[] pdf, int runs, int longPollSeconds = 0)
{
    public static readonly TimeSpan PollInterval = TimeSpan.FromMilliseconds(5);
    private const int WarmupRuns = 3;
    private readonly CompletionWait wait = new(PollInterval, longPollSeconds);

    public sealed record Result(LatencySummary EnqueueToStart, LatencySummary SubmitToCompleted, Guid LastJobId);

    public async Task<Result> RunAsync(TextWriter output)
    {
        using var client = new ParseApiClient(url, key, maxConnections: 2);
        // Every run is bounded: one job at a time, each with its own deadline.
        var lastJob = Guid.Empty;
        var enqueueToStart = new List<double>(runs);
        var submitToCompleted = new List<double>(runs);
        for (var i = 0; i < WarmupRuns + runs; i++)
        {
            using var deadline = new CancellationTokenSource(TimeSpan.FromSeconds(60));
            var started = Stopwatch.GetTimestamp();
            lastJob = await client.SubmitAsync(pdf, deadline.Token);
            var status = await client.WaitForCompletionAsync(lastJob, wait, deadline.Token);
            var wallMs = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
            if (i < WarmupRuns)
                continue; // the first jobs start parser processes and warm the JIT
            enqueueToStart.Add(status.EnqueueToStartMs);
            submitToCompleted.Add(wallMs);
        }

        var result = new Result(LatencySummary.Of(enqueueToStart), LatencySummary.Of(submitToCompleted), lastJob);
        await output.WriteLineAsync($"enqueue→start (server started_at − created_at), {runs} sequential jobs: {result.EnqueueToStart}");
        await output.WriteLineAsync($"submit→completed (client wall clock, {wait}): {result.SubmitToCompleted}");
        return result;
    }
}
