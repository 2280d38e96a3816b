using System.Diagnostics;
using System.Globalization;

namespace ParseJobs.Bench;

/// <summary>GET /v1/parse/{id}/status on one completed job from several HTTP/1.1 connections for a fixed time.</summary>
public sealed class StatusRpsBenchmark(Uri url, string key, Guid completedJob, int connections, int seconds)
{
    private const long MaxRequests = 5_000_000; // a second bound besides the duration

    public async Task<double> RunAsync(TextWriter output)
    {
        using var client = new ParseApiClient(url, key, maxConnections: connections);
        var statusUri = ParseApiClient.StatusUri(completedJob);

        // Warm-up: tiered JIT of the service (tier 0 → tier 1 takes seconds under load), connection pools, caches.
        using (var warmup = new CancellationTokenSource(TimeSpan.FromSeconds(5)))
            await LoopAsync(client, statusUri, connections, warmup.Token);

        using var duration = new CancellationTokenSource(TimeSpan.FromSeconds(seconds));
        var started = Stopwatch.GetTimestamp();
        var (ok, failed) = await LoopAsync(client, statusUri, connections, duration.Token);
        var elapsed = Stopwatch.GetElapsedTime(started).TotalSeconds;
        var rps = ok / elapsed;
        await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
            $"status endpoint, {connections} HTTP/1.1 connections, {elapsed:0.0} s: {rps:0} requests/s ({ok} ok, {failed} failed; in-process HttpClient)"));
        await output.WriteLineAsync($"status endpoint job: {statusUri}");
        return rps;
    }

    private static async Task<(long Ok, long Failed)> LoopAsync(ParseApiClient client, Uri statusUri, int connections, CancellationToken stop)
    {
        long ok = 0, failed = 0, sent = 0;
        await Task.WhenAll(Enumerable.Range(0, connections).Select(_ => Task.Run(async () =>
        {
            while (!stop.IsCancellationRequested && Interlocked.Increment(ref sent) <= MaxRequests)
            {
                try
                {
                    if (await client.GetStatusRawAsync(statusUri, stop))
                        Interlocked.Increment(ref ok);
                    else
                        Interlocked.Increment(ref failed);
                }
                catch (OperationCanceledException) when (stop.IsCancellationRequested)
                {
                    // the request in flight when the time was up
                }
            }
        }, CancellationToken.None)));
        return (ok, failed);
    }
}
