using System.Globalization;
using System.Text;

namespace ParseJobs.Extraction.Tests.Documents.Pdf;

/// <summary>Writes a one-page PDF by hand (A4, Helvetica), for text layers a browser does not produce: glyphs of
/// an icon font, private-use and dash code points, words placed only by position, the same text drawn twice,
/// link annotations. Positions are PDF points from the bottom-left corner.</summary>
internal sealed class TinyPdf
{
    private readonly StringBuilder content = new();
    private readonly List<(double Left, double Bottom, double Right, double Top, string Uri)> links = [];

    /// <summary>Text at (x, y) in Helvetica ("F1"), in an icon font named FontAwesome5Free-Solid ("F2"), or in
    /// Helvetica whose codes 1–4 are U+F095 (a private-use icon), U+00AD, U+2011 and U+2212 ("F3").</summary>
    public TinyPdf Text(double x, double y, string text, double size = 11, string font = "F1")
    {
        var escaped = text.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("(", "\\(", StringComparison.Ordinal).Replace(")", "\\)", StringComparison.Ordinal);
        content.Append(CultureInfo.InvariantCulture, $"BT /{font} {size} Tf {x} {y} Td ({escaped}) Tj ET\n");
        return this;
    }

    /// <summary>Glyphs placed one by one (a TJ array of single characters and kerning in thousandths of an em,
    /// negative moving right), as LaTeX and some exporters write words without space characters.</summary>
    public TinyPdf Placed(double x, double y, IEnumerable<(string Text, double Kern)> runs, double size = 11)
    {
        var array = string.Join(" ", runs.Select(r => string.Create(CultureInfo.InvariantCulture, $"({r.Text}) {-r.Kern}")));
        content.Append(CultureInfo.InvariantCulture, $"BT /F1 {size} Tf {x} {y} Td [{array}] TJ ET\n");
        return this;
    }

    public TinyPdf Link(double left, double bottom, double right, double top, string uri)
    {
        links.Add((left, bottom, right, top, uri));
        return this;
    }

    public byte[] ToBytes()
    {
        var widths = string.Join(" ", Enumerable.Repeat("600", 95));
        var objects = new List<string>
        {
            "<< /Type /Catalog /Pages 2 0 R >>",
            "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
            $"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R /Resources << /Font << /F1 5 0 R /F2 6 0 R /F3 7 0 R >> >>{(links.Count > 0 ? " /Annots [" + string.Join(" ", links.Select((_, i) => $"{9 + i} 0 R")) + "]" : "")} >>",
            $"<< /Length {Encoding.Latin1.GetByteCount(content.ToString())} >>\nstream\n{content}endstream",
            "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>",
            $"<< /Type /Font /Subtype /Type1 /BaseFont /FontAwesome5Free-Solid /FirstChar 32 /LastChar 126 /Widths [{widths}] /FontDescriptor 8 0 R >>",
            "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding << /Type /Encoding /BaseEncoding /WinAnsiEncoding /Differences [1 /uniF095 /sfthyphen /uni2011 /minus] >> >>",

            // The icon font is not embedded: PdfPig reads its widths and its name.
            "<< /Type /FontDescriptor /FontName /FontAwesome5Free-Solid /Flags 4 /FontBBox [0 0 1000 1000] /ItalicAngle 0 /Ascent 800 /Descent -200 /CapHeight 700 /StemV 80 >>",
        };
        objects.AddRange(links.Select(l => string.Create(CultureInfo.InvariantCulture,
            $"<< /Type /Annot /Subtype /Link /Rect [{l.Left} {l.Bottom} {l.Right} {l.Top}] /Border [0 0 0] /A << /S /URI /URI ({l.Uri}) >> >>")));

        var pdf = new StringBuilder("%PDF-1.4\n");
        var offsets = new List<int>();
        for (var i = 0; i < objects.Count; i++)
        {
            offsets.Add(Encoding.Latin1.GetByteCount(pdf.ToString()));
            pdf.Append(CultureInfo.InvariantCulture, $"{i + 1} 0 obj\n{objects[i]}\nendobj\n");
        }

        var xref = Encoding.Latin1.GetByteCount(pdf.ToString());
        pdf.Append(CultureInfo.InvariantCulture, $"xref\n0 {objects.Count + 1}\n0000000000 65535 f \n");
        foreach (var offset in offsets)
            pdf.Append(CultureInfo.InvariantCulture, $"{offset:D10} 00000 n \n");
        pdf.Append(CultureInfo.InvariantCulture, $"trailer\n<< /Size {objects.Count + 1} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n");
        return Encoding.Latin1.GetBytes(pdf.ToString());
    }
}
