using System.Diagnostics;
using System.Globalization;
using ParseJobs.Extraction.Cv;
using ParseJobs.Extraction.Documents;
using ParseJobs.Extraction.Parsing;

namespace ParseJobs.Bench;

/// <summary><c>cv-extract</c>: the text of a two-page CV is parsed once; then <see cref="CvExtractor.Extract"/>
/// is timed on one thread (pinned to one core where the OS allows), after a warm-up.</summary>
public static class CvExtractBenchmark
{
    public static int Run(BenchArguments args, TextWriter output)
    {
        var path = args.Text("file");
        var bytes = path is null ? SampleCv.TwoPages() : File.ReadAllBytes(path);
        var type = DocumentTypeDetector.Detect(bytes)
                   ?? throw new InvalidOperationException($"{path} is not a PDF, DOCX or text file.");
        var document = new DocumentLayoutExtractor().Extract(bytes, type, ParseLimits.Default).ToExtractedDocument();
        var warmup = args.Number("warmup", 200);
        var iterations = args.Number("iterations", 2000);

        var pinned = PinToOneCore();
        var extractor = new CvExtractor();
        for (var i = 0; i < warmup; i++)
            GC.KeepAlive(extractor.Extract(document));

        var samples = new double[iterations];
        for (var i = 0; i < iterations; i++)
        {
            var started = Stopwatch.GetTimestamp();
            GC.KeepAlive(extractor.Extract(document));
            samples[i] = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
        }

        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"cv-extract {path ?? "(generated two-page CV)"}: {document.PageCount} pages, {document.Text.Length} characters, " +
            $"{warmup} warm-up + {iterations} runs on one thread{(pinned ? " pinned to CPU 0" : "")}"));
        output.WriteLine($"CvExtractor.Extract per document: {LatencySummary.Of(samples)}");
        return 0;
    }

    internal static bool PinToOneCore()
    {
        if (!OperatingSystem.IsLinux() && !OperatingSystem.IsWindows())
            return false;
        using var process = Process.GetCurrentProcess();
        process.ProcessorAffinity = 1;
        return true;
    }
}
