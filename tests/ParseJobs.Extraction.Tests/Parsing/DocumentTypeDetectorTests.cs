using System.Text;
using ParseJobs.Extraction.Parsing;

namespace ParseJobs.Extraction.Tests.Parsing;

public sealed class DocumentTypeDetectorTests
{
    [Fact]
    public void Detect_ReturnsPdf_WhenHeaderFollowsJunk()
    {
        var bytes = Encoding.ASCII.GetBytes(new string('x', 500) + "%PDF-1.7\n");

        Assert.Equal(DocumentType.Pdf, DocumentTypeDetector.Detect(bytes));
    }

    [Fact]
    public void Detect_ReturnsNull_WhenPdfHeaderIsBeyondTheJunkWindow()
    {
        var bytes = new byte[2000];
        Encoding.ASCII.GetBytes("%PDF-1.7").CopyTo(bytes, 1500);

        Assert.Null(DocumentTypeDetector.Detect(bytes));
    }

    [Fact]
    public void Detect_ReturnsDocx_WhenZipHoldsWordDocument()
    {
        Assert.Equal(DocumentType.Docx, DocumentTypeDetector.Detect(TestFiles.Docx()));
        Assert.Equal(DocumentType.Docx, DocumentTypeDetector.Detect((ReadOnlySpan<byte>)TestFiles.Docx()));
    }

    [Fact]
    public void Detect_ReturnsNull_WhenZipIsNoWordDocument()
    {
        var zip = TestFiles.Zip(("content.xml", TestFiles.Utf8("<x/>")));

        Assert.Null(DocumentTypeDetector.Detect(zip));
    }

    [Fact]
    public void Detect_ReturnsNull_WhenBytesArePng()
    {
        byte[] png = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 0x0D, 0x49, 0x48, 0x44, 0x52];

        Assert.Null(DocumentTypeDetector.Detect(png));
    }

    [Fact]
    public void Detect_ReturnsNull_WhenBytesAreRandom()
    {
        var bytes = new byte[4096];
        new Random(42).NextBytes(bytes);

        Assert.Null(DocumentTypeDetector.Detect(bytes));
    }

    [Theory]
    [InlineData("utf-8")]
    [InlineData("utf-16")]
    [InlineData("utf-16BE")]
    public void Detect_ReturnsTxt_WhenBytesAreText(string encodingName)
    {
        var encoding = Encoding.GetEncoding(encodingName);
        var bytes = encoding.GetPreamble().Concat(encoding.GetBytes("Jürg Müller\nSoftware Engineer\n")).ToArray();

        Assert.Equal(DocumentType.Txt, DocumentTypeDetector.Detect(bytes));
    }

    [Fact]
    public void Detect_ReturnsTxt_WhenBytesAreWindows1252()
    {
        byte[] bytes = [.. Encoding.ASCII.GetBytes("Z"), 0xFC, .. Encoding.ASCII.GetBytes("rich \u0080 "), 0x93, 0x94, 0x0D, 0x0A];

        Assert.Equal(DocumentType.Txt, DocumentTypeDetector.Detect(bytes));
    }
}
