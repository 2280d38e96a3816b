using System.Text;
using ParseJobs.Extraction.Parsing;

namespace ParseJobs.Extraction.Tests.Parsing;

/// <summary>The reading-order text of PDF documents, as the CV pipeline reads it.</summary>
public sealed class PdfTextTests
{
    private readonly DocumentTextExtractor extractor = new();

    private ExtractedDocument Extract(byte[] content, ParseLimits limits, IProgress<PageProgress>? progress = null) =>
        extractor.Extract(content, DocumentType.Pdf, limits, progress);

    [Fact]
    public void Extract_ReturnsLinesTopToBottom_WhenOnePage()
    {
        var pdf = TestFiles.Pdf([(50, 800, "Anna Muster"), (50, 780, "Software Engineer"), (50, 760, "anna@example.com")]);

        var document = Extract(pdf, ParseLimits.Default);

        Assert.Equal(["Anna Muster", "Software Engineer", "anna@example.com"], document.Pages.Single().Text.Split('\n'));
    }

    [Fact]
    public void Extract_PartsCells_WhenARegularDateRunsIntoABoldTitleWithoutAGap()
    {
        // A narrow date cell whose last word touches the bold title beside it: the text layer has no space.
        var builder = new UglyToad.PdfPig.Writer.PdfDocumentBuilder();
        var regular = builder.AddStandard14Font(UglyToad.PdfPig.Fonts.Standard14Fonts.Standard14Font.Helvetica);
        var bold = builder.AddStandard14Font(UglyToad.PdfPig.Fonts.Standard14Fonts.Standard14Font.HelveticaBold);
        var page = builder.AddPage(UglyToad.PdfPig.Content.PageSize.A4);
        var date = page.AddText("April 2018 - Oktober", 10, new UglyToad.PdfPig.Core.PdfPoint(50, 700), regular);
        page.AddText("Verkaufsberaterin", 10, new UglyToad.PdfPig.Core.PdfPoint(date[^1].EndBaseLine.X, 700), bold);
        page.AddText("2021", 10, new UglyToad.PdfPig.Core.PdfPoint(50, 686), regular);
        page.AddText("Casali Logistica S.p.A., Torino", 10, new UglyToad.PdfPig.Core.PdfPoint(date[^1].EndBaseLine.X, 686), regular);

        var lines = Extract(builder.Build(), ParseLimits.Default).Text.Split('\n');

        Assert.Equal("April 2018 - Oktober\tVerkaufsberaterin", lines[0]);
    }

    [Fact]
    public void Extract_ReportsProgressPerPage_WhenSeveralPages()
    {
        var pdf = TestFiles.Pdf([(50, 800, "Page one text")], [(50, 800, "Page two text")], [(50, 800, "Page three text")]);
        var reports = new List<PageProgress>();

        var document = Extract(pdf, ParseLimits.Default, new SyncProgress(reports));

        Assert.Equal(3, document.PageCount);
        Assert.Equal("Page two text", document.Pages[1].Text);
        Assert.Equal([new PageProgress(1, 3), new PageProgress(2, 3), new PageProgress(3, 3)], reports);
    }

    [Fact]
    public void Extract_ReadsSidebarBeforeMainColumn_WhenTwoColumns()
    {
        var sidebar = new[] { "Contact", "Zurich", "Skills", "Python", "Docker", "Languages", "German", "English" }
            .Select((t, i) => (X: 40.0, Y: 760.0 - (i * 22), Text: t));
        var main = new[]
        {
            "Experience", "Senior Engineer at Example AG", "Built a data platform for the whole company.",
            "Led a team of four developers in Zurich.", "Education", "Master of Science in Computer Science",
            "ETH Zurich, 2012 to 2014", "Thesis on distributed systems and storage.",
        }.Select((t, i) => (X: 200.0, Y: 767.0 - (i * 22), Text: t));

        var text = Extract(TestFiles.Pdf([.. sidebar, .. main]), ParseLimits.Default).Text;

        var lines = text.Split('\n');
        Assert.Equal(16, lines.Length);
        Assert.Equal(["Contact", "Zurich", "Skills", "Python", "Docker", "Languages", "German", "English"], lines[..8]);
        Assert.Equal("Experience", lines[8]);
        Assert.Equal("Thesis on distributed systems and storage.", lines[^1]);
    }

