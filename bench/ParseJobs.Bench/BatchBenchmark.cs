using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Text.Json;

namespace ParseJobs.Bench;

/// <summary>
/// <c>batch</c>: issue 11's figures against a running service. A ZIP of N distinct CVs (mixed PDF, DOCX, TXT) with a job
/// description is submitted, its status polled until completed and all results read: submit→completed seconds and
/// candidates per second, median over runs; then a sync call of 50 candidates, median over runs. With
/// <c>--service-pid</c>, the service's CPU seconds (its process tree: the parser children too) per candidate.
/// Every run makes new documents: the service does not parse a document again that its organisation sent before.
/// </summary>
public static class BatchBenchmark
{
    private static readonly TimeSpan PollInterval = TimeSpan.FromMilliseconds(100);
    private static readonly TimeSpan Deadline = TimeSpan.FromMinutes(10);
    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;

    public static async Task<int> RunAsync(BenchArguments args, TextWriter output)
    {
        var url = new Uri(args.RequiredText("url"));
        if (!url.IsLoopback)
        {
            throw new ArgumentException($"--url must be a loopback address, got {url}.", nameof(args));
        }

        var candidates = args.Number("candidates", 500, max: 1000);
        var runs = args.Number("runs", 3, max: 20);
        var syncCandidates = args.Number("sync-candidates", 50, max: 100);
        var syncRuns = args.Number("sync-runs", 5, min: 0, max: 50);
        var servicePid = args.Number("service-pid", 0, min: 0, max: int.MaxValue);
        var stamp = DateTime.UtcNow.ToString("yyyyMMddHHmmss", Invariant);
        using var client = new BatchApiClient(url, args.RequiredText("key"));
        await output.WriteLineAsync($"ParseJobs batch benchmark against {url} ({Environment.ProcessorCount} cores): {runs} × {candidates} candidates, {syncRuns} × sync {syncCandidates}");

        // Warm-up (not counted): the first batch starts the parser children and compiles the matcher's paths.
        var warmUp = await RunBatchAsync(client, BatchCorpus.Make(20, $"{stamp}-warm"), $"bench-{stamp}-warm", servicePid);
        await output.WriteLineAsync(string.Create(Invariant, $"warm-up batch of 20: {warmUp.Seconds:0.00} s"));

        var batches = new List<BatchRun>();
        for (var run = 1; run <= runs; run++)
        {
            var result = await RunBatchAsync(client, BatchCorpus.Make(candidates, $"{stamp}-r{run}"), $"bench-{stamp}-r{run}", servicePid);
            batches.Add(result);
            await output.WriteLineAsync(string.Create(Invariant,
                $"run {run}: {candidates} candidates (ZIP {result.ZipBytes / 1024.0 / 1024:0.0} MB) submit→completed {result.Seconds:0.00} s " +
                $"(server created→completed {result.ServerSeconds:0.00} s), {candidates / result.Seconds:0.0} candidates/s, " +
                $"{result.Scored} scored, {result.Errors} errors{BenchMath.CpuPer(result.CpuSeconds, candidates)}"));
        }

        var syncSeconds = new List<double>();
        for (var run = 1; run <= syncRuns; run++)
        {
            var zip = BatchCorpus.Zip(BatchCorpus.Make(syncCandidates, $"{stamp}-s{run}"));
            var watch = Stopwatch.StartNew();
            var (status, body) = await client.SubmitSyncAsync(zip, $"bench-{stamp}-sync", timeoutSeconds: 120, CancellationToken.None);
            watch.Stop();
            using (body)
            {
                var items = status == HttpStatusCode.OK ? body.RootElement.GetProperty("processed_items").GetArrayLength() : 0;
                if (status != HttpStatusCode.OK || items != syncCandidates)
                {
                    throw new InvalidOperationException($"sync run {run}: {(int)status} with {items} items: {body.RootElement.ToString()[..Math.Min(300, body.RootElement.ToString().Length)]}");
                }
            }

            syncSeconds.Add(watch.Elapsed.TotalSeconds);
            await output.WriteLineAsync(string.Create(Invariant, $"sync run {run}: {syncCandidates} candidates in {watch.Elapsed.TotalSeconds:0.00} s"));
        }

        var median = BenchMath.Median(batches.Select(b => b.Seconds).ToList());
        await output.WriteLineAsync(string.Create(Invariant,
            $"batch {candidates} candidates, submit→completed: median {median:0.00} s over {runs} run(s) " +
            $"(min {batches.Min(b => b.Seconds):0.00}, max {batches.Max(b => b.Seconds):0.00}), {candidates / median:0.0} candidates/s (target < 20 s)") +
            (batches.All(b => b.CpuSeconds is not null) ? BenchMath.CpuPer(BenchMath.Median(batches.Select(b => b.CpuSeconds!.Value).ToList()), candidates) : ""));
        if (syncSeconds.Count > 0)
        {
            await output.WriteLineAsync(string.Create(Invariant,
                $"sync {syncCandidates} candidates: median {BenchMath.Median(syncSeconds):0.00} s over {syncSeconds.Count} run(s) (min {syncSeconds.Min():0.00}, max {syncSeconds.Max():0.00}; target < 3 s)"));
        }

        return 0;
    }

