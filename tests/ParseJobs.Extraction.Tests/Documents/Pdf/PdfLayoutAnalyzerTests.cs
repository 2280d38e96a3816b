using ParseJobs.Extraction.Documents;
using ParseJobs.Extraction.Documents.Pdf;
using ParseJobs.Extraction.Parsing;
using UglyToad.PdfPig.Core;
using UglyToad.PdfPig.Writer;

namespace ParseJobs.Extraction.Tests.Documents.Pdf;

public sealed class PdfLayoutAnalyzerTests
{
    private const string Style = "<style>@page { size: A4; margin: 20mm } body { font-family: 'Liberation Sans', Arial, sans-serif; font-size: 11pt; }</style>";

    private readonly PdfLayoutAnalyzer analyzer = new();

    [Fact]
    public void Analyze_ReturnsTitleHeadersAndListItemsInOrder_WhenOneColumn()
    {
        var pdf = ChromiumPdf.FromHtml($"""
            <html><head>{Style}</head><body>
            <h1 style="font-size:26pt">Anna Muster</h1>
            <p>Software engineer with ten years of experience in distributed systems and data platforms.</p>
            <h2 style="font-size:16pt">Experience</h2>
            <p>Senior Engineer at Example AG, Zurich, building the company data platform.</p>
            <ul><li>Built a streaming platform with Kafka.</li><li>Led a team of four developers.</li></ul>
            <h2 style="font-size:16pt">Education</h2>
            <p>Master of Science in Computer Science, ETH Zurich.</p>
            </body></html>
            """);

        var layout = analyzer.Analyze(pdf, ParseLimits.Default);

        var page = Assert.Single(layout.Pages);
        Assert.InRange(page.Width, 590, 600);
        Assert.InRange(page.Height, 838, 846);
        Assert.Equal(Enumerable.Range(1, layout.Segments.Count).Select(i => $"seg_{i}"), layout.Segments.Select(s => s.Id), StringComparer.Ordinal);
        var title = Assert.Single(layout.Segments, s => s.Type == SegmentType.Title);
        Assert.Equal("Anna Muster", title.Text);
        Assert.Equal(1, title.Level);
        Assert.InRange(title.Box.Top, 40, 120);
        var headers = layout.Segments.Where(s => s.Type == SegmentType.SectionHeader).Select(s => s.Text).ToList();
        Assert.Equal(["Experience", "Education"], headers);
        var items = layout.Segments.Where(s => s.Type == SegmentType.ListItem).Select(s => s.Text).ToList();
        Assert.Equal(2, items.Count);
        Assert.Contains("Kafka", items[0], StringComparison.Ordinal);
        Assert.Contains("four developers", items[1], StringComparison.Ordinal);
        var order = layout.Segments.Select(s => s.Text).ToList();
        Assert.True(order.FindIndex(t => t == "Experience") < order.FindIndex(t => t.Contains("Kafka", StringComparison.Ordinal)));
        Assert.True(order.FindIndex(t => t.Contains("four developers", StringComparison.Ordinal)) < order.FindIndex(t => t == "Education"));
        Assert.Empty(layout.Warnings);
    }

    [Fact]
    public void Analyze_ReadsLeftColumnBeforeRightColumn_WhenTwoColumns()
    {
        // Paragraphs of different lengths, as in running text: side by side rows of equal blocks read as a grid.
        var left = string.Join("", Enumerable.Range(1, 5).Select(i => $"<p>Left column paragraph {i} talks about the first topic{string.Concat(Enumerable.Repeat(" and goes on", i * 3))}.</p>"));
        var right = string.Join("", Enumerable.Range(1, 5).Select(i => $"<p>Right column paragraph {i} covers another subject{string.Concat(Enumerable.Repeat(" at length", 16 - (i * 3)))}.</p>"));
        var pdf = ChromiumPdf.FromHtml($"""
            <html><head>{Style}</head><body>
            <div style="display:flex; gap:40px"><div style="width:45%">{left}</div><div style="width:45%">{right}</div></div>
            </body></html>
            """);

        var text = analyzer.Analyze(pdf, ParseLimits.Default).Segments.Select(s => s.Text).ToList();

        var lines = string.Join('\n', text).Split('\n');
        var lastLeft = Array.FindLastIndex(lines, l => l.Contains("goes on", StringComparison.Ordinal) || l.Contains("first topic", StringComparison.Ordinal));
        var firstRight = Array.FindIndex(lines, l => l.StartsWith("Right column", StringComparison.Ordinal));
        Assert.True(lastLeft >= 0 && firstRight > lastLeft, string.Join(" | ", lines));
    }

