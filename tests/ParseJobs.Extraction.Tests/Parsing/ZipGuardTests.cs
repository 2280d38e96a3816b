using System.IO.Compression;
using ParseJobs.Extraction.Parsing;

namespace ParseJobs.Extraction.Tests.Parsing;

/// <summary>The ZIP checks shared by DOCX, XLSX and ZIP uploads.</summary>
public sealed class ZipGuardTests
{
    private static readonly ZipLimits Limits = new();

    private static DocumentParseException Rejected(byte[] zip, ZipLimits? limits = null) =>
        Assert.Throws<DocumentParseException>(() => ZipGuard.Check(zip, limits ?? Limits));

    [Fact]
    public void Check_Accepts_WhenArchiveIsOrdinary()
    {
        var zip = TestFiles.Zip(("cvs/anna.txt", TestFiles.Utf8("Anna")), ("cvs/ben.txt", TestFiles.Utf8("Ben")));

        ZipGuard.Check(zip, Limits);
        using var stream = new MemoryStream(zip);
        ZipGuard.Check(stream, Limits);

        Assert.True(stream.CanRead); // left open for the caller
    }

    [Fact]
    public void Check_FailsTooComplex_WhenAnEntryIsACompressionBomb()
    {
        var bomb = TestFiles.Zip(("cv.txt", new byte[50 * 1024 * 1024]));

        Assert.Equal(ParseErrorCodes.DocumentTooComplex, Rejected(bomb).Code);
    }

    [Fact]
    public void Check_FailsTooComplex_WhenTheArchiveExpandsBeyondTheBudget()
    {
        var zip = TestFiles.Zip(("a.txt", new byte[40_000]), ("b.txt", new byte[40_000]));

        Assert.Equal(ParseErrorCodes.DocumentTooComplex, Rejected(zip, Limits with { MaxUncompressedBytes = 50_000 }).Code);
    }

    [Fact]
    public void Check_FailsTooComplex_WhenThereAreTooManyEntries()
    {
        var zip = TestFiles.Zip([.. Enumerable.Range(0, 11).Select(i => ($"cv{i}.txt", TestFiles.Utf8("x")))]);

        var ex = Rejected(zip, Limits with { MaxEntries = 10 });

        Assert.Equal(ParseErrorCodes.DocumentTooComplex, ex.Code);
        Assert.Contains("11 entries", ex.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("../evil.sh")]
    [InlineData("cvs/../../evil.sh")]
    [InlineData("cvs\\..\\..\\evil.sh")]
    [InlineData("/etc/passwd")]
    [InlineData("C:/Windows/evil.dll")]
    [InlineData("cv\0.pdf")]
    [InlineData("cv\n.pdf")]
    public void Check_FailsCorrupt_WhenAnEntryNameIsUnsafe(string name)
    {
        var zip = TestFiles.Zip(("ok.txt", TestFiles.Utf8("x")), (name, TestFiles.Utf8("x")));

        var ex = Rejected(zip);

        Assert.Equal(ParseErrorCodes.DocumentCorrupt, ex.Code);
        Assert.StartsWith("Entry 2 of the archive has an unsafe name", ex.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("evil", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Check_FailsCorruptWithAShortMessage_WhenAnEntryNameIsHuge()
    {
        var zip = TestFiles.Zip(("word/" + new string('A', 3000) + ".xml", TestFiles.Utf8("x")));

        var ex = Rejected(zip);

        Assert.Equal(ParseErrorCodes.DocumentCorrupt, ex.Code);
        Assert.InRange(ex.Message.Length, 1, 200);
    }

    [Fact]
    public void Check_FailsCorrupt_WhenTwoEntriesShareAName()
    {
        using var stream = new MemoryStream();
        using (var zip = new ZipArchive(stream, ZipArchiveMode.Create, leaveOpen: true))
        {
            zip.CreateEntry("cv.pdf");
            zip.CreateEntry("cv.pdf");
        }

        Assert.Equal(ParseErrorCodes.DocumentCorrupt, Rejected(stream.ToArray()).Code);
    }

    [Fact]
    public void Check_FailsCorrupt_WhenTheBytesAreNotAZip()
    {
        Assert.Equal(ParseErrorCodes.DocumentCorrupt, Rejected("not a zip at all"u8.ToArray()).Code);
    }

    [Theory]
    [InlineData("word/document.xml")]
    [InlineData("cvs/anna müller.pdf")]
    [InlineData("a..b/c.txt")]
    [InlineData("dir/")]
    public void UnsafeNameReason_IsNull_WhenTheNameIsAnOrdinaryRelativePath(string name)
    {
        Assert.Null(ZipGuard.UnsafeNameReason(name));
    }
}
