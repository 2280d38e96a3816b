using ParseJobs.Extraction.Documents;
using ParseJobs.Extraction.Documents.Rendering;
using static ParseJobs.Extraction.Tests.Documents.LayoutTestFiles;

namespace ParseJobs.Extraction.Tests.Documents;

public sealed class SegmentRendererTests
{
    private static readonly TableData MergedTable = new(2, 3,
    [
        new TableCell(0, 0, "Years", RowSpan: 2),
        new TableCell(0, 1, "Role | Team", ColumnSpan: 2),
        new TableCell(1, 1, "Engineer"),
        new TableCell(1, 2, "R&D"),
    ]);

    [Theory]
    [InlineData(SegmentType.Title, 1, "# Anna Muster")]
    [InlineData(SegmentType.SectionHeader, 2, "## Anna Muster")]
    [InlineData(SegmentType.SectionHeader, 3, "### Anna Muster")]
    [InlineData(SegmentType.ListItem, null, "- Anna Muster")]
    [InlineData(SegmentType.Text, null, "Anna Muster")]
    public void Markdown_RendersBlockSyntax_WhenSegmentIsTextual(SegmentType type, int? level, string expected)
    {
        Assert.Equal(expected, SegmentRenderer.Markdown(Segment(type, "Anna Muster", level)));
    }

    [Fact]
    public void Markdown_KeepsLineBreaksAndEscapesMarkup_WhenParagraphHasSeveralLines()
    {
        var markdown = SegmentRenderer.Markdown(Segment(SegmentType.Text, "# not a heading\nC# *and* <b>F#</b>\n1. not a list\nsnake_case"));

        Assert.Equal("\\# not a heading  \nC# \\*and\\* \\<b\\>F#\\</b\\>  \n1\\. not a list  \nsnake\\_case", markdown);
    }

    [Fact]
    public void Markdown_RendersPipeTableWithEscapedPipes_WhenSegmentIsATable()
    {
        var markdown = SegmentRenderer.Markdown(Segment(SegmentType.Table, "Years\tRole | Team\nEngineer\tR&D", table: MergedTable));

        Assert.Equal("| Years | Role \\| Team |  |\n| --- | --- | --- |\n|  | Engineer | R&D |", markdown);
    }

    [Fact]
    public void Markdown_RendersPicturePlaceholder_WhenSegmentIsAPicture()
    {
        Assert.Equal("![picture](img_1)", SegmentRenderer.Markdown(Segment(SegmentType.Picture, "", imageId: "img_1")));
        Assert.Equal("![picture]()", SegmentRenderer.Markdown(Segment(SegmentType.Picture, "")));
    }

    [Theory]
    [InlineData(SegmentType.Title, 1, "<h1>Q&amp;A &lt;team&gt;</h1>")]
    [InlineData(SegmentType.SectionHeader, 3, "<h3>Q&amp;A &lt;team&gt;</h3>")]
    [InlineData(SegmentType.ListItem, null, "<li>Q&amp;A &lt;team&gt;</li>")]
    [InlineData(SegmentType.Text, null, "<p>Q&amp;A &lt;team&gt;</p>")]
    [InlineData(SegmentType.PageHeader, null, "<header>Q&amp;A &lt;team&gt;</header>")]
    [InlineData(SegmentType.PageFooter, null, "<footer>Q&amp;A &lt;team&gt;</footer>")]
    public void Html_EncodesTextInTheElementOfItsType_WhenSegmentIsTextual(SegmentType type, int? level, string expected)
    {
        Assert.Equal(expected, SegmentRenderer.Html(Segment(type, "Q&A <team>", level)));
    }

    [Fact]
    public void Html_JoinsLinesWithBreaks_WhenParagraphHasSeveralLines()
    {
        Assert.Equal("<p>one<br>two</p>", SegmentRenderer.Html(Segment(SegmentType.Text, "one\ntwo")));
    }

    [Fact]
    public void Html_RendersCellsWithColspanAndRowspan_WhenSegmentIsATable()
    {
        var html = SegmentRenderer.Html(Segment(SegmentType.Table, "", table: MergedTable));

        Assert.Equal(
            "<table><tr><td rowspan=\"2\">Years</td><td colspan=\"2\">Role | Team</td></tr><tr><td>Engineer</td><td>R&amp;D</td></tr></table>",
            html);
    }

    [Fact]
    public void Html_RendersImageWithAltText_WhenSegmentIsAPicture()
    {
        Assert.Equal("<img alt=\"picture\" data-image-id=\"img_1\">", SegmentRenderer.Html(Segment(SegmentType.Picture, "", imageId: "img_1")));
        Assert.Equal("<img alt=\"Logo &quot;ACME&quot;\">", SegmentRenderer.Html(Segment(SegmentType.Picture, "Logo \"ACME\"")));
    }

    [Fact]
    public void DocumentMarkdown_LeavesOutHeadersAndFootersAndSeparatesBlocks_WhenDocumentHasAllTypes()
    {
        var document = Document(
            Segment(SegmentType.PageHeader, "Confidential"),
            Segment(SegmentType.Title, "Anna Muster", 1),
            Segment(SegmentType.SectionHeader, "Skills", 2),
            Segment(SegmentType.ListItem, "C#"),
            Segment(SegmentType.ListItem, "SQL"),
            Segment(SegmentType.Text, "Closing words"),
            Segment(SegmentType.Picture, "", imageId: "img_1"),
            Segment(SegmentType.PageFooter, "Page 1"));

        var markdown = SegmentRenderer.DocumentMarkdown(document);

        Assert.Equal("# Anna Muster\n\n## Skills\n\n- C#\n- SQL\n\nClosing words\n\n![picture](img_1)\n", markdown);
    }
}
