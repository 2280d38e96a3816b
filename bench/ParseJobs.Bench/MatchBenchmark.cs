using System.Diagnostics;
using System.Globalization;
using System.IO.Compression;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;
using ParseJobs.Extraction;
using ParseJobs.Extraction.Cv;
using ParseJobs.Extraction.Documents;
using ParseJobs.Extraction.Matching;
using ParseJobs.Extraction.Parsing;

namespace ParseJobs.Bench;

/// <summary><c>match</c>: for every scenario folder (job_description.txt, candidates.zip, candidates.csv) the job is analysed,
/// every candidate goes through the layout readers and <see cref="CvPipeline"/> in process and is matched; OUT/ID.zip.json and
/// OUT/ID.csv.json are written in the shape of GET /api/v1/batch-jobs/{id}/results, so that the corpus scorer reads them as
/// it reads the API's (the batch job calls the same two methods).</summary>
public static class MatchBenchmark
{
    private static readonly JsonSerializerOptions Json = new(WireJson.CreateOptions())
    {
        WriteIndented = true,
        DefaultIgnoreCondition = JsonIgnoreCondition.Never,
    };

    public static int Run(BenchArguments args, TextWriter output)
    {
        var scenarios = args.RequiredText("scenarios");
        var outDir = args.RequiredText("out");
        // --profiles DIR: also DIR/ID/ENTRY.json, the profile each candidate was matched from (to look at errors).
        var profilesDir = args.Text("profiles");
        // --as-of YYYY-MM: the date ongoing positions run to (default: today), as a batch's own reference date.
        var asOf = args.Text("as-of") is { } text ? DateOnly.ParseExact(text + "-01", "yyyy-MM-dd", CultureInfo.InvariantCulture) : (DateOnly?)null;
        Directory.CreateDirectory(outDir);
        var folders = File.Exists(Path.Combine(scenarios, "job_description.txt"))
            ? [scenarios]
            : Directory.GetDirectories(scenarios).Where(d => File.Exists(Path.Combine(d, "job_description.txt"))).Order(StringComparer.Ordinal).ToArray();
        var context = new MatchContext(new JobDescriptionAnalyzer(), new CandidateMatcher(), new DocumentLayoutExtractor(), new CvPipeline(), asOf);
        foreach (var folder in folders)
        {
            var id = Path.GetFileName(folder.TrimEnd(Path.DirectorySeparatorChar));
            var started = Stopwatch.GetTimestamp();
            var job = context.Analyzer.Analyze(File.ReadAllText(Path.Combine(folder, "job_description.txt"), Encoding.UTF8));
            if (asOf is { } date)
                job = job with { AsOf = date.ToString("yyyy-MM", CultureInfo.InvariantCulture) };
            var analysed = Stopwatch.GetElapsedTime(started);
            output.WriteLine($"{id}: {job.Title} | {job.Summary} | nice: {string.Join(", ", job.NiceSkills.Select(s => s.Name))} | family {job.RoleFamily} | sector {job.Sector} | degree {job.DegreeLevel} {string.Join("/", job.DegreeFields)} | years {job.YearsRequired}");
            foreach (var variant in new[] { "zip", "csv" })
            {
                var source = Path.Combine(folder, "candidates." + variant);
                if (!File.Exists(source))
                    continue;
                var clock = Stopwatch.StartNew();
                var inputs = variant == "zip" ? ReadZip(source) : ReadCsv(source);
                var items = inputs.Select(input => context.MatchOne(job, input, profilesDir is null ? null : Path.Combine(profilesDir, id, variant))).ToList();
                var ranked = items.OrderByDescending(i => i.MatchScore?.OverallScore ?? -1).ToList(); // stable: ties keep item order
                var result = new BatchOutput("completed", job.Title, job.Summary, ranked, clock.Elapsed.TotalSeconds + analysed.TotalSeconds);
                File.WriteAllText(Path.Combine(outDir, $"{id}.{variant}.json"), JsonSerializer.Serialize(result, Json));
                output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"  {variant}: {items.Count} items, {items.Count(i => i.Error is not null)} errors, {clock.Elapsed.TotalMilliseconds:0} ms"));
            }
        }

        return 0;
    }

    private static List<CandidateInput> ReadZip(string path)
    {
        using var archive = ZipFile.OpenRead(path);
        var inputs = new List<CandidateInput>();
        foreach (var entry in archive.Entries)
        {
            if (entry.FullName.EndsWith('/'))
                continue;
            using var stream = entry.Open();
            using var buffer = new MemoryStream();
            stream.CopyTo(buffer);
            inputs.Add(new CandidateInput(entry.FullName, entry.FullName, buffer.ToArray(), null));
        }

        return inputs;
    }

    private static List<CandidateInput> ReadCsv(string path)
    {
        var rows = SimpleCsv.Read(File.ReadAllText(path, Encoding.UTF8));
        var header = rows[0];
        int Column(string name) => header.FindIndex(h => string.Equals(h.Trim(), name, StringComparison.OrdinalIgnoreCase));
        int idColumn = Column("candidate_id"), textColumn = Column("resume_text"), fileColumn = Column("filename");
        return rows.Skip(1).Where(r => r.Count > textColumn)
            .Select(r => new CandidateInput(r[idColumn], fileColumn >= 0 && r.Count > fileColumn ? r[fileColumn] : r[idColumn], null, r[textColumn]))
            .ToList();
    }

    private sealed record CandidateInput(string Id, string FileName, byte[]? Bytes, string? Text);

    private sealed record MatchContext(JobDescriptionAnalyzer Analyzer, CandidateMatcher Matcher, DocumentLayoutExtractor Layout, CvPipeline Pipeline, DateOnly? AsOf)
    {
        public BatchItem MatchOne(JobAnalysis job, CandidateInput input, string? profilesDir)
        {
            var bytes = input.Bytes ?? Encoding.UTF8.GetBytes(input.Text ?? "");
            if (input.Text is { Length: 0 } || bytes.Length == 0)
                return BatchItem.Failed(input, "EMPTY_DOCUMENT: the entry is empty.");
            if (input.FileName.StartsWith("__MACOSX/", StringComparison.Ordinal))
                return BatchItem.Failed(input, "NOT_A_CV: macOS metadata, not a document.");
            var type = input.Text is not null ? DocumentType.Txt : DocumentTypeDetector.Detect(bytes);
            if (type is null)
                return BatchItem.Failed(input, $"UNSUPPORTED_FORMAT: only {DocumentTypeDetector.AcceptedFormats} are read.");
            try
            {
                var layout = Layout.Extract(bytes, type.Value, ParseLimits.Default);
                var cv = Pipeline.Run(layout, ParseLimits.Default.MaxTextCharacters);
                if (profilesDir is not null)
                {
                    Directory.CreateDirectory(profilesDir);
                    var name = input.FileName.Replace('/', '_') + ".json";
                    File.WriteAllText(Path.Combine(profilesDir, name), JsonSerializer.Serialize(cv.Profile, Json));
                }

                var match = Matcher.Match(job, cv.Profile);
                return new BatchItem(input.Id, input.FileName, match.MatchScore, match.MatchResultsSummary, null);
            }
            catch (DocumentParseException ex)
            {
                return BatchItem.Failed(input, $"{ex.Code}: {ex.Message}");
            }
        }
    }

    private sealed record BatchOutput(
        [property: JsonPropertyName("status")] string Status,
        [property: JsonPropertyName("job_title")] string JobTitle,
        [property: JsonPropertyName("job_summary")] string JobSummary,
        [property: JsonPropertyName("processed_items")] IReadOnlyList<BatchItem> ProcessedItems,
        [property: JsonPropertyName("elapsed_s")] double ElapsedSeconds);

    private sealed record BatchItem(
        [property: JsonPropertyName("candidate_id_internal")] string CandidateIdInternal,
        [property: JsonPropertyName("original_filename")] string OriginalFilename,
        [property: JsonPropertyName("match_score")] MatchScore? MatchScore,
        [property: JsonPropertyName("match_results_summary")] MatchResultsSummary? MatchResultsSummary,
        [property: JsonPropertyName("error")] string? Error)
    {
        public static BatchItem Failed(CandidateInput input, string error) => new(input.Id, input.FileName, null, null, error);
    }
}
