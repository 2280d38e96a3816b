using System.Diagnostics;
using System.Text;
using System.Text.Json;
using ParseJobs.Extraction.Parsing;

namespace ParseJobs.Bench;

/// <summary><c>payroll-corpus --docs DIR --out DIR</c>: every document of the folder through the payroll product in
/// process (what a parser child makes), saved as NAME.json in the shape of a finished job, so that the corpus scorer
/// (../shared/corpus/payroll/score.py) reads it as it reads the API runner's files. Prints the median time.</summary>
public static class PayrollCorpus
{
    public static int Run(BenchArguments args, TextWriter output)
    {
        var docs = args.RequiredText("docs");
        var outDir = args.RequiredText("out");
        Directory.CreateDirectory(outDir);
        var maker = new ProductMaker();
        var times = new List<double>();
        foreach (var file in Directory.EnumerateFiles(docs).Order(StringComparer.Ordinal))
        {
            var bytes = File.ReadAllBytes(file);
            var name = Path.Combine(outDir, Path.GetFileNameWithoutExtension(file) + ".json");
            string job;
            var watch = Stopwatch.StartNew();
            try
            {
                var type = DocumentTypeDetector.DetectPayroll(bytes)
                    ?? throw new DocumentParseException(ParseErrorCodes.UnsupportedType, "Not a payroll format.");
                var product = maker.Make(bytes, type, ParseLimits.Default, new PayrollProduct());
                job = $"{{\"status\":\"completed\",\"result\":{Encoding.UTF8.GetString(product.Json)}}}";
            }
            catch (DocumentParseException ex)
            {
                job = JsonSerializer.Serialize(new { status = "failed", error = new { code = ex.Code, message = ex.Message } });
            }

            times.Add(watch.Elapsed.TotalMilliseconds);
            File.WriteAllText(name, job);
        }

        output.WriteLine($"payroll corpus: {times.Count} documents written to {outDir}; median {BenchMath.Median(times):F1} ms, max {(times.Count == 0 ? 0 : times.Max()):F1} ms");
        return 0;
    }
}
