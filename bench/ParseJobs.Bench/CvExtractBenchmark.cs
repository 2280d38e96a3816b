using System.Diagnostics;
using System.Globalization;
using ParseJobs.Extraction.Cv;
using ParseJobs.Extraction.Documents;
using ParseJobs.Extraction.Parsing;

namespace ParseJobs.Bench;

/// <summary><c>cv-extract</c>: the layout of a two-page CV is parsed once; then the CV step of <see cref="CvPipeline"/>
/// (text → profile, language, meta) is timed on one thread (pinned to one core where the OS allows), after a warm-up.</summary>
public static class CvExtractBenchmark
{
    public static int Run(BenchArguments args, TextWriter output)
    {
        var path = args.Text("file");
        var bytes = path is null ? SampleCv.TwoPages() : File.ReadAllBytes(path);
        var type = DocumentTypeDetector.Detect(bytes)
                   ?? throw new InvalidOperationException($"{path} is not a PDF, DOCX or text file.");
        var layout = new DocumentLayoutExtractor().Extract(bytes, type, ParseLimits.Default);
        var document = layout.ToExtractedDocument();
        var warmup = args.Number("warmup", 200);
        var iterations = args.Number("iterations", 2000);

        var pinned = PinToOneCore();
        var pipeline = new CvPipeline();
        for (var i = 0; i < warmup; i++)
            GC.KeepAlive(pipeline.Run(document));

        var samples = new double[iterations];
        for (var i = 0; i < iterations; i++)
        {
            var started = Stopwatch.GetTimestamp();
            GC.KeepAlive(pipeline.Run(document));
            samples[i] = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
        }

        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"cv-extract {path ?? "(generated two-page CV)"}: {document.PageCount} pages, {document.Text.Length} characters, " +
            $"{warmup} warm-up + {iterations} runs on one thread{(pinned ? " pinned to CPU 0" : "")}"));
        output.WriteLine($"CvPipeline.Run (text → profile) per document: {LatencySummary.Of(samples)}");
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
