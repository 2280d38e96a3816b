namespace ParseJobs.Bench;

/// <summary><c>api</c>: runs the three API benchmarks, one after the other, against a running service.</summary>
public static class ApiBenchmark
{
    public static async Task<int> RunAsync(BenchArguments args, TextWriter output)
    {
        var url = new Uri(args.RequiredText("url"));
        if (!url.IsLoopback)
        {
            // Load is generated only against this machine.
            throw new ArgumentException($"--url must be a loopback address, got {url}.", nameof(args));
        }

        var key = args.RequiredText("key");
        var pdf = SampleCv.OnePage();
        await output.WriteLineAsync($"ParseJobs API benchmark against {url} ({Environment.ProcessorCount} cores, one-page PDF of {pdf.Length} bytes)");

        var latency = await new LatencyBenchmark(url, key, pdf, args.Number("runs", 50, max: 1000)).RunAsync(output);
        await new ThroughputBenchmark(url, key, pdf, args.Number("clients", 16, max: 64), args.Number("jobs", 160, max: 2000)).RunAsync(output);
        await new StatusRpsBenchmark(url, key, latency.LastJobId, args.Number("connections", 16, max: 256), args.Number("seconds", 10, max: 120)).RunAsync(output);
        return 0;
    }
}