    [Fact]
    public void Analyze_KeepsSidebarTogether_WhenCvHasLeftSidebar()
    {
        var main = string.Join("", Enumerable.Range(1, 4).Select(i =>
            $"<h3>Senior Engineer {i}</h3><p>Example Company {i} AG. Built and operated a data platform used by every team of the company.</p>"));
        var pdf = ChromiumPdf.FromHtml($"""
            <html><head>{Style}</head><body>
            <div style="display:flex; gap:30px">
              <div style="width:150px; background:#eee; padding:8px">
                <h3>Contact</h3><p>anna@example.com</p><p>+41 79 123 45 67</p><p>Zurich</p>
                <h3>Skills</h3><p>Python</p><p>Docker</p><p>Kubernetes</p><p>PostgreSQL</p>
              </div>
              <div style="flex:1"><h2>Experience</h2>{main}</div>
            </div>
            </body></html>
            """);

        var layout = analyzer.Analyze(pdf, ParseLimits.Default);

        var lines = string.Join('\n', layout.Segments.Select(s => s.Text)).Split('\n').ToList();
        var sidebar = new[] { "Contact", "anna@example.com", "+41 79 123 45 67", "Zurich", "Skills", "Python", "Docker", "Kubernetes", "PostgreSQL" };
        var positions = sidebar.Select(s => lines.IndexOf(s)).ToList();
        Assert.DoesNotContain(-1, positions);
        Assert.Equal(Enumerable.Range(positions[0], sidebar.Length), positions);
        var experience = lines.IndexOf("Experience");
        Assert.True(experience > positions[^1] || experience < positions[0], string.Join(" | ", lines));
    }

    [Fact]
    public void Analyze_ReturnsTableWithCells_WhenHtmlTable()
    {
        var pdf = ChromiumPdf.FromHtml($$"""
            <html><head>{{Style}}<style>td, th { border: 1px solid black; padding: 4px 12px; text-align: left } table { border-collapse: collapse }</style></head><body>
            <p>Salary bands for the engineering department are listed below.</p>
            <table>
              <tr><th>Role</th><th>Level</th><th>Salary</th></tr>
              <tr><td>Engineer</td><td>Senior</td><td>120000</td></tr>
              <tr><td>Manager</td><td>Lead</td><td>140000</td></tr>
              <tr><td>Analyst</td><td>Junior</td><td>80000</td></tr>
            </table>
            <p>All figures are yearly and in Swiss francs.</p>
            </body></html>
            """);

        var layout = analyzer.Analyze(pdf, ParseLimits.Default);

        var table = Assert.Single(layout.Segments, s => s.Type == SegmentType.Table);
        Assert.NotNull(table.Table);
        Assert.Equal(4, table.Table.RowCount);
        Assert.Equal(3, table.Table.ColumnCount);
        var grid = table.Table.ToGrid();
        Assert.Equal(["Role", "Level", "Salary"], grid[0]);
        Assert.Equal(["Manager", "Lead", "140000"], grid[2]);
        Assert.Equal("Role\tLevel\tSalary", table.Text.Split('\n')[0]);
    }

    [Fact]
    public void Analyze_TypesRunningHeaderAndFooter_WhenMultiPageDocument()
    {
        var pages = string.Join("", Enumerable.Range(1, 3).Select(i => $"""
            <div class="page">
              <div class="header">ACME Corp · Employee Handbook</div>
              <h2>Chapter {i}</h2>
              <p>This chapter {i} explains the rules of the company in plain words for every employee.</p>
              <p>Further paragraph number {i} with more details about holidays and working hours.</p>
              <div class="footer">Page {i} of 3</div>
            </div>
            """));
        var pdf = ChromiumPdf.FromHtml($$"""
            <html><head><style>
              @page { size: A4; margin: 0 } body { margin: 0; font-family: 'Liberation Sans', Arial, sans-serif; font-size: 11pt }
              .page { position: relative; height: 296mm; page-break-after: always; padding: 0 20mm; box-sizing: border-box; overflow: hidden }
              .header { position: absolute; top: 10mm; left: 20mm; font-size: 9pt }
              .footer { position: absolute; bottom: 10mm; left: 20mm; font-size: 9pt }
              h2 { padding-top: 30mm; margin: 0 }
            </style></head><body>{{pages}}</body></html>
            """);

        var layout = analyzer.Analyze(pdf, ParseLimits.Default);

        Assert.Equal(3, layout.PageCount);
        Assert.Equal(3, layout.Segments.Count(s => s.Type == SegmentType.PageHeader));
        Assert.Equal(3, layout.Segments.Count(s => s.Type == SegmentType.PageFooter));
        var body = layout.Segments.Where(s => s.Type is not (SegmentType.PageHeader or SegmentType.PageFooter)).Select(s => s.Text).ToList();
        Assert.DoesNotContain(body, t => t.Contains("Handbook", StringComparison.Ordinal) || t.StartsWith("Page ", StringComparison.Ordinal));
        Assert.Contains(layout.Segments, s => s.Type == SegmentType.PageFooter && s.PageNumber == 2 && s.Text == "Page 2 of 3");
    }

