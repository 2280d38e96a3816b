using System.Diagnostics;
using System.Globalization;

namespace ParseJobs.Bench;

/// <summary>Concurrent clients each upload the PDF and poll (or long-poll: <paramref name="longPollSeconds"/>) to
/// completed, until <c>jobs</c> jobs are done.</summary>
public sealed class ThroughputBenchmark(Uri url, string key, byte[] pdf, int clients, int jobs, int longPollSeconds = 0)
{
    private static readonly TimeSpan PollInterval = TimeSpan.FromMilliseconds(20);
    private readonly CompletionWait wait = new(PollInterval, longPollSeconds);
    private static readonly TimeSpan Deadline = TimeSpan.FromMinutes(5);

    public async Task<double> RunAsync(TextWriter output)
    {
        using var client = new ParseApiClient(url, key, maxConnections: clients);
        using var deadline = new CancellationTokenSource(Deadline);
        var next = 0;
        var latencies = new List<double>(jobs);
        var started = Stopwatch.GetTimestamp();
        await Task.WhenAll(Enumerable.Range(0, clients).Select(_ => Task.Run(async () =>
        {
            while (Interlocked.Increment(ref next) <= jobs)
            {
                var jobStarted = Stopwatch.GetTimestamp();
                var id = await client.SubmitAsync(pdf, deadline.Token);
                await client.WaitForCompletionAsync(id, wait, deadline.Token);
                var ms = Stopwatch.GetElapsedTime(jobStarted).TotalMilliseconds;
                lock (latencies)
                    latencies.Add(ms);
            }
        })));
        var seconds = Stopwatch.GetElapsedTime(started).TotalSeconds;
        var perSecond = jobs / seconds;
        await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
            $"throughput, {clients} concurrent clients ({wait}), {jobs} jobs: {perSecond:0.0} jobs/s ({seconds:0.0} s); submit→completed {LatencySummary.Of(latencies)}"));
        return perSecond;
    }
}
