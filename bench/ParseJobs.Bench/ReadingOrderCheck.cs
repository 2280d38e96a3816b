using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;
using ParseJobs.Extraction.Parsing;

namespace ParseJobs.Bench;

/// <summary><c>reading-order</c>: a quality check, not a timing. For every document of a corpus folder, is each
/// ground-truth experience description (lines joined by spaces) one contiguous run of the document's reading-order
/// text (whitespace and bullets folded)? A description interleaved with another column fails.</summary>
public static partial class ReadingOrderCheck
{
    public static int Run(BenchArguments args, TextWriter output)
    {
        var docs = args.RequiredText("docs");
        var truth = args.RequiredText("truth");
        var extractor = new DocumentTextExtractor();
        var found = new Dictionary<DocumentType, (int Found, int Total)>();
        var misses = new List<string>();
        foreach (var path in Directory.GetFiles(docs).Order(StringComparer.Ordinal))
        {
            var name = Path.GetFileNameWithoutExtension(path);
            var truthPath = Path.Combine(truth, name + ".json");
            var bytes = File.ReadAllBytes(path);
            if (!File.Exists(truthPath) || DocumentTypeDetector.Detect(bytes) is not { } type)
                continue;
            var text = Fold(extractor.Extract(bytes, type, ParseLimits.Default).Text);
            using var json = JsonDocument.Parse(File.ReadAllText(truthPath));
            foreach (var job in json.RootElement.GetProperty("data").GetProperty("experience").EnumerateArray())
            {
                var description = Fold(job.GetProperty("description_1to1").GetString() ?? "");
                if (description.Length == 0)
                    continue;
                var (hits, total) = found.GetValueOrDefault(type);
                var hit = text.Contains(description, StringComparison.Ordinal);
                found[type] = (hits + (hit ? 1 : 0), total + 1);
                if (!hit)
                    misses.Add($"{name}: {description[..Math.Min(60, description.Length)]}…");
            }
        }

        var all = (Found: found.Values.Sum(v => v.Found), Total: found.Values.Sum(v => v.Total));
        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"reading-order: {all.Found}/{all.Total} descriptions contiguous = {Share(all)}"));
        foreach (var (type, counts) in found.OrderBy(f => f.Key))
            output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  {type,-5} {counts.Found}/{counts.Total} = {Share(counts)}"));
        foreach (var miss in misses)
            output.WriteLine($"  miss {miss}");
        return 0;
    }

    private static string Share((int Found, int Total) counts) =>
        counts.Total == 0 ? "n/a" : (counts.Found / (double)counts.Total).ToString("0.000", CultureInfo.InvariantCulture);

    // Bullets and line breaks are layout, not content: both sides lose them before comparing.
    private static string Fold(string text) =>
        Spaces().Replace(Bullets().Replace(text.Normalize(System.Text.NormalizationForm.FormKC), " "), " ").Trim().ToLowerInvariant();

    [GeneratedRegex(@"(?m)^\s*[•▪◦●\-–*]\s+", RegexOptions.None, matchTimeoutMilliseconds: 1000)]
    private static partial Regex Bullets();

    [GeneratedRegex(@"\s+", RegexOptions.None, matchTimeoutMilliseconds: 1000)]
    private static partial Regex Spaces();
}
