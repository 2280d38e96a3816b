using System.Diagnostics;
using ParseJobs.Api.Tests.Batches.Report;
using UglyToad.PdfPig;

namespace ParseJobs.Api.Tests.Ats.Pdf;

/// <summary>What a rendered PDF says: its pages' text (PdfPig) and its first page as pixels (poppler's pdftoppm).</summary>
internal static class ProfilePdfFiles
{
    /// <summary>Each page's text without whitespace, so that a phrase is found however the PDF spaced its words.</summary>
    public static IReadOnlyList<string> PageTexts(byte[] pdf)
    {
        using var document = PdfDocument.Open(pdf);
        return [.. document.GetPages().Select(p => Squash(p.Text))];
    }

    public static string Text(byte[] pdf) => string.Concat(PageTexts(pdf));

    public static string Squash(string text) => string.Concat(text.Where(c => !char.IsWhiteSpace(c)));

    /// <summary>The pages that contain the phrase, in any case (headings are printed in capitals).</summary>
    public static List<int> PagesWith(IReadOnlyList<string> pages, string phrase) =>
        [.. Enumerable.Range(0, pages.Count).Where(i => pages[i].Contains(Squash(phrase), StringComparison.OrdinalIgnoreCase))];

    public static (double Width, double Height) PageSize(byte[] pdf, int page = 1)
    {
        using var document = PdfDocument.Open(pdf);
        var p = document.GetPage(page);
        return (p.Width, p.Height);
    }

    /// <summary>The first page as a PNG at 60 dpi (<c>pdftoppm -png -r 60 -f 1 -l 1</c>), optionally cropped to the
    /// top <paramref name="cropHeight"/> pixels.</summary>
    public static byte[] FirstPagePng(byte[] pdf, string outputPrefix, int? cropHeight = null)
    {
        var pdfFile = outputPrefix + ".pdf";
        File.WriteAllBytes(pdfFile, pdf);
        var start = new ProcessStartInfo("pdftoppm") { RedirectStandardError = true, UseShellExecute = false };
        foreach (var arg in new[] { "-png", "-r", "60", "-f", "1", "-l", "1", "-singlefile" })
        {
            start.ArgumentList.Add(arg);
        }

        if (cropHeight is { } height)
        {
            foreach (var arg in new[] { "-x", "0", "-y", "0", "-W", "496", "-H", height.ToString(System.Globalization.CultureInfo.InvariantCulture) })
            {
                start.ArgumentList.Add(arg);
            }
        }

        start.ArgumentList.Add(pdfFile);
        start.ArgumentList.Add(outputPrefix);
        using var process = Process.Start(start) ?? throw new InvalidOperationException("pdftoppm did not start");
        var stderr = process.StandardError.ReadToEnd();
        Assert.True(process.WaitForExit(30_000), "pdftoppm did not finish");
        Assert.True(process.ExitCode == 0, $"pdftoppm failed ({process.ExitCode}): {stderr}; scripts/test-tools.sh installs poppler-utils");
        return File.ReadAllBytes(outputPrefix + ".png");
    }

    public static PngPixels Pixels(byte[] png) => PngPixels.Decode(png);
}
