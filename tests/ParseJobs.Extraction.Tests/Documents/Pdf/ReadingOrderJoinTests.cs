using ParseJobs.Extraction.Documents.Pdf;
using ParseJobs.Extraction.Parsing;
using PdfRectangle = UglyToad.PdfPig.Core.PdfRectangle;

namespace ParseJobs.Extraction.Tests.Documents.Pdf;

/// <summary>Text that belongs on one line although the word extractor or Docstrum put it apart, and text that is two
/// things although their glyphs touch.</summary>
public sealed class ReadingOrderJoinTests
{
    [Fact]
    public void ColumnOrder_JoinsDateToTheTitleBesideIt_WhenTheDateEndsTheBlockAbove()
    {
        var above = PlacedWords.Block(PlacedWords.Words((170, 700, 10, "Ran the nightly builds."), (170, 688, 10, "Wrote the release notes."), (420, 676, 10, "2018 – 2020")));
        var below = PlacedWords.Block(PlacedWords.Words((170, 676, 10, "Developer, Beta Ltd"), (170, 664, 10, "Built the tools."), (170, 652, 10, "Fixed the bugs.")));

        var lines = ReadingOrder.ColumnOrder([above, below]).SelectMany(g => g.Lines).Select(l => l.Text).ToList();

        Assert.Equal(["Ran the nightly builds.", "Wrote the release notes.", "Developer, Beta Ltd\t2018 – 2020", "Built the tools.", "Fixed the bugs."], lines, StringComparer.Ordinal);
    }

    [Fact]
    public void ColumnOrder_KeepsTheTitleWithItsEntry_WhenTheDateJoinsIt()
    {
        var above = PlacedWords.Block(PlacedWords.Words((170, 700, 10, "Ran the nightly builds."), (170, 688, 10, "Wrote the release notes."), (420, 676, 10, "2018 – 2020")));
        var below = PlacedWords.Block(PlacedWords.Words((170, 676, 10, "Developer, Beta Ltd"), (170, 664, 10, "Built the tools.")));

        var groups = ReadingOrder.ColumnOrder([above, below]);

        Assert.Equal(["Developer, Beta Ltd\t2018 – 2020", "Built the tools."], groups[^1].Lines.Select(l => l.Text), StringComparer.Ordinal);
    }

    [Fact]
    public void ColumnOrder_ReadsColumnsOneAfterTheOther_WhenTheHeaderBlockRunsOnIntoTheFirstHeading()
    {
        // Docstrum kept title, a contact line across the page and the left column's first heading as one block.
        var header = PlacedWords.Block(PlacedWords.Words((40, 760, 12, "Data Engineer"), (40, 745, 8, "someone@example.org   +1 555 0100   Springfield   example.org/someone"), (40, 725, 11, "Summary")));
        var left = Enumerable.Range(0, 4).Select(i => PlacedWords.Block(PlacedWords.Words(
            (40, 705 - (60 * i), 10, $"Paragraph {i} of the main column runs on across"), (40, 692 - (60 * i), 10, "the wide column with many more words in it"), (40, 679 - (60 * i), 10, "and ends on a third line of its own text")))).ToList();
        var right = Enumerable.Range(0, 4).Select(i => PlacedWords.Block(PlacedWords.Words((400, 712 - (50 * i), 9, $"Skill {i}: Python, SQL")))).ToList();

        var lines = ReadingOrder.ColumnOrder([header, .. left, .. right]).SelectMany(g => g.Lines).Select(l => l.Text).ToList();

        var lastLeft = lines.FindLastIndex(l => l.StartsWith("and ends", StringComparison.Ordinal));
        var firstRight = lines.FindIndex(l => l.StartsWith("Skill", StringComparison.Ordinal));
        Assert.Equal("Summary", lines[2]);
        Assert.True(firstRight > lastLeft, string.Join(" | ", lines));
    }

