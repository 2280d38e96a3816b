using System.Text;
using ParseJobs.Extraction.Parsing;

namespace ParseJobs.Extraction.Tests.Parsing;

/// <summary>The reading-order text of TXT documents, as the CV pipeline reads it.</summary>
public sealed class TxtTextTests
{
    private readonly DocumentTextExtractor extractor = new();

    private ExtractedDocument Extract(byte[] content, ParseLimits limits, IProgress<PageProgress>? progress = null) =>
        extractor.Extract(content, DocumentType.Txt, limits, progress);

    [Fact]
    public void Extract_DecodesUtf16_WhenBomIsPresent()
    {
        var bytes = Encoding.Unicode.GetPreamble().Concat(Encoding.Unicode.GetBytes("Jürg Müller\r\nZürich\r\n")).ToArray();

        var document = Extract(bytes, ParseLimits.Default);

        Assert.Equal("Jürg Müller\nZürich", document.Text);
        Assert.Equal(DocumentType.Txt, document.Type);
    }

    [Fact]
    public void Extract_DecodesWindows1252_WhenBytesAreNotUtf8()
    {
        byte[] bytes = [.. Encoding.ASCII.GetBytes("Z"), 0xFC, .. Encoding.ASCII.GetBytes("rich "), 0x80, (byte)'\r', (byte)'F', 0xE9, (byte)'e'];

        var document = Extract(bytes, ParseLimits.Default);

        Assert.Equal("Zürich €\nFée", document.Text);
    }

    [Fact]
    public void Extract_ThrowsEmptyDocument_WhenOnlyWhitespace()
    {
        var ex = Assert.Throws<DocumentParseException>(() => Extract(TestFiles.Utf8(" \r\n\t "), ParseLimits.Default));

        Assert.Equal(ParseErrorCodes.EmptyDocument, ex.Code);
    }
}
