using System.Text;
using ParseJobs.Extraction.Documents;
using ParseJobs.Extraction.Documents.Txt;
using ParseJobs.Extraction.Parsing;

namespace ParseJobs.Extraction.Tests.Documents;

public sealed class TxtLayoutReaderTests
{
    private readonly TxtLayoutReader reader = new();

    [Fact]
    public void Read_TypesHeadingsListsAndParagraphs_WhenTextUsesPlainConventions()
    {
        var text = """
            Anna Muster
            ===========
            Software engineer in Zurich
            anna@example.com

            EXPERIENCE
            ACME AG, 2019 – 2021
            Built the billing system

            Skills:
            - C#
            * PostgreSQL and
              Hangfire
            • Docker
            1. First step
            2) Second step

            Education
            ---------
            ETH Zurich

            ## Languages
            German, English
            """;

        var document = reader.Read(TestFiles.Utf8(text), ParseLimits.Default);

        Assert.Equal(
            [
                (SegmentType.Title, "Anna Muster", (int?)1),
                (SegmentType.Text, "Software engineer in Zurich\nanna@example.com", null),
                (SegmentType.SectionHeader, "EXPERIENCE", 2),
                (SegmentType.Text, "ACME AG, 2019 – 2021\nBuilt the billing system", null),
                (SegmentType.SectionHeader, "Skills:", 2),
                (SegmentType.ListItem, "C#", null),
                (SegmentType.ListItem, "PostgreSQL and\nHangfire", null),
                (SegmentType.ListItem, "Docker", null),
                (SegmentType.ListItem, "First step", null),
                (SegmentType.ListItem, "Second step", null),
                (SegmentType.SectionHeader, "Education", 3),
                (SegmentType.Text, "ETH Zurich", null),
                (SegmentType.SectionHeader, "Languages", 3),
                (SegmentType.Text, "German, English", null),
            ],
            document.Segments.Select(s => (s.Type, s.Text, s.Level)));
    }

    [Fact]
    public void Read_KeepsCapsLineInParagraph_WhenItDoesNotOpenABlock()
    {
        var document = reader.Read(TestFiles.Utf8("Worked for\nACME GMBH\nin Berlin"), ParseLimits.Default);

        var segment = Assert.Single(document.Segments);
        Assert.Equal(SegmentType.Text, segment.Type);
        Assert.Equal("Worked for\nACME GMBH\nin Berlin", segment.Text);
    }

    [Fact]
    public void Read_MakesAllSectionHeaders_WhenSeveralTopLevelHeadingsExist()
    {
        var document = reader.Read(TestFiles.Utf8("# Experience\nACME\n\n# Education\nETH"), ParseLimits.Default);

        Assert.Equal([SegmentType.SectionHeader, SegmentType.Text, SegmentType.SectionHeader, SegmentType.Text], document.Segments.Select(s => s.Type));
        Assert.Equal([2, null, 2, null], document.Segments.Select(s => s.Level));
    }

    [Fact]
    public void Read_DecodesWindows1252AndUtf16_AsTheTextExtractorDoes()
    {
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        var latin = Encoding.GetEncoding(1252).GetBytes("Zürich café");
        var utf16 = Encoding.Unicode.GetPreamble().Concat(Encoding.Unicode.GetBytes("Zürich café")).ToArray();

        Assert.Equal("Zürich café", Assert.Single(reader.Read(latin, ParseLimits.Default).Segments).Text);
        Assert.Equal("Zürich café", Assert.Single(reader.Read(utf16, ParseLimits.Default).Segments).Text);
    }

    [Fact]
    public void Read_StacksApproximateBoxesWithSequentialIds_WhenRead()
    {
        var document = reader.Read(TestFiles.Utf8("SUMMARY\nOne line\n\n- item\n\nClosing"), ParseLimits.Default);

        Assert.True(document.ApproximateBoxes);
        Assert.Equal(DocumentType.Txt, document.Type);
        Assert.Equal(["seg_1", "seg_2", "seg_3", "seg_4"], document.Segments.Select(s => s.Id).ToArray());
        Assert.True(document.Segments.Zip(document.Segments.Skip(1)).All(p => p.First.Box.Bottom <= p.Second.Box.Top));
        Assert.All(document.Segments, s => Assert.Equal(1, s.PageNumber));
    }

    [Fact]
    public void Read_ThrowsEmpty_WhenTextIsOnlyWhitespace()
    {
        var ex = Assert.Throws<DocumentParseException>(() => reader.Read(TestFiles.Utf8(" \n\t\n"), ParseLimits.Default));

        Assert.Equal(ParseErrorCodes.EmptyDocument, ex.Code);
    }

    [Fact]
    public void Read_CutsTheOverflowingBlockDropsLaterOnesAndWarns_WhenTextExceedsTheCharacterLimit()
    {
        var document = reader.Read(TestFiles.Utf8("First paragraph\n\nSecond paragraph\n\nThird paragraph"), ParseLimits.Default with { MaxTextCharacters = 20 });

        Assert.Equal(["First paragraph", "Secon"], document.Segments.Select(s => s.Text).ToArray());
        Assert.Equal("TEXT_TRUNCATED", Assert.Single(document.Warnings).Code);
    }

    [Fact]
    public void Read_KeepsTheFirstSegments_AndWarns_WhenATextHasMoreParagraphsThanTheSegmentLimit()
    {
        // Security review M4: 200,000 two-character paragraphs made a 63 MB result from an 800 KB upload.
        var text = string.Join("\n\n", Enumerable.Range(0, 200_000).Select(i => $"p{i % 10}"));

        var document = reader.Read(TestFiles.Utf8(text), ParseLimits.Default with { MaxSegments = 1_000 });

        Assert.Equal(1_000, document.Segments.Count);
        Assert.Equal("TEXT_TRUNCATED", Assert.Single(document.Warnings).Code);
    }
}
