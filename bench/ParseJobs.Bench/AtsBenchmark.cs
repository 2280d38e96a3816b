using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using ParseJobs.Testing.Hr4You;

namespace ParseJobs.Bench;

/// <summary>
/// <c>ats</c>: issue 12's figures against a running service. A fake HR4YOU on loopback (the tests' fake) holds N
/// applicants with distinct mixed PDF/DOCX/TXT CVs; the organisation's connection is set through the admin endpoint;
/// then per run one create-pdf request (its latency), and the project polled until every candidate ended
/// (create→all ready: fetch, parse, two profile PDFs per candidate). With <c>--service-pid</c>, the service's CPU
/// seconds (parser children and Chromium included) per candidate. Medians over runs.
/// </summary>
public static class AtsBenchmark
{
    private static readonly TimeSpan PollInterval = TimeSpan.FromMilliseconds(200);
    private static readonly TimeSpan Deadline = TimeSpan.FromMinutes(10);
    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;

    public static async Task<int> RunAsync(BenchArguments args, TextWriter output)
    {
        var url = new Uri(args.RequiredText("url"));
        if (!url.IsLoopback)
        {
            throw new ArgumentException($"--url must be a loopback address, got {url}.", nameof(args));
        }

        var applicants = args.Number("applicants", 50, max: 200);
        var runs = args.Number("runs", 3, max: 20);
        var servicePid = args.Number("service-pid", 0, min: 0, max: int.MaxValue);
        var stamp = DateTime.UtcNow.ToString("yyyyMMddHHmmss", Invariant);

        await using var hr4you = await FakeHr4YouServer.StartAsync();
        hr4you.AddConsultant("42", "julia.berger@staffing.example", "Julia", "Berger");
        using var http = new HttpClient { BaseAddress = url, Timeout = TimeSpan.FromMinutes(2) };
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", args.RequiredText("key"));
        using (var connect = await http.PutAsJsonAsync("/v1/admin/ats-connections/hr4you", new { baseUrl = hr4you.BaseUrl, token = FakeHr4YouServer.Token }))
        {
            await EnsureAsync(connect, "setting the HR4YOU connection");
        }

        await output.WriteLineAsync($"ParseJobs ATS benchmark against {url} ({Environment.ProcessorCount} cores): {runs} × create-pdf with {applicants} applicants");
        var warmUp = await RunProjectAsync(http, hr4you, applicants: 5, $"{stamp}-warm", servicePid);
        await output.WriteLineAsync(string.Create(Invariant, $"warm-up project of 5: {warmUp.ImportSeconds:0.00} s"));

        var results = new List<ProjectRun>();
        for (var run = 1; run <= runs; run++)
        {
            var result = await RunProjectAsync(http, hr4you, applicants, $"{stamp}-r{run}", servicePid);
            results.Add(result);
            await output.WriteLineAsync(string.Create(Invariant,
                $"run {run}: create-pdf answered in {result.RequestSeconds * 1000:0} ms; {applicants} candidates ready in {result.ImportSeconds:0.00} s " +
                $"({applicants / result.ImportSeconds:0.0} candidates/s, {result.Failed} failed){BenchMath.CpuPer(result.CpuSeconds, applicants)}"));
        }

        var median = BenchMath.Median(results.Select(r => r.ImportSeconds).ToList());
        await output.WriteLineAsync(string.Create(Invariant,
            $"create-pdf request: median {BenchMath.Median(results.Select(r => r.RequestSeconds * 1000).ToList()):0} ms; " +
            $"{applicants} candidates imported (fetch, parse, 2 PDFs each): median {median:0.00} s over {runs} run(s) " +
            $"(min {results.Min(r => r.ImportSeconds):0.00}, max {results.Max(r => r.ImportSeconds):0.00}), {applicants / median:0.0} candidates/s") +
            (results.All(r => r.CpuSeconds is not null) ? BenchMath.CpuPer(BenchMath.Median(results.Select(r => r.CpuSeconds!.Value).ToList()), applicants) : ""));
        return 0;
    }

    private static async Task<ProjectRun> RunProjectAsync(HttpClient http, FakeHr4YouServer hr4you, int applicants, string salt, int servicePid)
    {
        var cvs = BatchCorpus.Make(applicants, salt);
        var ids = new List<string>(applicants);
        for (var i = 0; i < cvs.Count; i++)
        {
            var id = $"{salt}-{i:D4}";
            var fileName = Path.GetFileName(cvs[i].FileName);
            var contentType = Path.GetExtension(fileName) switch
            {
                ".pdf" => "application/pdf",
                ".docx" => "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
                _ => "text/plain",
            };
            hr4you.AddApplicant(id, "Applicant", id, files: (cvs[i].Content, contentType, fileName));
            ids.Add(id);
        }

        var cpuBefore = servicePid > 0 ? ProcessTreeCpu.Seconds(servicePid) : null;
        var watch = Stopwatch.StartNew();
        Guid projectId;
        using (var response = await http.PostAsJsonAsync("/v1/ats/create-pdf", new { userId = "42", applicantIds = ids, projectName = $"Bench {salt}" }))
        {
            await EnsureAsync(response, "create-pdf");
            using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
            projectId = body.RootElement.GetProperty("projectId").GetGuid();
        }

        var requestSeconds = watch.Elapsed.TotalSeconds;
        while (true)
        {
            using var project = JsonDocument.Parse(await http.GetStringAsync($"/v1/projects/{projectId}"));
            var counts = project.RootElement.GetProperty("counts");
            var ready = counts.GetProperty("ready").GetInt32();
            var failed = counts.GetProperty("failed").GetInt32();
            if (ready + failed == applicants)
            {
                watch.Stop();
                var cpuAfter = servicePid > 0 ? ProcessTreeCpu.Seconds(servicePid) : null;
                return new ProjectRun(requestSeconds, watch.Elapsed.TotalSeconds, failed, cpuAfter - cpuBefore);
            }

            if (watch.Elapsed > Deadline)
            {
                throw new TimeoutException($"Project {projectId}: {ready + failed}/{applicants} ended after {Deadline.TotalMinutes} min.");
            }

            await Task.Delay(PollInterval);
        }
    }

    private static async Task EnsureAsync(HttpResponseMessage response, string what)
    {
        if (!response.IsSuccessStatusCode)
        {
            var body = await response.Content.ReadAsStringAsync();
            throw new InvalidOperationException($"{what}: {(int)response.StatusCode} {body[..Math.Min(400, body.Length)]}");
        }
    }

    private sealed record ProjectRun(double RequestSeconds, double ImportSeconds, int Failed, double? CpuSeconds);
}
