using System.Diagnostics;
using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;
using ParseJobs.Extraction;
using ParseJobs.Extraction.Cv;
using ParseJobs.Extraction.Documents;
using ParseJobs.Extraction.Documents.Rendering;
using ParseJobs.Extraction.Parsing;

namespace ParseJobs.Bench;

/// <summary>
/// <c>parent-cost</c>: the worker-side CPU of one job on a two-page CV, once the parser child has answered.
/// Before (issue 10): the child sent the layout model as JSON; the worker deserialised it, capped it, rendered it
/// (documents) or ran the CV pipeline (CVs), and serialised the result. Now: the child sends the result JSON, which
/// the worker decodes once to store it. Both are timed on one thread, after a warm-up.
/// </summary>
public static class ParentCostBenchmark
{
    // As the old protocol serialised the layout model (ParserProtocol.Json then).
    private static readonly JsonSerializerOptions Protocol = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter() },
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };

    private static readonly JsonSerializerOptions Wire = WireJson.CreateOptions();

    public static int Run(BenchArguments args, TextWriter output)
    {
        var path = args.Text("file");
        var bytes = path is null ? SampleCv.TwoPages() : File.ReadAllBytes(path);
        var type = DocumentTypeDetector.Detect(bytes) ?? throw new InvalidOperationException($"{path} is not a PDF, DOCX or text file.");
        var warmup = args.Number("warmup", 200);
        var iterations = args.Number("iterations", 1000);
        var limits = ParseLimits.Default;
        var layoutJson = JsonSerializer.SerializeToUtf8Bytes(new DocumentLayoutExtractor().Extract(bytes, type, limits), Protocol);
        var pipeline = new CvPipeline();
        var request = new DocumentResultProduct(512, IncludeMarkdown: true, IncludeHtml: true, "/v1/documents/x/images/");
        var maker = new ProductMaker();
        var cvProduct = maker.Make(bytes, type, limits, new CvProfileProduct());
        var documentProduct = maker.Make(bytes, type, limits, request);
        var pinned = CvExtractBenchmark.PinToOneCore();

        string CvBefore()
        {
            var layout = LayoutLimits.Apply(JsonSerializer.Deserialize<LayoutDocument>(layoutJson, Protocol)!, limits);
            var cv = pipeline.Run(layout, limits.MaxTextCharacters);
            return JsonSerializer.Serialize(cv.Profile, Wire) + JsonSerializer.Serialize(cv.Meta, Wire);
        }

        string DocumentBefore()
        {
            var layout = LayoutLimits.Apply(JsonSerializer.Deserialize<LayoutDocument>(layoutJson, Protocol)!, limits);
            var urls = layout.Images.ToDictionary(i => i.Id, i => i.Id, StringComparer.Ordinal);
            return JsonSerializer.Serialize(DocumentParseResult.From(layout, request, urls), Wire);
        }

        string CvAfter() => Encoding.UTF8.GetString(cvProduct.Json) + Encoding.UTF8.GetString(cvProduct.MetaJson!);
        string DocumentAfter() => Encoding.UTF8.GetString(documentProduct.Json);

        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"parent-cost {path ?? "(generated two-page CV)"}: layout reply {layoutJson.Length / 1024.0:0.0} KB, CV result {cvProduct.Json.Length / 1024.0:0.0} KB, " +
            $"document result {documentProduct.Json.Length / 1024.0:0.0} KB; {warmup} warm-up + {iterations} runs on one thread{(pinned ? " pinned to CPU 0" : "")}"));
        foreach (var (name, work) in new (string, Func<string>)[]
                 {
                     ("cv job, before (layout JSON → model → CvPipeline → JSON)", CvBefore),
                     ("cv job, now (result bytes → string)", CvAfter),
                     ("document job, before (layout JSON → model → render, chunk → JSON)", DocumentBefore),
                     ("document job, now (result bytes → string)", DocumentAfter),
                 })
        {
            for (var i = 0; i < warmup; i++)
                GC.KeepAlive(work());
            var samples = new double[iterations];
            for (var i = 0; i < iterations; i++)
            {
                var started = Stopwatch.GetTimestamp();
                GC.KeepAlive(work());
                samples[i] = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
            }

            output.WriteLine($"{name}: {LatencySummary.Of(samples)}");
        }

        return 0;
    }
}
