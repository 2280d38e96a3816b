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
        // Issue 10's document by default: a two-page two-column CV; "--document one-page" for the earlier figures.
        var (pdf, name) = args.Text("document") switch
        {
            null or "two-column" => (SampleCv.TwoColumnTwoPages(), "two-page two-column"),
            "one-page" => (SampleCv.OnePage(), "one-page"),
            var other => throw new ArgumentException($"--document must be two-column or one-page, got {other}.", nameof(args)),
        };
        await output.WriteLineAsync($"ParseJobs API benchmark against {url} ({Environment.ProcessorCount} cores, {name} PDF of {pdf.Length} bytes)");

        // --wait N: clients long-poll (status?wait=N) instead of polling every 5 ms (latency) or 20 ms (throughput).
        var longPoll = args.Number("wait", 0, min: 0, max: 30);
        var latency = await new LatencyBenchmark(url, key, pdf, args.Number("runs", 50, max: 1000), longPoll).RunAsync(output);
        if (Pdftotext.Time(pdf, runs: 20) is { } poppler)
        {
            await output.WriteLineAsync($"pdftotext -layout on the same file (one process per run): {poppler}");
            await output.WriteLineAsync(string.Create(System.Globalization.CultureInfo.InvariantCulture,
                $"submit→completed median / pdftotext median: {latency.SubmitToCompleted.MedianMs / poppler.MedianMs:0.00}× (aim ≤ 3×)"));
        }
        else
        {
            await output.WriteLineAsync("pdftotext not found (apt-get install poppler-utils): no comparison");
        }

        await new ThroughputBenchmark(url, key, pdf, args.Number("clients", 16, max: 64), args.Number("jobs", 160, max: 2000), longPoll).RunAsync(output);
        await new StatusRpsBenchmark(url, key, latency.LastJobId, args.Number("connections", 16, max: 256), args.Number("seconds", 10, max: 120)).RunAsync(output);
        return 0;
    }
}
