using ParseJobs.Extraction.Parsing;

namespace ParseJobs.Extraction.Tests.Parsing;

/// <summary>The reading-order text of DOCX documents, as the CV pipeline reads it.</summary>
public sealed class DocxTextTests
{
    private readonly DocumentTextExtractor extractor = new();

    private ExtractedDocument Extract(byte[] content, ParseLimits limits, IProgress<PageProgress>? progress = null) =>
        extractor.Extract(content, DocumentType.Docx, limits, progress);

    [Fact]
    public void Extract_ReadsHeaderParagraphsTableAndTextBoxInOrder_WhenDocumentIsValid()
    {
        var document = Extract(TestFiles.Docx(), ParseLimits.Default);

        Assert.Equal(
            [
                "Confidential CV",
                "Anna Muster",
                "Experience",
                "Led a team of four", // a ListItem segment: the marker is layout, not text
                "2019 – 2021\tSoftware Engineer",
                "2016 – 2019\tJunior Developer",
                "Boxed contact: anna@example.com",
                "Languages",
            ],
            document.Text.Split('\n'));
    }

    [Fact]
    public void Extract_ThrowsTooComplex_WhenEntryIsACompressionBomb()
    {
        var bomb = TestFiles.Zip(("word/document.xml", new byte[20 * 1024 * 1024]));

        var ex = Assert.Throws<DocumentParseException>(() => Extract(bomb, ParseLimits.Default));

        Assert.Equal(ParseErrorCodes.DocumentTooComplex, ex.Code);
    }

    [Fact]
    public void Extract_ThrowsTooComplex_WhenPackageHasTooManyEntries()
    {
        var entries = Enumerable.Range(0, 30).Select(i => ($"word/part{i}.xml", TestFiles.Utf8("<x/>"))).ToArray();

        var ex = Assert.Throws<DocumentParseException>(() =>
            Extract(TestFiles.Zip(entries), ParseLimits.Default with { MaxPackageEntries = 20 }));

        Assert.Equal(ParseErrorCodes.DocumentTooComplex, ex.Code);
    }

    [Fact]
    public void Extract_ThrowsTooComplex_WhenDeclaredSizesExceedLimit()
    {
        var ex = Assert.Throws<DocumentParseException>(() =>
            Extract(TestFiles.Docx(), ParseLimits.Default with { MaxUncompressedBytes = 100 }));

        Assert.Equal(ParseErrorCodes.DocumentTooComplex, ex.Code);
    }

    [Fact]
    public void Extract_ThrowsEncrypted_WhenFileIsAnOleCompoundFile()
    {
        byte[] ole = [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1, .. new byte[504]];

        var ex = Assert.Throws<DocumentParseException>(() => Extract(ole, ParseLimits.Default));

        Assert.Equal(ParseErrorCodes.DocumentEncrypted, ex.Code);
    }

    [Fact]
    public void Extract_ThrowsCorrupt_WhenZipIsTruncated()
    {
        var docx = TestFiles.Docx();

        var ex = Assert.Throws<DocumentParseException>(() => Extract(docx[..(docx.Length / 2)], ParseLimits.Default));

        Assert.Equal(ParseErrorCodes.DocumentCorrupt, ex.Code);
    }

    [Fact]
    public void Extract_ThrowsCorrupt_WhenDocumentXmlIsBroken()
    {
        var zip = TestFiles.Zip(("[Content_Types].xml", TestFiles.Utf8("<Types/>")), ("word/document.xml", TestFiles.Utf8("<w:document><unclosed>")));

        var ex = Assert.Throws<DocumentParseException>(() => Extract(zip, ParseLimits.Default));

        Assert.Equal(ParseErrorCodes.DocumentCorrupt, ex.Code);
    }
}
