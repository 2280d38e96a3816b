using System.Diagnostics;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using ParseJobs.Extraction.Documents;
using TableCell = DocumentFormat.OpenXml.Wordprocessing.TableCell;

namespace ParseJobs.Extraction.Tests.Documents;

/// <summary>Word-processing packages built at test time with the OpenXml SDK, as Word lays them out: a styles
/// part, a numbering part, header and footer parts, a merged-cell table, VML and DrawingML text boxes, a PNG.</summary>
internal static class LayoutTestFiles
{
    /// <summary>A 1×1 red PNG.</summary>
    public static readonly byte[] Png = Convert.FromBase64String(
        "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8DwHwAFBQIAX8jx0gAAAABJRU5ErkJggg==");

    private const string Namespaces =
        "xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\" " +
        "xmlns:r=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships\" " +
        "xmlns:mc=\"http://schemas.openxmlformats.org/markup-compatibility/2006\" " +
        "xmlns:wp=\"http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing\" " +
        "xmlns:a=\"http://schemas.openxmlformats.org/drawingml/2006/main\" " +
        "xmlns:pic=\"http://schemas.openxmlformats.org/drawingml/2006/picture\" " +
        "xmlns:wps=\"http://schemas.microsoft.com/office/word/2010/wordprocessingShape\" " +
        "xmlns:v=\"urn:schemas-microsoft-com:vml\"";

    /// <summary>Header; Title; Heading 1; numbered item; typed bullet; merged-cell table; VML text box; DrawingML
    /// text box with VML fallback; Heading 2; paragraph with an outline level; body text; picture; footer.</summary>
    public static byte[] CvDocx()
    {
        using var stream = new MemoryStream();
        using (var word = WordprocessingDocument.Create(stream, WordprocessingDocumentType.Document))
        {
            var main = word.AddMainDocumentPart();
            AddStyles(main);
            AddNumbering(main);
            var header = main.AddNewPart<HeaderPart>();
            header.Header = new Header(Para("Confidential CV"));
            var footer = main.AddNewPart<FooterPart>();
            footer.Footer = new Footer(Para("Anna Muster – page 1"));
            var image = main.AddImagePart(ImagePartType.Png);
            using (var png = new MemoryStream(Png))
                image.FeedData(png);

            var numbered = Para("Led a team of four");
            numbered.PrependChild(new ParagraphProperties(new NumberingProperties(new NumberingLevelReference { Val = 0 }, new NumberingId { Val = 1 })));
            var outlined = Para("Skills");
            outlined.PrependChild(new ParagraphProperties(new OutlineLevel { Val = 1 }));

            main.Document = new Document(new Body(
                Styled("Title", "Anna Muster"),
                Styled("Heading1", "Experience"),
                numbered,
                Para("• Shipped the billing system"),
                MergedTable(),
                new Paragraph(new Run(new Picture(new DocumentFormat.OpenXml.Vml.Shape(
                    new DocumentFormat.OpenXml.Vml.TextBox(new TextBoxContent(Para("Boxed contact: anna@example.com"))))))),
                new Paragraph($"<w:p {Namespaces}>{DrawingTextBox("Sidebar: open to relocation")}</w:p>"),
                Styled("Heading2", "Languages"),
                Para("German, English"),
                outlined,
                new Paragraph($"<w:p {Namespaces}>{InlinePicture(main.GetIdOfPart(image))}</w:p>"),
                new SectionProperties(
                    new HeaderReference { Type = HeaderFooterValues.Default, Id = main.GetIdOfPart(header) },
                    new FooterReference { Type = HeaderFooterValues.Default, Id = main.GetIdOfPart(footer) })));
        }

        return stream.ToArray();
    }

    /// <summary>A layout table as CV templates use it: dates in the left cell; title, company and description as
    /// three paragraphs of the right cell.</summary>
    public static byte[] LayoutTableDocx()
    {
        using var stream = new MemoryStream();
        using (var word = WordprocessingDocument.Create(stream, WordprocessingDocumentType.Document))
        {
            var main = word.AddMainDocumentPart();
            var right = new TableCell(Para("Product Manager"), Para("Lumen Payments Inc"), Para("Owned onboarding."));
            main.Document = new Document(new Body(new Table(
                new TableGrid(new GridColumn { Width = "2000" }, new GridColumn { Width = "7000" }),
                new TableRow(Cell("04/2020 – 12/2023"), right),
                new TableRow(Cell("2016"), Cell("Intern")))));
        }

        return stream.ToArray();
    }

