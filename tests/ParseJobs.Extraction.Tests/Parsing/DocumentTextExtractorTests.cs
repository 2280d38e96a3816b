using ParseJobs.Extraction.Parsing;

namespace ParseJobs.Extraction.Tests.Parsing;

public sealed class DocumentTextExtractorTests
{
    private readonly DocumentTextExtractor extractor = new();

    [Fact]
    public void Extract_CapsText_WhenLongerThanMaxTextCharacters()
    {
        var document = extractor.Extract(TestFiles.Utf8(new string('a', 100)), DocumentType.Txt, ParseLimits.Default with { MaxTextCharacters = 10 });

        Assert.Equal(new string('a', 10), document.Text);
    }

    [Fact]
    public void Extract_DispatchesByType_WhenPdf()
    {
        var document = extractor.Extract(TestFiles.Pdf([(50, 800, "Hello PDF")]), DocumentType.Pdf, ParseLimits.Default);

        Assert.Equal(DocumentType.Pdf, document.Type);
        Assert.Equal("Hello PDF", document.Text);
    }

    [Fact]
    public void Extract_ThrowsEmptyDocument_WhenNoBytes()
    {
        var ex = Assert.Throws<DocumentParseException>(() => extractor.Extract([], DocumentType.Docx, ParseLimits.Default));

        Assert.Equal(ParseErrorCodes.EmptyDocument, ex.Code);
    }
}
