using ParseJobs.Extraction.Documents.Pdf;

namespace ParseJobs.Extraction.Tests.Documents.Pdf;

public sealed class PdfTextRulesTests
{
    [Fact]
    public void Unligate_SpellsOutLigatures_WhenFontSetsThem()
    {
        Assert.Equal("Confluence office", PdfLines.Unligate("Con\uFB02uence o\uFB03ce"));
    }

    [Fact]
    public void Key_MatchesPageNumbers_WhenOnlyDigitsDiffer()
    {
        Assert.Equal(HeaderFooterDetector.Key("Page 1 of 3"), HeaderFooterDetector.Key("Page 12 of 3"));
        Assert.NotEqual(HeaderFooterDetector.Key("Page 1 of 3"), HeaderFooterDetector.Key("Chapter 1"), StringComparer.Ordinal);
    }

    [Theory]
    [InlineData("• Built a platform", 1.0)]
    [InlineData("- Led a team", 1.0)]
    [InlineData("1. First step", 0.8)]
    [InlineData("a) Option", 0.8)]
    [InlineData("2019 – 2021", 0.0)]
    [InlineData("e.g. this", 0.0)]
    public void Bullet_RecognisesGlyphsAndNumbering_WhenLineStartsAList(string line, double expected)
    {
        Assert.Equal(expected, SegmentClassifier.Bullet(line));
    }
}
