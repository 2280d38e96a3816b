using System.Globalization;
using System.Net;
using System.Text;

namespace ParseJobs.Extraction.Documents.Rendering;

/// <summary>Renders segments as Markdown (GitHub flavour) or HTML fragments, and a whole document as Markdown.</summary>
public static class SegmentRenderer
{
    /// <summary>One segment as Markdown; text is escaped so that it cannot open markup of its own.</summary>
    public static string Markdown(Segment s)
    {
        ArgumentNullException.ThrowIfNull(s);
        return s.Type switch
        {
            SegmentType.Title => "# " + EscapeInline(OneLine(s.Text)),
            SegmentType.SectionHeader => new string('#', HeadingLevel(s)) + " " + EscapeInline(OneLine(s.Text)),
            SegmentType.ListItem => "- " + string.Join("  \n  ", Lines(s.Text).Select(EscapeInline)),
            SegmentType.Table => MarkdownTable(s),
            SegmentType.Picture => $"![{EscapeInline(PictureAlt(s))}]({s.ImageId ?? ""})",
            SegmentType.Caption => "*" + EscapeInline(OneLine(s.Text)) + "*",
            SegmentType.Page => "",
            _ => MarkdownParagraph(s.Text),
        };
    }

    /// <summary>One segment as an HTML fragment with encoded text.</summary>
    public static string Html(Segment s)
    {
        ArgumentNullException.ThrowIfNull(s);
        return s.Type switch
        {
            SegmentType.Title => $"<h1>{Encode(OneLine(s.Text))}</h1>",
            SegmentType.SectionHeader => $"<h{HeadingLevel(s)}>{Encode(OneLine(s.Text))}</h{HeadingLevel(s)}>",
            SegmentType.ListItem => $"<li>{EncodeLines(s.Text)}</li>",
            SegmentType.Table => HtmlTable(s),
            SegmentType.Picture => s.ImageId is null
                ? $"<img alt=\"{Encode(PictureAlt(s))}\">"
                : $"<img alt=\"{Encode(PictureAlt(s))}\" data-image-id=\"{Encode(s.ImageId)}\">",
            SegmentType.PageHeader => $"<header>{EncodeLines(s.Text)}</header>",
            SegmentType.PageFooter => $"<footer>{EncodeLines(s.Text)}</footer>",
            SegmentType.Caption => $"<figcaption>{EncodeLines(s.Text)}</figcaption>",
            SegmentType.Footnote => $"<aside>{EncodeLines(s.Text)}</aside>",
            SegmentType.Page => "",
            _ => $"<p>{EncodeLines(s.Text)}</p>",
        };
    }

    /// <summary>The body of a document as Markdown: running headers and footers left out, a blank line between
    /// blocks, consecutive list items kept together as one list.</summary>
    public static string DocumentMarkdown(LayoutDocument d)
    {
        ArgumentNullException.ThrowIfNull(d);
        var sb = new StringBuilder();
        Segment? previous = null;
        foreach (var segment in d.Segments)
        {
            if (segment.Type is SegmentType.PageHeader or SegmentType.PageFooter)
                continue;
            var markdown = Markdown(segment);
            if (markdown.Length == 0)
                continue;
            if (sb.Length > 0)
                sb.Append(previous?.Type == SegmentType.ListItem && segment.Type == SegmentType.ListItem ? "\n" : "\n\n");
            sb.Append(markdown);
            previous = segment;
        }

        return sb.Length == 0 ? "" : sb.Append('\n').ToString();
    }

    private static int HeadingLevel(Segment s) => Math.Clamp(s.Level ?? 2, 1, 6);

    private static string PictureAlt(Segment s) => string.IsNullOrWhiteSpace(s.Text) ? "picture" : OneLine(s.Text);

    private static IEnumerable<string> Lines(string text) => text.Split('\n').Select(l => l.Replace('\t', ' ').Trim());

    private static string OneLine(string text) => string.Join(' ', Lines(text).Where(l => l.Length > 0));

    private static string Encode(string text) => WebUtility.HtmlEncode(text);

    private static string EncodeLines(string text) => string.Join("<br>", Lines(text).Select(Encode));

    private static string MarkdownParagraph(string text)
    {
        // Two trailing spaces keep the document's line breaks inside one paragraph.
        var lines = Lines(text).Where(l => l.Length > 0).Select(l => EscapeBlockStart(EscapeInline(l)));
        return string.Join("  \n", lines);
    }

    /// <summary>Backslash-escapes characters that open inline markup (emphasis, code, links, HTML).</summary>
    private static string EscapeInline(string text)
    {
        var sb = new StringBuilder(text.Length);
        foreach (var c in text)
        {
            if (c is '\\' or '*' or '_' or '`' or '[' or ']' or '<' or '>' or '|' or '~')
                sb.Append('\\');
            sb.Append(c);
        }

        return sb.ToString();
    }

    /// <summary>A paragraph line must not start a heading, list, quote or rule by accident.</summary>
    private static string EscapeBlockStart(string line)
    {
        if (line.Length == 0)
            return line;
        if (line[0] is '#' or '-' or '+' or '=')
            return "\\" + line;
        var digits = 0;
        while (digits < line.Length && char.IsAsciiDigit(line[digits]))
            digits++;
        if (digits > 0 && digits < line.Length && line[digits] is '.' or ')')
            return line[..digits] + "\\" + line[digits..];
        return line;
    }

    private static string MarkdownTable(Segment s)
    {
        if (s.Table is not { RowCount: > 0, ColumnCount: > 0 } table)
            return MarkdownParagraph(s.Text);

        // GitHub tables have no spans: a spanned position stays empty; the first row is the header row.
        var grid = table.ToGrid();
        var sb = new StringBuilder();
        for (var r = 0; r < grid.Length; r++)
        {
            sb.Append('|');
            foreach (var cell in grid[r])
                sb.Append(' ').Append(string.Join("<br>", Lines(cell).Where(l => l.Length > 0).Select(EscapeInline))).Append(" |");
            sb.Append('\n');
            if (r == 0)
                sb.Append('|').Append(string.Concat(Enumerable.Repeat(" --- |", table.ColumnCount))).Append('\n');
        }

        return sb.ToString().TrimEnd('\n');
    }

    private static string HtmlTable(Segment s)
    {
        if (s.Table is not { } table)
            return $"<p>{EncodeLines(s.Text)}</p>";
        // Cells grouped by row once: looking each row's cells up in all cells is rows × cells (10⁹ at the caps).
        var rows = table.Cells.Where(c => c.Row >= 0 && c.Row < table.RowCount).ToLookup(c => c.Row);
        var sb = new StringBuilder("<table>");
        for (var r = 0; r < table.RowCount; r++)
        {
            sb.Append("<tr>");
            foreach (var cell in rows[r].OrderBy(c => c.Column))
            {
                sb.Append("<td");
                if (cell.ColumnSpan > 1)
                    sb.Append(CultureInfo.InvariantCulture, $" colspan=\"{cell.ColumnSpan}\"");
                if (cell.RowSpan > 1)
                    sb.Append(CultureInfo.InvariantCulture, $" rowspan=\"{cell.RowSpan}\"");
                sb.Append('>').Append(EncodeLines(cell.Text)).Append("</td>");
            }

            sb.Append("</tr>");
        }

        return sb.Append("</table>").ToString();
    }
}
