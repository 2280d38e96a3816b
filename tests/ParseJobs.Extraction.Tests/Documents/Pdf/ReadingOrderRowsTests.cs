using ParseJobs.Extraction.Documents.Pdf;
using UglyToad.PdfPig.DocumentLayoutAnalysis;

namespace ParseJobs.Extraction.Tests.Documents.Pdf;

/// <summary>A Docstrum "line" that holds several rows is split into its rows by baseline (issue 9, round 2), so that the
/// page can still be read column by column instead of as plain rows across a sidebar.</summary>
public sealed class ReadingOrderRowsTests
{
    [Fact]
    public void SplitRows_RebuildsOneLinePerBaseline_WhenALineHoldsTwoRows()
    {
        // A larger run on the first row ("Engineer" at 14 pt) has other glyph boxes but the same baseline.
        var words = PlacedWords.Words((50, 700, 10, "Senior"), (86, 700, 14, "Engineer"), (50, 686, 10, "Acme"), (80, 686, 10, "AG"));
        var merged = new TextBlock([new TextLine(words, " ")], "\n");

        var split = ReadingOrder.SplitRows(merged);

        Assert.Equal(["Senior Engineer", "Acme AG"], split.TextLines.Select(l => l.Text), StringComparer.Ordinal);
    }

    [Fact]
    public void SplitRows_KeepsTheBlock_WhenEachLineIsOneRow()
    {
        var words = PlacedWords.Words((50, 700, 10, "Senior"), (86, 700, 10, "Engineer"));
        var block = new TextBlock([new TextLine(words, " ")], "\n");

        Assert.Same(block, ReadingOrder.SplitRows(block));
    }
}
