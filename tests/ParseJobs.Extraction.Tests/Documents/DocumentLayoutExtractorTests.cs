using ParseJobs.Extraction.Documents;
using ParseJobs.Extraction.Parsing;

namespace ParseJobs.Extraction.Tests.Documents;

public sealed class DocumentLayoutExtractorTests
{
    private readonly DocumentLayoutExtractor extractor = new();

    [Fact]
    public void Extract_ReadsDocxLayout_WhenTypeIsDocx()
    {
        var document = extractor.Extract(LayoutTestFiles.CvDocx(), DocumentType.Docx, ParseLimits.Default);

        Assert.Equal(DocumentType.Docx, document.Type);
        Assert.Contains(document.Segments, s => s.Type == SegmentType.Table);
    }

    [Fact]
    public void Extract_ReadsTxtLayout_WhenTypeIsTxt()
    {
        var document = extractor.Extract(TestFiles.Utf8("SKILLS\n- C#"), DocumentType.Txt, ParseLimits.Default);

        Assert.Equal([SegmentType.SectionHeader, SegmentType.ListItem], document.Segments.Select(s => s.Type));
    }

    [Fact]
    public void Extract_ReadsPdfText_WhenTypeIsPdf()
    {
        var pdf = TestFiles.Pdf([(72, 760, "Anna Muster"), (72, 700, "Experience")]);

        var document = extractor.Extract(pdf, DocumentType.Pdf, ParseLimits.Default);

        Assert.Equal(DocumentType.Pdf, document.Type);
        Assert.Contains("Anna Muster", string.Join('\n', document.Segments.Select(s => s.Text)), StringComparison.Ordinal);
    }

    [Fact]
    public void Extract_ThrowsEmpty_WhenContentIsEmpty()
    {
        var ex = Assert.Throws<DocumentParseException>(() => extractor.Extract([], DocumentType.Docx, ParseLimits.Default));

        Assert.Equal(ParseErrorCodes.EmptyDocument, ex.Code);
    }

    [Fact]
    public void Extract_ThrowsUnsupported_WhenTypeIsUnknown()
    {
        var ex = Assert.Throws<DocumentParseException>(() => extractor.Extract([1, 2, 3], (DocumentType)42, ParseLimits.Default));

        Assert.Equal(ParseErrorCodes.UnsupportedType, ex.Code);
    }

    [Fact]
    public void Extract_KeepsTheExtractedText_WhenLayoutIsFlattenedForTheCvExtractor()
    {
        var document = extractor.Extract(LayoutTestFiles.CvDocx(), DocumentType.Docx, ParseLimits.Default);

        var text = document.ToExtractedDocument().Text;

        Assert.StartsWith("Confidential CV\nAnna Muster\nExperience\nLed a team of four", text, StringComparison.Ordinal);
    }
}
