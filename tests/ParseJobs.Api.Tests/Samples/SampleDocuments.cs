using System.Text;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using UglyToad.PdfPig.Core;
using UglyToad.PdfPig.Fonts.Standard14Fonts;
using UglyToad.PdfPig.Writer;
using PdfPageSize = UglyToad.PdfPig.Content.PageSize;

namespace ParseJobs.Api.Tests.Samples;

/// <summary>Real documents made at test time by real writers: PdfPig's PDF builder and the Open XML SDK.</summary>
public static class SampleDocuments
{
    public static readonly string[] CvLines =
    [
        "Anna Keller",
        "anna.keller@example.com",
        "+41 79 555 12 34",
        "Bahnhofstrasse 10, 8001 Zürich",
        "",
        "Experience",
        "Senior Data Engineer, Helvetic Analytics AG",
        "01/2020 - Present",
        "Built streaming pipelines with Kafka and Spark.",
        "",
        "Education",
        "ETH Zürich, MSc Computer Science",
        "2014 - 2016",
        "",
        "Skills",
        "Python, SQL, Kafka",
    ];

    public static byte[] Txt() => Encoding.UTF8.GetBytes(string.Join('\n', CvLines));

    /// <summary>A PDF with a text layer; the CV lines spread over <paramref name="pages"/> pages.</summary>
    public static byte[] Pdf(int pages = 1, IReadOnlyList<string>? lines = null)
    {
        lines ??= CvLines;
        var builder = new PdfDocumentBuilder();
        var font = builder.AddStandard14Font(Standard14Font.Helvetica);
        var perPage = (int)Math.Ceiling(lines.Count / (double)pages);
        for (var p = 0; p < pages; p++)
        {
            var page = builder.AddPage(PdfPageSize.A4);
            var y = 800.0;
            foreach (var line in lines.Skip(p * perPage).Take(perPage).DefaultIfEmpty($"Page {p + 1}"))
            {
                if (line.Length > 0)
                {
                    page.AddText(ToWinAnsi(line), 11, new PdfPoint(50, y), font);
                }

                y -= 16;
            }
        }

        return builder.Build();
    }

    /// <summary>A PDF whose pages carry only drawn shapes: no text layer (a scan would look like this).</summary>
    public static byte[] PdfWithoutText()
    {
        var builder = new PdfDocumentBuilder();
        var page = builder.AddPage(PdfPageSize.A4);
        page.DrawRectangle(new PdfPoint(50, 50), 300, 400, 2);
        return builder.Build();
    }

    /// <summary>A scan-like PDF: one page holding an embedded PNG and no text.</summary>
    public static byte[] PdfWithImageOnly()
    {
        var builder = new PdfDocumentBuilder();
        var page = builder.AddPage(PdfPageSize.A4);
        page.AddPng(Png(), new PdfRectangle(100, 300, 400, 700));
        return builder.Build();
    }

    public static byte[] CorruptPdf() => Encoding.ASCII.GetBytes("%PDF-1.7\n1 0 obj << /Type /Catalog /Pages 2 0 R >>\nthis is not a pdf body\n%%EOF");

    /// <summary>A real PDF with an /Encrypt entry added to its trailer, as password-protected files have.</summary>
    public static byte[] EncryptedPdf()
    {
        var text = Encoding.Latin1.GetString(Pdf());
        var trailer = text.LastIndexOf("trailer", StringComparison.Ordinal);
        var dictionary = text.IndexOf("<<", trailer, StringComparison.Ordinal);
        text = text[..(dictionary + 2)] +
               " /Encrypt << /Filter /Standard /V 2 /R 3 /Length 128 /P -3904 " +
               "/O <6E0C2B4D2A9C5E7F10213243546576879A8B9CADBECFD0E1F2031425364758> " +
               "/U <7A1B2C3D4E5F60718293A4B5C6D7E8F90A1B2C3D4E5F60718293A4B5C6D7E8F9> >> " +
               "/ID [<0123456789ABCDEF0123456789ABCDEF> <0123456789ABCDEF0123456789ABCDEF>] " +
               text[(dictionary + 2)..];
        return Encoding.Latin1.GetBytes(text);
    }

    public static byte[] Docx(IReadOnlyList<string>? lines = null)
    {
        lines ??= CvLines;
        using var stream = new MemoryStream();
        using (var document = WordprocessingDocument.Create(stream, WordprocessingDocumentType.Document))
        {
            var main = document.AddMainDocumentPart();
            var body = new Body();
            foreach (var line in lines)
            {
                body.Append(new Paragraph(new Run(new Text(line) { Space = SpaceProcessingModeValues.Preserve })));
            }

            main.Document = new Document(body);
            main.Document.Save();
        }

        return stream.ToArray();
    }

    /// <summary>A valid 2×2 red PNG (IHDR, IDAT, IEND with correct CRCs).</summary>
    public static byte[] Png() =>
    [
        0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0x00, 0x00, 0x00, 0x0D, 0x49, 0x48, 0x44, 0x52,
        0x00, 0x00, 0x00, 0x02, 0x00, 0x00, 0x00, 0x02, 0x08, 0x02, 0x00, 0x00, 0x00, 0xFD, 0xD4, 0x9A,
        0x73, 0x00, 0x00, 0x00, 0x10, 0x49, 0x44, 0x41, 0x54, 0x78, 0x9C, 0x63, 0xF8, 0xCF, 0xC0, 0x00,
        0x44, 0x0C, 0x10, 0x0A, 0x00, 0x1F, 0xEE, 0x03, 0xFD, 0x8B, 0x5F, 0x14, 0xD4, 0x00, 0x00, 0x00,
        0x00, 0x49, 0x45, 0x4E, 0x44, 0xAE, 0x42, 0x60, 0x82,
    ];

    // PdfPig's standard-14 fonts write ASCII reliably; accents are folded (ü → u) for the PDF samples.
    private static string ToWinAnsi(string text) =>
        new(text.Normalize(NormalizationForm.FormD).Where(c => c < 128).ToArray());
}
