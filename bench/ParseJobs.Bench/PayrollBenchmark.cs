using System.Diagnostics;
using System.Text.Json;
using ParseJobs.Extraction;
using ParseJobs.Extraction.Parsing;
using ParseJobs.Extraction.Payroll;
using UglyToad.PdfPig;

namespace ParseJobs.Bench;

/// <summary><c>payroll [--employees 200] [--iterations 10] [--out register.pdf]</c>: a generated register PDF through
/// the payroll product in process (what a parser child does for a payroll job), on one thread: pages, median and
/// worst time, and how many employees came back and added up.</summary>
public static class PayrollBenchmark
{
    public static int Run(BenchArguments args, TextWriter output)
    {
        var employees = args.Number("employees", 200);
        var iterations = args.Number("iterations", 10);
        var pdf = PayrollRegisterSample.Pdf(employees);
        if (args.Text("out") is { } path)
            File.WriteAllBytes(path, pdf);
        int pages;
        using (var document = PdfDocument.Open(pdf))
            pages = document.NumberOfPages;

        var maker = new ProductMaker();
        var json = WireJson.CreateOptions();
        maker.Make(pdf, DocumentType.Pdf, ParseLimits.Default, new PayrollProduct());
        var times = new List<double>();
        PayrollExtraction? result = null;
        for (var i = 0; i < iterations; i++)
        {
            var watch = Stopwatch.StartNew();
            var product = maker.Make(pdf, DocumentType.Pdf, ParseLimits.Default, new PayrollProduct());
            times.Add(watch.Elapsed.TotalMilliseconds);
            result = JsonSerializer.Deserialize<PayrollExtraction>(product.Json, json);
        }

        var found = result?.CanonicalOutput.Employees ?? [];
        output.WriteLine($"payroll register: {employees} employees, {pages} pages, {pdf.Length / 1024} KB");
        output.WriteLine($"  extraction in process: median {BenchMath.Median(times):F0} ms, max {times.Max():F0} ms over {iterations} runs");
        output.WriteLine($"  employees found {found.Count}, adding up {found.Count(PayrollChecks.AddsUp)}, confidence {result?.ConfidenceScore:F3}, warnings {result?.Warnings.Count}");
        return 0;
    }
}