    private static async Task<BatchRun> RunBatchAsync(BatchApiClient client, IReadOnlyList<BatchCorpus.Cv> cvs, string jobId, int servicePid)
    {
        var zip = BatchCorpus.Zip(cvs);
        var cpuBefore = servicePid > 0 ? ProcessTreeCpu.Seconds(servicePid) : null;
        var watch = Stopwatch.StartNew();
        var id = await client.SubmitZipAsync(zip, jobId, CancellationToken.None);
        double serverSeconds;
        while (true)
        {
            using var status = await client.GetStatusAsync(id, CancellationToken.None);
            var root = status.RootElement;
            var state = root.GetProperty("status").GetString();
            if (state == "completed")
            {
                watch.Stop();
                serverSeconds = (root.GetProperty("completed_at").GetDateTimeOffset() - root.GetProperty("created_at").GetDateTimeOffset()).TotalSeconds;
                break;
            }

            if (state == "failed")
            {
                throw new InvalidOperationException($"Batch {id} failed: {root.GetProperty("error_message")}");
            }

            if (watch.Elapsed > Deadline)
            {
                throw new TimeoutException($"Batch {id} still {state} after {Deadline.TotalMinutes} min ({root.GetProperty("processed_candidates")} done).");
            }

            await Task.Delay(PollInterval);
        }

        var cpuAfter = servicePid > 0 ? ProcessTreeCpu.Seconds(servicePid) : null;
        var (scored, errors) = await ReadAllResultsAsync(client, id, cvs.Count);
        return new BatchRun(watch.Elapsed.TotalSeconds, serverSeconds, zip.Length, scored, errors, cpuAfter - cpuBefore);
    }

    // Every page of the results, as a client reads them: all candidates must be there, each scored or with an error.
    private static async Task<(int Scored, int Errors)> ReadAllResultsAsync(BatchApiClient client, Guid id, int expected)
    {
        const int Page = 100;
        int scored = 0, errors = 0, seen = 0;
        while (true)
        {
            using var page = await client.GetResultsAsync(id, seen, Page, CancellationToken.None);
            var items = page.RootElement.GetProperty("processed_items");
            foreach (var item in items.EnumerateArray())
            {
                if (item.TryGetProperty("match_score", out var score) && score.ValueKind == JsonValueKind.Object)
                {
                    scored++;
                }
                else
                {
                    errors++;
                }
            }

            seen += items.GetArrayLength();
            if (items.GetArrayLength() < Page)
            {
                break;
            }
        }

        return seen == expected
            ? (scored, errors)
            : throw new InvalidOperationException($"Batch {id}: the results hold {seen} candidates, {expected} were sent.");
    }

    private sealed record BatchRun(double Seconds, double ServerSeconds, int ZipBytes, int Scored, int Errors, double? CpuSeconds);
}
