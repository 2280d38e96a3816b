using UglyToad.PdfPig;
using UglyToad.PdfPig.Content;
using UglyToad.PdfPig.Core;
using UglyToad.PdfPig.DocumentLayoutAnalysis;
using UglyToad.PdfPig.Fonts.Standard14Fonts;
using UglyToad.PdfPig.Writer;

namespace ParseJobs.Extraction.Tests.Documents.Pdf;

/// <summary>Words placed at PDF positions (points from the bottom-left corner, Helvetica or Helvetica-Bold), read
/// back with PdfPig, for layout rules that start from words, lines and blocks.</summary>
internal static class PlacedWords
{
    public static List<Word> Words(params (double X, double Y, double Size, string Text)[] runs) => Words(bold: [], runs);

    /// <summary>Each run's words; the runs whose index is in <paramref name="bold"/> are set in Helvetica-Bold.</summary>
    public static List<Word> Words(int[] bold, params (double X, double Y, double Size, string Text)[] runs)
    {
        using var document = PdfDocument.Open(Pdf(bold, runs));
        return document.GetPage(1).GetWords().ToList();
    }

    /// <summary>The PDF itself, for tests that run the whole layout analysis.</summary>
    public static byte[] Pdf(int[] bold, params (double X, double Y, double Size, string Text)[] runs)
    {
        var builder = new PdfDocumentBuilder();
        var regular = builder.AddStandard14Font(Standard14Font.Helvetica);
        var heavy = builder.AddStandard14Font(Standard14Font.HelveticaBold);
        var page = builder.AddPage(PageSize.A4);
        for (var i = 0; i < runs.Length; i++)
            page.AddText(runs[i].Text, runs[i].Size, new PdfPoint(runs[i].X, runs[i].Y), bold.Contains(i) ? heavy : regular);
        return builder.Build();
    }

    /// <summary>Words of one row at 10 pt, each drawn alone and followed by the given gap in points (a justified line,
    /// chips), as PdfPig reads them back.</summary>
    public static List<Word> Row(double x, double y, params (string Word, double GapAfter)[] words)
    {
        var builder = new PdfDocumentBuilder();
        var font = builder.AddStandard14Font(Standard14Font.Helvetica);
        var page = builder.AddPage(PageSize.A4);
        foreach (var (word, gap) in words)
        {
            var letters = page.AddText(word, 10, new PdfPoint(x, y), font);
            x = letters[^1].EndBaseLine.X + gap;
        }

        using var document = PdfDocument.Open(builder.Build());
        return document.GetPage(1).GetWords().OrderBy(w => w.BoundingBox.Left).ToList();
    }

    /// <summary>One line per run of words sharing a baseline, left to right; lines top to bottom.</summary>
    public static List<TextLine> Lines(IEnumerable<Word> words) =>
        words.GroupBy(w => Math.Round(w.Letters[0].StartBaseLine.Y, 1))
            .OrderByDescending(g => g.Key)
            .Select(g => new TextLine(g.OrderBy(w => w.BoundingBox.Left).ToList(), " "))
            .ToList();

    public static TextBlock Block(IEnumerable<Word> words) => new(Lines(words), "\n");
}
