using ParseJobs.Extraction.Documents.Pdf;
using UglyToad.PdfPig.Content;
using UglyToad.PdfPig.DocumentLayoutAnalysis;

namespace ParseJobs.Extraction.Tests.Documents.Pdf;

/// <summary>A contact sidebar that Docstrum put into one block with the entries beside it is cut from them at the
/// content column's edge; label | value rows, date columns and headings hanging left of their entries are not.</summary>
public sealed class SidebarSplitTests
{
    private const double Edge = 170;

    private static readonly string[] Entries =
        ["Engineer, Acme Ltd, Springfield.", "Ran the nightly builds.", "Wrote the release notes.", "Analyst, Beta Ltd, Shelbyville.", "Counted the beans.", "Audited the ledgers."];

    [Fact]
    public void Apply_CutsSidebarFromContent_WhenRowsOfBothColumnsWereJoined()
    {
        // Sidebar rows at 9 pt, entry rows at 10 pt a point and a half higher: Docstrum joined them row by row.
        var block = Joined(
            ["12 Hill Road", "4000 Springfield", "Utopia", "M 0123 456 789"],
            Entries,
            sidebarRise: -1.5);

        var blocks = SidebarSplit.Apply([block]);

        Assert.Equal(2, blocks.Count);
        Assert.Equal(["12 Hill Road", "4000 Springfield", "Utopia", "M 0123 456 789"], blocks[0].TextLines.Select(l => l.Text), StringComparer.Ordinal);
        Assert.Equal("Engineer, Acme Ltd, Springfield.", blocks[1].TextLines[0].Text);
        Assert.Equal(6, blocks[1].TextLines.Count);
    }

    [Fact]
    public void Apply_KeepsRows_WhenLabelsShareTheirValuesBaselines()
    {
        var block = Joined(
            ["Phone", "Email", "Address", "Nationality"],
            ["+41 79 555 01 23", "someone@example.org", "Hill Road 12, Springfield", "Utopian", "Born 1990 in Springfield", "Single"],
            sidebarRise: 0);

        Assert.Same(block, Assert.Single(SidebarSplit.Apply([block])));
    }

    [Fact]
    public void Apply_KeepsRows_WhenTheLeftColumnHoldsDates()
    {
        var block = Joined(
            ["2019 – 2023", "2016 – 2019", "since 2023", "2012 – 2016"],
            Entries,
            sidebarRise: -1.5);

        Assert.Same(block, Assert.Single(SidebarSplit.Apply([block])));
    }

    [Fact]
    public void IsSidebar_IsFalse_WhenLeftLinesAreHeadingsRunningPastTheEdge()
    {
        var headings = PlacedWords.Lines(PlacedWords.Words((120, 700, 14, "Professional Experience"), (120, 600, 14, "Education and Training"), (120, 500, 14, "Languages")));
        var contacts = PlacedWords.Lines(PlacedWords.Words((50, 700, 9, "12 Hill Road"), (50, 689, 9, "Springfield"), (50, 678, 9, "Utopia")));

        Assert.False(SidebarSplit.IsSidebar(headings, Edge));
        Assert.True(SidebarSplit.IsSidebar(contacts, Edge));
    }

    /// <summary>One block whose lines join sidebar row i and content row i (a content row alone below the sidebar).</summary>
    private static TextBlock Joined(string[] sidebar, string[] content, double sidebarRise)
    {
        var runs = new List<(double X, double Y, double Size, string Text)>();
        for (var i = 0; i < content.Length; i++)
        {
            var y = 700 - (12 * i);
            runs.Add((Edge, y, 10, content[i]));
            if (i < sidebar.Length)
                runs.Add((50, y + sidebarRise, 9, sidebar[i]));
        }

        var words = PlacedWords.Words([.. runs]);
        var lines = new List<TextLine>();
        for (var i = 0; i < content.Length; i++)
        {
            var y = 700 - (12 * i);
            var row = words.Where(w => Math.Abs(w.Letters[0].StartBaseLine.Y - y) < 2).OrderBy(w => w.BoundingBox.Left).ToList();
            lines.Add(new TextLine(row, " "));
        }

        return new TextBlock(lines, "\n");
    }
}
