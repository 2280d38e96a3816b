using System.IO.Compression;
using System.Text;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using UglyToad.PdfPig.Core;
using UglyToad.PdfPig.Fonts.Standard14Fonts;
using UglyToad.PdfPig.Writer;

namespace ParseJobs.Extraction.Tests;

/// <summary>Builds real documents at test time with the same libraries real producers use.</summary>
internal static class TestFiles
{
    /// <summary>A PDF with one page per entry; each page holds lines of (x, y, text).</summary>
    public static byte[] Pdf(params (double X, double Y, string Text)[][] pages)
    {
        var builder = new PdfDocumentBuilder();
        var font = builder.AddStandard14Font(Standard14Font.Helvetica);
        foreach (var lines in pages)
        {
            var page = builder.AddPage(UglyToad.PdfPig.Content.PageSize.A4);
            foreach (var (x, y, text) in lines)
                page.AddText(text, 10, new PdfPoint(x, y), font);
        }

        return builder.Build();
    }

    /// <summary>A DOCX with a header, paragraphs, a numbered item, a table and a text box.</summary>
    public static byte[] Docx()
    {
        using var stream = new MemoryStream();
        using (var word = WordprocessingDocument.Create(stream, WordprocessingDocumentType.Document))
        {
            var main = word.AddMainDocumentPart();
            var header = main.AddNewPart<HeaderPart>();
            header.Header = new Header(Para("Confidential CV"));
            var headerId = main.GetIdOfPart(header);

            var numbered = Para("Led a team of four");
            numbered.PrependChild(new ParagraphProperties(new NumberingProperties(new NumberingLevelReference { Val = 0 }, new NumberingId { Val = 1 })));

            var table = new Table(
                new TableRow(Cell("2019 – 2021"), Cell("Software Engineer")),
                new TableRow(Cell("2016 – 2019"), Cell("Junior Developer")));

            var textBox = new Paragraph(new Run(new Picture(new DocumentFormat.OpenXml.Vml.Shape(
                new DocumentFormat.OpenXml.Vml.TextBox(new TextBoxContent(Para("Boxed contact: anna@example.com")))))));

            main.Document = new Document(new Body(
                Para("Anna Muster"),
                Para("Experience"),
                numbered,
                table,
                textBox,
                Para("Languages"),
                new SectionProperties(new HeaderReference { Type = HeaderFooterValues.Default, Id = headerId })));
        }

        return stream.ToArray();
    }

    public static byte[] Zip(params (string Name, byte[] Content)[] entries)
    {
        using var stream = new MemoryStream();
        using (var zip = new ZipArchive(stream, ZipArchiveMode.Create, leaveOpen: true))
        {
            foreach (var (name, content) in entries)
            {
                var entry = zip.CreateEntry(name, CompressionLevel.SmallestSize);
                using var s = entry.Open();
                s.Write(content);
            }
        }

        return stream.ToArray();
    }

    public static byte[] Utf8(string text) => Encoding.UTF8.GetBytes(text);

    private static Paragraph Para(string text) => new(new Run(new Text(text) { Space = SpaceProcessingModeValues.Preserve }));

    private static TableCell Cell(string text) => new(Para(text));
}