    [Fact]
    public void Index_PutsASidebarTableInItsColumn_WhenMainColumnEntriesStandAtItsHeight()
    {
        // Main column (x 40-300) read first, then the sidebar (x 360-560); a ruled table of tags sits in the sidebar
        // between "Strengths" and "Languages", beside the second entry of the main column.
        List<LineGroup> groups = [Group(40, 300, 700, "Engineer, Acme Ltd"), Group(40, 300, 500, "Analyst, Beta Ltd"),
            Group(360, 560, 700, "Strengths"), Group(360, 560, 400, "Languages")];
        var table = Group(360, 480, 520, "Patient\tCurious");

        Assert.Equal(3, TablePlacement.Index(groups, table));
    }

    [Fact]
    public void Index_GoesByHeight_WhenOneColumn()
    {
        List<LineGroup> groups = [Group(40, 500, 700, "Experience"), Group(40, 500, 500, "Education")];

        Assert.Equal(1, TablePlacement.Index(groups, Group(40, 400, 600, "Tool\tLevel")));
    }

    private static LineGroup Group(double left, double right, double top, string text) =>
        new([new PdfLine(text, new PdfRectangle(left, top - 10, right, top), [], 10, Bold: false, text.Length)], IsGrid: false);

    [Fact]
    public void Analyze_KeepsAHeadingWhole_WhenASidebarAddressRunsIntoIt()
    {
        // A long e-mail address at 9 pt runs under a bold 14 pt heading on the same baseline.
        var pdf = PlacedWords.Pdf([1], (90, 600, 9, "someone.long@example.org"), (170, 600, 14, "Experience"), (170, 580, 10, "Engineer, Acme Ltd"));

        var layout = new PdfLayoutAnalyzer().Analyze(pdf, ParseLimits.Default);

        var words = layout.Segments.SelectMany(s => s.Text.Split([' ', '\t', '\n'])).ToList();
        Assert.Contains("Experience", words, StringComparer.Ordinal);
    }

    [Fact]
    public void IsSizeBoundary_IsTrueOnlyForClearlyDifferentSizesInDifferentFonts()
    {
        var words = PlacedWords.Words([1], (50, 700, 9, "ab"), (100, 700, 14, "cd"), (150, 700, 10, "ef"));
        var (small, large, near) = (words[0].Letters[1], words[1].Letters[0], words[2].Letters[0]);

        Assert.True(ReadingOrder.IsSizeBoundary(small, large));
        Assert.False(ReadingOrder.IsSizeBoundary(small, near));
        Assert.False(ReadingOrder.IsSizeBoundary(small, words[0].Letters[0]));
    }

    [Fact]
    public void Separators_ReadsStretchedSpacesAsSpaces_WhenAJustifiedTitleEndsInADateCell()
    {
        // 0.6 em between words (0.75 after a comma), a date cell after 0.8 em with its own narrow spaces.
        var words = PlacedWords.Row(170, 700, ("Master", 6), ("of", 6), ("Arts,", 7.5), ("Example", 6), ("University,", 8), ("2019", 2.8), ("–", 2.8), ("2021", 0));

        var text = PdfLines.FromWords(words, tabs: true).Text;

        Assert.Equal("Master of Arts, Example University,\t2019 – 2021", text);
    }

    [Fact]
    public void Separators_KeepsTabs_WhenChipsStandAnEmApart()
    {
        var words = PlacedWords.Row(50, 700, ("Trail", 2.8), ("running", 10), ("Chess", 10), ("Baking", 10), ("Pottery", 0));

        Assert.Equal("Trail running\tChess\tBaking\tPottery", PdfLines.FromWords(words, tabs: true).Text);
    }

    [Fact]
    public void Separators_KeepsTabs_WhenCellsStandUnevenlyApart()
    {
        var words = PlacedWords.Row(50, 700, ("Python", 6), ("Go", 9), ("Rust", 6), ("SQL", 0));

        Assert.Equal("Python\tGo\tRust\tSQL", PdfLines.FromWords(words, tabs: true).Text);
    }
}
