using System.Diagnostics;
using System.Globalization;
using ParseJobs.Extraction.Documents;
using ParseJobs.Extraction.Parsing;

namespace ParseJobs.Bench;

/// <summary><c>layout</c>: pages per second per core of the layout model (PDF, DOCX, TXT) over every file of a
/// folder, one thread pinned to one core; beside it, <c>pdftotext -layout</c> (poppler-utils) on the same PDFs.
/// Rounds after one warm-up round; the median round counts.</summary>
public static class LayoutBenchmark
{
    public static int Run(BenchArguments args, TextWriter output)
    {
        if (args.Text("dump") is { } dump)
            return LayoutDump.Run(args.RequiredText("docs"), dump, output);
        var files = Directory.GetFiles(args.RequiredText("docs")).Order(StringComparer.Ordinal)
            .Select(path => (Path: path, Bytes: File.ReadAllBytes(path)))
            .Select(f => (f.Path, f.Bytes, Type: DocumentTypeDetector.Detect(f.Bytes)))
            .Where(f => f.Type is not null)
            .Select(f => (f.Path, f.Bytes, Type: f.Type!.Value))
            .ToList();
        var rounds = args.Number("rounds", 5, max: 100);
        var pinned = CvExtractBenchmark.PinToOneCore();
        var extractor = new DocumentLayoutExtractor();

        var perRound = new List<Dictionary<DocumentType, (int Pages, double Ms)>>();
        for (var round = 0; round <= rounds; round++)
        {
            var totals = new Dictionary<DocumentType, (int Pages, double Ms)>();
            foreach (var (_, bytes, type) in files)
            {
                var started = Stopwatch.GetTimestamp();
                var document = extractor.Extract(bytes, type, ParseLimits.Default);
                var ms = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
                var sum = totals.GetValueOrDefault(type);
                totals[type] = (sum.Pages + document.PageCount, sum.Ms + ms);
            }

            if (round > 0)
                perRound.Add(totals); // round 0 warms up the JIT and PdfPig's caches
        }

        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"layout: {files.Count} files, {rounds} rounds after a warm-up, one thread{(pinned ? " pinned to CPU 0" : "")}"));
        var pdfMsPerPage = double.NaN;
        foreach (var type in perRound[0].Keys.Order())
        {
            var pages = perRound[0][type].Pages;
            var msPerPage = BenchMath.Median(perRound.Select(r => r[type].Ms / r[type].Pages));
            if (type == DocumentType.Pdf)
                pdfMsPerPage = msPerPage;
            output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"  {type,-5} {pages,4} pages/round: median {msPerPage:0.00} ms/page = {1000 / msPerPage:0.0} pages/s per core"));
        }

        var pdfs = files.Where(f => f.Type == DocumentType.Pdf).Select(f => f.Path).ToList();
        if (pdfs.Count > 0 && PdftotextMsPerPage(pdfs, perRound[0].GetValueOrDefault(DocumentType.Pdf).Pages, rounds) is { } poppler)
        {
            output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"  pdftotext -layout: median {poppler:0.00} ms/page = {1000 / poppler:0.0} pages/s (one process per file, start-up included)"));
            output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"  ratio layout model / pdftotext per page: {pdfMsPerPage / poppler:0.00}×"));
        }
        else
        {
            output.WriteLine("  pdftotext not found (apt-get install poppler-utils): no comparison");
        }

        return 0;
    }

    private static double? PdftotextMsPerPage(List<string> pdfs, int pages, int rounds)
    {
        var samples = new List<double>();
        for (var round = 0; round <= rounds; round++)
        {
            var total = 0.0;
            foreach (var pdf in pdfs)
            {
                if (Pdftotext.RunOnceMs(pdf) is not { } ms)
                    return null;
                total += ms;
            }

            if (round > 0)
                samples.Add(total / pages);
        }

        return BenchMath.Median(samples);
    }

}
