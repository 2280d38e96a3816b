using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using ParseJobs.Extraction;
using ParseJobs.Extraction.Cv;
using ParseJobs.Extraction.Documents;
using ParseJobs.Extraction.Parsing;

namespace ParseJobs.Bench;

/// <summary><c>corpus</c>: the layout model + <see cref="CvPipeline"/> (what CvParseJob runs) over every file of a folder, in
/// process, writing OUT/NAME.json as <c>{"data": profile, "meta": meta}</c> with the API's JSON settings (<see cref="WireJson"/>), so that the
/// corpus scorer reads the files as it reads the API's results.</summary>
public static class CorpusExport
{
    public static int Run(BenchArguments args, TextWriter output)
    {
        var docs = args.RequiredText("docs");
        var outDir = args.RequiredText("out");
        Directory.CreateDirectory(outDir);
        // --text-out DIR: also DIR/NAME.txt, the reading-order text the CV step read (to look at errors by class).
        var textDir = args.Text("text-out");
        if (textDir is not null)
            Directory.CreateDirectory(textDir);
        var json = WireJson.CreateOptions();
        var layoutExtractor = new DocumentLayoutExtractor();
        var pipeline = new CvPipeline();
        int written = 0, skipped = 0;
        var total = Stopwatch.StartNew();
        foreach (var file in Directory.EnumerateFiles(docs).Order(StringComparer.Ordinal))
        {
            var bytes = File.ReadAllBytes(file);
            var name = Path.GetFileNameWithoutExtension(file);
            if (DocumentTypeDetector.Detect(bytes) is not { } type || bytes.Length == 0)
            {
                skipped++;
                output.WriteLine($"skipped {Path.GetFileName(file)}: not a PDF, DOCX or text file");
                continue;
            }

            try
            {
                var layout = layoutExtractor.Extract(bytes, type, ParseLimits.Default);
                var cv = pipeline.Run(layout, ParseLimits.Default.MaxTextCharacters);
                if (textDir is not null)
                    File.WriteAllText(Path.Combine(textDir, name + ".txt"), layout.ToExtractedDocument(ParseLimits.Default.MaxTextCharacters).Text);
                File.WriteAllText(Path.Combine(outDir, name + ".json"), JsonSerializer.Serialize(new CorpusPrediction(cv.Profile, cv.Meta), json));
                foreach (var warning in cv.Meta.Warnings)
                    output.WriteLine($"warning {Path.GetFileName(file)}: {warning.Code} {warning.Message}");
                written++;
            }
            catch (DocumentParseException ex)
            {
                // The API would end this job failed with the same code; the scorer counts a missing file as empty.
                skipped++;
                output.WriteLine($"failed {Path.GetFileName(file)}: {ex.Code} {ex.Message}");
            }
        }

        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"corpus: {written} profiles written to {outDir}, {skipped} skipped, {total.Elapsed.TotalSeconds:0.00} s"));
        return 0;
    }

    /// <summary>The <c>data</c> and <c>meta</c> of GET /v1/parse/{id}/results.</summary>
    private sealed record CorpusPrediction(CvProfile Data, CvParseMeta Meta);
}
