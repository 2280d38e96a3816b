using System.Text.Json;
using ParseJobs.Extraction.Cv;
using ParseJobs.Extraction.Documents;
using ParseJobs.Extraction.Parsing;

namespace ParseJobs.Extraction.Tests.Corpus;

/// <summary>One committed document of the widened corpus (tests/corpus, README there) with the truth fields
/// the family tests check, and its profile read the way the service reads an upload.</summary>
internal sealed record CorpusDocument(
    string Name, string Family, string Path, string FullName, string Email, string MobilePhone, IReadOnlyList<string> ExperienceStarts)
{
    private static readonly Lazy<string> CorpusDir = new(FindCorpusDir);

    /// <summary>The committed documents (tests/corpus/docs).</summary>
    public static string DocsDir => System.IO.Path.Combine(CorpusDir.Value, "docs");

    /// <summary>The names of a family's documents (FAMILY_N), in order.</summary>
    public static IReadOnlyList<string> NamesIn(string family) =>
        Directory.EnumerateFiles(System.IO.Path.Combine(CorpusDir.Value, "truth"), family + "_*.json")
            .Select(f => System.IO.Path.GetFileNameWithoutExtension(f))
            .Where(n => string.Equals(n[..n.LastIndexOf('_')], family, StringComparison.Ordinal))
            .Order(StringComparer.Ordinal).ToList();

    /// <summary>Every family that has committed truth.</summary>
    public static IReadOnlyList<string> AllFamilies() =>
        Directory.EnumerateFiles(System.IO.Path.Combine(CorpusDir.Value, "truth"), "*.json")
            .Select(f => System.IO.Path.GetFileNameWithoutExtension(f))
            .Select(n => n[..n.LastIndexOf('_')])
            .Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();

    public static CorpusDocument Load(string name)
    {
        using var truth = JsonDocument.Parse(File.ReadAllBytes(System.IO.Path.Combine(CorpusDir.Value, "truth", name + ".json")));
        var meta = truth.RootElement.GetProperty("_meta");
        var data = truth.RootElement.GetProperty("data");
        var person = data.GetProperty("personal_info");
        var starts = data.GetProperty("experience").EnumerateArray().Select(e => e.GetProperty("start_date").GetString() ?? "").ToList();
        return new CorpusDocument(
            name, meta.GetProperty("renderer").GetString()!, System.IO.Path.Combine(CorpusDir.Value, meta.GetProperty("doc").GetString()!),
            person.GetProperty("full_name").GetString() ?? "", person.GetProperty("email").GetString() ?? "",
            person.GetProperty("mobile_phone").GetString() ?? "", starts);
    }

    /// <summary>Layout extractor → reading-order text → CV extractor, as bench/ParseJobs.Bench/CorpusExport.cs and the CV job do.</summary>
    public CvProfile Extract()
    {
        var bytes = File.ReadAllBytes(Path);
        var type = DocumentTypeDetector.Detect(bytes);
        Assert.True(type is not null, $"{Name}: not detected as PDF, DOCX or text");
        var layout = new DocumentLayoutExtractor().Extract(bytes, type.Value, ParseLimits.Default);
        return new CvExtractor().Extract(layout.ToExtractedDocument());
    }

    private static string FindCorpusDir()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = System.IO.Path.Combine(dir.FullName, "tests", "corpus");
            if (Directory.Exists(System.IO.Path.Combine(candidate, "truth")))
                return candidate;
        }

        throw new DirectoryNotFoundException("tests/corpus/truth not found above " + AppContext.BaseDirectory);
    }
}
