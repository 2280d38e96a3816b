using System.Globalization;
using System.Text;
using A = DocumentFormat.OpenXml.Drawing;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Wordprocessing;
using ParseJobs.Extraction.Parsing;
using V = DocumentFormat.OpenXml.Vml;
using WordCell = DocumentFormat.OpenXml.Wordprocessing.TableCell;

namespace ParseJobs.Extraction.Documents.Docx;

/// <summary>Plain text of WordprocessingML elements: runs, tabs, breaks, and the anchored objects of a paragraph.</summary>
internal static class DocxText
{
    /// <summary>Plain lines of a header, footer or table cell, text boxes included.</summary>
    public static void CollectText(OpenXmlElement container, List<string> lines)
    {
        foreach (var child in container.ChildElements)
        {
            switch (child)
            {
                case Paragraph p:
                    var line = new StringBuilder();
                    var anchored = new List<OpenXmlElement>();
                    ReadInline(p, line, anchored);
                    var text = TextNormalizer.NormalizeNewlines(line.ToString()).Trim();
                    if (text.Length > 0)
                        lines.Add(text);
                    foreach (var box in anchored.OfType<TextBoxContent>())
                        CollectText(box, lines);
                    break;
                case Table t:
                    foreach (var row in t.Elements<TableRow>())
                    {
                        var cellLines = row.Elements<WordCell>().Select(c =>
                        {
                            var inner = new List<string>();
                            CollectText(c, inner);
                            return string.Join(' ', inner);
                        }).Where(c => c.Length > 0).ToList();
                        if (cellLines.Count > 0)
                            lines.Add(string.Join('\t', cellLines));
                    }

                    break;
                case AlternateContentFallback or SectionProperties or SdtProperties:
                    break;
                default:
                    CollectText(child, lines);
                    break;
            }
        }
    }

    public static void ReadInline(OpenXmlElement element, StringBuilder line, List<OpenXmlElement> anchored)
    {
        foreach (var child in element.ChildElements)
        {
            switch (child)
            {
                case Text t:
                    line.Append(t.Text);
                    break;
                case TabChar or PositionalTab:
                    line.Append('\t');
                    break;
                case Break or CarriageReturn:
                    line.Append('\n');
                    break;
                case NoBreakHyphen:
                    line.Append('-');
                    break;
                case TextBoxContent or A.Blip or V.ImageData:
                    anchored.Add(child);
                    break;

                // Choice and Fallback hold the same shape twice (DrawingML and VML): read the Choice only.
                case AlternateContentFallback or DeletedRun or DeletedText or ParagraphProperties or RunProperties:
                    break;
                default:
                    ReadInline(child, line, anchored);
                    break;
            }
        }
    }

    /// <summary>An integer attribute as written, or <paramref name="fallback"/> when absent or not a number (Word
    /// ignores such values; OpenXml would throw on reading them).</summary>
    public static int IntOf(OpenXmlSimpleType? value, int fallback = 0) => IntOrNull(value) ?? fallback;

    /// <summary>An integer attribute, or null when absent or not a number.</summary>
    public static int? IntOrNull(OpenXmlSimpleType? value) =>
        value?.InnerText is { } text && int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var parsed) ? parsed : null;

    /// <summary>A 64-bit integer attribute (EMU extents), or null when absent or not a number.</summary>
    public static long? LongOrNull(OpenXmlSimpleType? value) =>
        value?.InnerText is { } text && long.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var parsed) ? parsed : null;
}