    /// <summary>The CV package with a content type that System.IO.Packaging rejects but Word accepts (pandoc writes
    /// "image/svg+xml;base64" for SVG pictures).</summary>
    public static byte[] CvDocxWithLenientContentTypes()
    {
        using var stream = new MemoryStream();
        stream.Write(CvDocx());
        using (var zip = new System.IO.Compression.ZipArchive(stream, System.IO.Compression.ZipArchiveMode.Update, leaveOpen: true))
        {
            var entry = zip.GetEntry("[Content_Types].xml") ?? throw new InvalidOperationException("no content types");
            string xml;
            using (var reader = new StreamReader(entry.Open()))
                xml = reader.ReadToEnd();
            entry.Delete();
            var replaced = zip.CreateEntry("[Content_Types].xml");
            using var writer = new StreamWriter(replaced.Open());
            writer.Write(xml.Replace("<Default ", "<Default Extension=\"svg\" ContentType=\"image/svg+xml;base64\"/><Default ", StringComparison.Ordinal));
        }

        return stream.ToArray();
    }

    /// <summary>A body holding one embedded picture and no text.</summary>
    public static byte[] PictureOnlyDocx()
    {
        using var stream = new MemoryStream();
        using (var word = WordprocessingDocument.Create(stream, WordprocessingDocumentType.Document))
        {
            var main = word.AddMainDocumentPart();
            var image = main.AddImagePart(ImagePartType.Png);
            using (var png = new MemoryStream(Png))
                image.FeedData(png);
            main.Document = new Document(new Body(new Paragraph($"<w:p {Namespaces}>{InlinePicture(main.GetIdOfPart(image))}</w:p>")));
        }

        return stream.ToArray();
    }

    /// <summary>No Title style: a single Heading 1 at the top, then Heading 2 sections.</summary>
    public static byte[] HeadingsOnlyDocx(params (string Style, string Text)[] paragraphs)
    {
        using var stream = new MemoryStream();
        using (var word = WordprocessingDocument.Create(stream, WordprocessingDocumentType.Document))
        {
            var main = word.AddMainDocumentPart();
            AddStyles(main);
            main.Document = new Document(new Body(paragraphs.Select(p => p.Style.Length == 0 ? Para(p.Text) : Styled(p.Style, p.Text))));
        }

        return stream.ToArray();
    }

    /// <summary>Converts markdown with pandoc, as some clients produce their DOCX files.</summary>
    public static byte[] Pandoc(string markdown)
    {
        // A missing converter is a broken test machine, not a reason to skip: scripts/test-tools.sh installs it.
        Assert.True(PandocAvailable, "pandoc is missing: run 'bash scripts/test-tools.sh' (scripts/test.sh does so).");
        var output = Path.Combine(Path.GetTempPath(), $"parsejobs-pandoc-{Guid.NewGuid():N}.docx");
        try
        {
            var start = new ProcessStartInfo("pandoc", ["-f", "markdown", "-t", "docx", "-o", output])
            {
                RedirectStandardInput = true,
                RedirectStandardError = true,
                UseShellExecute = false,
            };
            using var process = Process.Start(start) ?? throw new InvalidOperationException("pandoc did not start");
            process.StandardInput.Write(markdown);
            process.StandardInput.Close();
            var error = process.StandardError.ReadToEnd();
            process.WaitForExit();
            if (process.ExitCode != 0)
                throw new InvalidOperationException($"pandoc failed: {error}");
            return File.ReadAllBytes(output);
        }
        finally
        {
            File.Delete(output);
        }
    }

    public static bool PandocAvailable { get; } = (Environment.GetEnvironmentVariable("PATH") ?? "")
        .Split(Path.PathSeparator).Any(dir => dir.Length > 0 && File.Exists(Path.Combine(dir, "pandoc")));

    public static Segment Segment(SegmentType type, string text, int? level = null, TableData? table = null, string? imageId = null) => new()
    {
        Id = "seg_1",
        Type = type,
        PageNumber = 1,
        Box = new BoundingBox(72, 72, 451, 14),
        Text = text,
        Level = level,
        Table = table,
        ImageId = imageId,
    };

    public static LayoutDocument Document(params Segment[] segments) => new()
    {
        Type = ParseJobs.Extraction.Parsing.DocumentType.Txt,
        Pages = [new LayoutPage(1, 595, 842)],
        Segments = [.. segments.Select((s, i) => s with { Id = $"seg_{i + 1}" })],
        ApproximateBoxes = true,
    };

    /// <summary>| Years (rows 0–1) | Role (columns 1–2) |, then | · | Engineer | ACME |, then | 2016 | Junior | Beta &amp; Co |.</summary>
    private static Table MergedTable()
    {
        var grid = new TableGrid(new GridColumn { Width = "2000" }, new GridColumn { Width = "3000" }, new GridColumn { Width = "3000" });
        return new Table(
            grid,
            new TableRow(
                Cell("Years", new TableCellProperties(new VerticalMerge { Val = MergedCellValues.Restart })),
                Cell("Role", new TableCellProperties(new GridSpan { Val = 2 }))),
            new TableRow(
                Cell("", new TableCellProperties(new VerticalMerge())),
                Cell("Engineer"),
                Cell("ACME")),
            new TableRow(Cell("2016"), Cell("Junior"), Cell("Beta & Co")));
    }