    [Fact]
    public void Extract_KeepsRunningHeaderOnFirstPageOnly_WhenMultiPageDocument()
    {
        var pdf = ChromiumPdf.FromHtml($$"""
            <html><head><style>
              @page { size: A4; margin: 0 } body { margin: 0; font-family: 'Liberation Sans', Arial, sans-serif; font-size: 11pt }
              .page { position: relative; height: 296mm; page-break-after: always; padding: 40mm 20mm 0; box-sizing: border-box; overflow: hidden }
              .header { position: absolute; top: 10mm; left: 20mm; font-size: 9pt }
            </style></head><body>
            <div class="page"><div class="header">anna@example.com · +41 79 123 45 67</div><p>First page body text.</p></div>
            <div class="page"><div class="header">anna@example.com · +41 79 123 45 67</div><p>Second page body text.</p></div>
            </body></html>
            """);

        var document = new DocumentTextExtractor().Extract(pdf, DocumentType.Pdf, ParseLimits.Default);

        Assert.Contains("anna@example.com", document.Pages[0].Text, StringComparison.Ordinal);
        Assert.DoesNotContain("anna@example.com", document.Pages[1].Text, StringComparison.Ordinal);
        Assert.Contains("Second page body text.", document.Pages[1].Text, StringComparison.Ordinal);
    }

    [Fact]
    public void Analyze_ReturnsPicturesAndNoTextLayerWarning_WhenPdfHasImageOnly()
    {
        var builder = new PdfDocumentBuilder();
        var page = builder.AddPage(UglyToad.PdfPig.Content.PageSize.A4);
        page.AddPng(Png(), new PdfRectangle(100, 500, 300, 700));
        builder.AddPage(UglyToad.PdfPig.Content.PageSize.A4);

        var layout = analyzer.Analyze(builder.Build(), ParseLimits.Default);

        var warning = Assert.Single(layout.Warnings);
        Assert.Equal(ParseErrorCodes.NoTextLayer, warning.Code);
        Assert.False(layout.HasText);
        var picture = Assert.Single(layout.Segments, s => s.Type == SegmentType.Picture);
        Assert.Equal(1, picture.PageNumber);
        Assert.Equal(100, picture.Box.Left, 1);
        Assert.Equal(layout.Pages[0].Height - 700, picture.Box.Top, 1);
        Assert.Equal(200, picture.Box.Width, 1);
        var image = Assert.Single(layout.Images);
        Assert.Equal(picture.ImageId, image.Id);
        Assert.Equal("image/png", image.MediaType);
        Assert.Contains(layout.Segments, s => s.Type == SegmentType.Page && s.PageNumber == 2);
    }

    [Fact]
    public void Analyze_ThrowsCorrupt_WhenBytesAreNoPdf()
    {
        var ex = Assert.Throws<DocumentParseException>(() => analyzer.Analyze("%PDF-1.7\nnot a pdf\n%%EOF"u8.ToArray(), ParseLimits.Default));

        Assert.Equal(ParseErrorCodes.DocumentCorrupt, ex.Code);
    }

    /// <summary>An 8×8 red PNG written by hand (signature, IHDR, one zlib-compressed IDAT, IEND).</summary>
    private static byte[] Png()
    {
        const int size = 8;
        var raw = new byte[size * ((size * 3) + 1)];
        for (var y = 0; y < size; y++)
        {
            for (var x = 0; x < size; x++)
                raw[(y * ((size * 3) + 1)) + 1 + (x * 3)] = 0xFF;
        }

        using var zlib = new MemoryStream();
        using (var z = new System.IO.Compression.ZLibStream(zlib, System.IO.Compression.CompressionLevel.Optimal, leaveOpen: true))
            z.Write(raw);
        using var png = new MemoryStream();
        png.Write([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]);
        Chunk(png, "IHDR", [0, 0, 0, size, 0, 0, 0, size, 8, 2, 0, 0, 0]);
        Chunk(png, "IDAT", zlib.ToArray());
        Chunk(png, "IEND", []);
        return png.ToArray();
    }

    private static void Chunk(Stream stream, string type, byte[] data)
    {
        var typeBytes = System.Text.Encoding.ASCII.GetBytes(type);
        stream.Write(BigEndian((uint)data.Length));
        stream.Write(typeBytes);
        stream.Write(data);
        stream.Write(BigEndian(Crc32([.. typeBytes, .. data])));
    }

    private static uint Crc32(byte[] bytes)
    {
        var crc = 0xFFFFFFFFu;
        foreach (var b in bytes)
        {
            crc ^= b;
            for (var k = 0; k < 8; k++)
                crc = (crc & 1) != 0 ? (crc >> 1) ^ 0xEDB88320u : crc >> 1;
        }

        return ~crc;
    }

    private static byte[] BigEndian(uint value) => [(byte)(value >> 24), (byte)(value >> 16), (byte)(value >> 8), (byte)value];
}