    [Fact]
    public void Extract_ThrowsTooManyPages_WhenPageCountExceedsLimit()
    {
        var pdf = TestFiles.Pdf([(50, 800, "one")], [(50, 800, "two")], [(50, 800, "three")]);

        var ex = Assert.Throws<DocumentParseException>(() => Extract(pdf, ParseLimits.Default with { MaxPages = 2 }));

        Assert.Equal(ParseErrorCodes.TooManyPages, ex.Code);
    }

    [Fact]
    public void Extract_ThrowsNoTextLayer_WhenPagesHaveNoText()
    {
        var pdf = TestFiles.Pdf([], []);

        var ex = Assert.Throws<DocumentParseException>(() => Extract(pdf, ParseLimits.Default));

        Assert.Equal(ParseErrorCodes.NoTextLayer, ex.Code);
    }

    [Fact]
    public void Extract_ThrowsCorrupt_WhenBytesAreNoPdf()
    {
        var bytes = Encoding.ASCII.GetBytes("%PDF-1.7\nthis is not a pdf at all\n%%EOF");

        var ex = Assert.Throws<DocumentParseException>(() => Extract(bytes, ParseLimits.Default));

        Assert.Equal(ParseErrorCodes.DocumentCorrupt, ex.Code);
    }

    [Fact]
    public void Extract_ThrowsEncrypted_WhenTrailerHasEncryptDictionary()
    {
        var ex = Assert.Throws<DocumentParseException>(() => Extract(EncryptedPdf(), ParseLimits.Default));

        Assert.Equal(ParseErrorCodes.DocumentEncrypted, ex.Code);
    }

    /// <summary>A minimal PDF whose trailer points to a Standard security handler with a user password
    /// (the /U entry does not match the empty password).</summary>
    private static byte[] EncryptedPdf()
    {
        var hex32 = string.Concat(Enumerable.Repeat("AB", 32));
        string[] objects =
        [
            "<< /Type /Catalog /Pages 2 0 R >>",
            "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
            "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R >>",
            "<< /Length 8 >>\nstream\n(secret)\nendstream",
            $"<< /Filter /Standard /V 1 /R 2 /O <{hex32}> /U <{hex32}> /P -44 >>",
        ];
        var sb = new StringBuilder("%PDF-1.4\n");
        var offsets = new List<int>();
        for (var i = 0; i < objects.Length; i++)
        {
            offsets.Add(sb.Length);
            sb.Append(i + 1).Append(" 0 obj\n").Append(objects[i]).Append("\nendobj\n");
        }

        var xref = sb.Length;
        sb.Append("xref\n0 ").Append(objects.Length + 1).Append("\n0000000000 65535 f \n");
        foreach (var offset in offsets)
            sb.Append(offset.ToString("D10", System.Globalization.CultureInfo.InvariantCulture)).Append(" 00000 n \n");
        sb.Append("trailer\n<< /Size ").Append(objects.Length + 1)
            .Append(" /Root 1 0 R /Encrypt 5 0 R /ID [<0123456789ABCDEF0123456789ABCDEF> <0123456789ABCDEF0123456789ABCDEF>] >>\nstartxref\n")
            .Append(xref).Append("\n%%EOF\n");
        return Encoding.ASCII.GetBytes(sb.ToString());
    }

    /// <summary>Progress&lt;T&gt; posts to the thread pool; tests need the reports in order, at once.</summary>
    private sealed class SyncProgress(List<PageProgress> reports) : IProgress<PageProgress>
    {
        public void Report(PageProgress value) => reports.Add(value);
    }
}