    private static string DrawingTextBox(string text) =>
        "<w:r><mc:AlternateContent><mc:Choice Requires=\"wps\"><w:drawing><wp:anchor distT=\"0\" distB=\"0\" distL=\"0\" distR=\"0\" simplePos=\"0\" relativeHeight=\"1\" behindDoc=\"0\" locked=\"0\" layoutInCell=\"1\" allowOverlap=\"1\">" +
        "<wp:simplePos x=\"0\" y=\"0\"/><wp:positionH relativeFrom=\"column\"><wp:posOffset>0</wp:posOffset></wp:positionH><wp:positionV relativeFrom=\"paragraph\"><wp:posOffset>0</wp:posOffset></wp:positionV>" +
        "<wp:extent cx=\"1828800\" cy=\"457200\"/><wp:wrapSquare wrapText=\"bothSides\"/><wp:docPr id=\"2\" name=\"Text Box 2\"/>" +
        "<a:graphic><a:graphicData uri=\"http://schemas.microsoft.com/office/word/2010/wordprocessingShape\"><wps:wsp><wps:cNvSpPr txBox=\"1\"/><wps:spPr/>" +
        $"<wps:txbx><w:txbxContent><w:p><w:r><w:t>{text}</w:t></w:r></w:p></w:txbxContent></wps:txbx><wps:bodyPr/></wps:wsp></a:graphicData></a:graphic></wp:anchor></w:drawing></mc:Choice>" +
        $"<mc:Fallback><w:pict><v:shape><v:textbox><w:txbxContent><w:p><w:r><w:t>{text}</w:t></w:r></w:p></w:txbxContent></v:textbox></v:shape></w:pict></mc:Fallback></mc:AlternateContent></w:r>";

    private static string InlinePicture(string relationshipId) =>
        "<w:r><w:drawing><wp:inline distT=\"0\" distB=\"0\" distL=\"0\" distR=\"0\"><wp:extent cx=\"1270000\" cy=\"635000\"/><wp:docPr id=\"1\" name=\"Photo\" descr=\"Portrait\"/>" +
        "<a:graphic><a:graphicData uri=\"http://schemas.openxmlformats.org/drawingml/2006/picture\"><pic:pic><pic:nvPicPr><pic:cNvPr id=\"0\" name=\"photo.png\"/><pic:cNvPicPr/></pic:nvPicPr>" +
        $"<pic:blipFill><a:blip r:embed=\"{relationshipId}\"/><a:stretch><a:fillRect/></a:stretch></pic:blipFill>" +
        "<pic:spPr><a:xfrm><a:off x=\"0\" y=\"0\"/><a:ext cx=\"1270000\" cy=\"635000\"/></a:xfrm><a:prstGeom prst=\"rect\"><a:avLst/></a:prstGeom></pic:spPr></pic:pic></a:graphicData></a:graphic></wp:inline></w:drawing></w:r>";

    private static void AddStyles(MainDocumentPart main)
    {
        var part = main.AddNewPart<StyleDefinitionsPart>();
        part.Styles = new Styles(
            new Style(new StyleName { Val = "Normal" }) { Type = StyleValues.Paragraph, StyleId = "Normal", Default = true },
            new Style(new StyleName { Val = "Title" }, new BasedOn { Val = "Normal" }) { Type = StyleValues.Paragraph, StyleId = "Title" },
            new Style(new StyleName { Val = "heading 1" }, new BasedOn { Val = "Normal" },
                new StyleParagraphProperties(new OutlineLevel { Val = 0 })) { Type = StyleValues.Paragraph, StyleId = "Heading1" },
            new Style(new StyleName { Val = "heading 2" }, new BasedOn { Val = "Heading1" },
                new StyleParagraphProperties(new OutlineLevel { Val = 1 })) { Type = StyleValues.Paragraph, StyleId = "Heading2" });
    }

    private static void AddNumbering(MainDocumentPart main)
    {
        var part = main.AddNewPart<NumberingDefinitionsPart>();
        part.Numbering = new Numbering(
            new AbstractNum(new Level(new NumberingFormat { Val = NumberFormatValues.Bullet }, new LevelText { Val = "•" }) { LevelIndex = 0 }) { AbstractNumberId = 0 },
            new NumberingInstance(new AbstractNumId { Val = 0 }) { NumberID = 1 });
    }

    private static Paragraph Styled(string styleId, string text)
    {
        var paragraph = Para(text);
        paragraph.PrependChild(new ParagraphProperties(new ParagraphStyleId { Val = styleId }));
        return paragraph;
    }

    private static Paragraph Para(string text) => new(new Run(new Text(text) { Space = SpaceProcessingModeValues.Preserve }));

    private static TableCell Cell(string text, TableCellProperties? properties = null)
    {
        var cell = new TableCell(Para(text));
        if (properties is not null)
            cell.PrependChild(properties);
        return cell;
    }
}
