using System.Text.RegularExpressions;
using ParseJobs.Extraction.Parsing;

namespace ParseJobs.Extraction.Documents.Pdf;

/// <summary>Splits a page's line groups into typed segments: headings (by size, weight or capitals against
/// the body font), list items (bullets and numbering) with their continuation lines, tables, and text.</summary>
internal static partial class SegmentClassifier
{
    public static List<Segment> Classify(
        int pageNumber, double pageHeight, IReadOnlyList<LineGroup> groups, FontStatistics fonts,
        PageGraphics graphics, PdfLine? title)
    {
        // A name set in large type can fall apart into several lines side by side ("Anna" "Muster").
        bool IsTitle(PdfLine line) => title is not null && (ReferenceEquals(line, title)
            || (pageNumber == 1 && Math.Abs(line.FontSize - title.FontSize) <= 0.5
                && Math.Min(line.Box.Top, title.Box.Top) - Math.Max(line.Box.Bottom, title.Box.Bottom) > 0.5 * title.Box.Height));

        var all = groups.SelectMany(g => g.Lines).ToList();
        var next = new Dictionary<PdfLine, PdfLine?>(ReferenceEqualityComparer.Instance);
        for (var i = 0; i < all.Count; i++)
            next[all[i]] = i + 1 < all.Count ? all[i + 1] : null;

        var segments = new List<Segment>();
        foreach (var group in groups)
        {
            var lines = group.Lines;
            if (group.IsTable)
            {
                segments.Add(Make(pageNumber, pageHeight, SegmentType.Table, [.. lines], 1.0, null, TableDetector.ToTable(lines)));
                continue;
            }

            var tables = lines.Count >= 2 ? TableDetector.Find(lines, graphics) : [];
            var glyphBullet = false;
            var current = new List<PdfLine>();
            var currentType = SegmentType.Text;
            var currentConfidence = 1.0;

            void Flush()
            {
                if (current.Count > 0)
                    segments.Add(Make(pageNumber, pageHeight, currentType, current, currentConfidence, currentType is SegmentType.Title ? 1 : null, null));
                (current, currentType) = ([], SegmentType.Text);
            }

            for (var i = 0; i < lines.Count; i++)
            {
                var table = tables.FindIndex(t => t.Start == i);
                if (table >= 0)
                {
                    Flush();
                    var (start, end, confidence) = tables[table];
                    var rows = lines.Skip(start).Take(end - start).ToList();
                    segments.Add(Make(pageNumber, pageHeight, SegmentType.Table, rows, confidence, null, TableDetector.ToTable(rows)));
                    i = end - 1;
                    continue;
                }

                var line = lines[i];
                if (IsTitle(line))
                {
                    if (currentType is not SegmentType.Title)
                        Flush();
                    if (current.Count == 0)
                        (currentType, currentConfidence) = (SegmentType.Title, 0.9);
                    current.Add(line);
                    continue;
                }

                var (heading, level) = Heading(line, next.GetValueOrDefault(line), fonts);
                if (heading > 0)
                {
                    Flush();
                    segments.Add(Make(pageNumber, pageHeight, SegmentType.SectionHeader, [line], heading, level, null));
                    continue;
                }

                var bullet = Bullet(line.Text);
                var mark = bullet == 0 && graphics.HasMarkBefore(line);
                if (bullet > 0 || mark || currentType is SegmentType.Title)
                {
                    Flush();
                    if (bullet > 0 || mark)
                    {
                        (current, currentType, currentConfidence, glyphBullet) = ([line], SegmentType.ListItem, mark ? 0.9 : bullet, !mark);
                        continue;
                    }
                }

                // A wrapped list item continues under the item's text: indented past a bullet glyph, level
                // with the text after a drawn bullet. A paragraph goes on in its block.
                var continues = current.Count > 0 && currentType switch
                {
                    SegmentType.ListItem => glyphBullet ? line.Box.Left > current[0].Box.Left + 2 : line.Box.Left > current[0].Box.Left - 2,
                    _ => !group.IsGrid,
                };
                if (continues)
                {
                    current.Add(line);
                    continue;
                }

                Flush();
                (current, currentType, currentConfidence) = ([line], SegmentType.Text, 1.0);
            }

            Flush();
        }

        return segments;
    }

    /// <summary>The page's title candidate: the largest line in the top third of page 1, when clearly
    /// larger than the body font.</summary>
    public static PdfLine? Title(IReadOnlyList<LineGroup> firstPage, double pageHeight, FontStatistics fonts)
    {
        var top = firstPage.SelectMany(g => g.Lines)
            .Where(l => l.Box.Top >= pageHeight * 2 / 3 && l.Letters > 1 && l.Text.Length <= 120)
            .MaxBy(l => l.FontSize);
        return top is not null && fonts.BodySize > 0 && top.FontSize >= fonts.BodySize * 1.15 ? top : null;
    }

    /// <summary>The confidence that a line is a section header (0 when it is not one) and its level:
    /// 2 for larger type or capitals, 3 for bold type at body size (an entry's title line).</summary>
    private static (double Confidence, int Level) Heading(PdfLine line, PdfLine? next, FontStatistics fonts)
    {
        var text = line.Text;
        var letters = text.Count(char.IsLetter);
        if (letters < 2 || text.Length > 80 || text.Split(' ', '\t').Length > 10 || text[^1] is '.' or ',' or ';' || Bullet(text) > 0)
            return (0, 0);
        if (fonts.IsLarger(line))
            return (0.9, 2);

        // Short lines in capitals followed by body text ("EXPERIENCE") head a section.
        var caps = letters >= 3 && text.Length <= 40 && text.Where(char.IsLetter).All(char.IsUpper);
        var bodyFollows = next is not null && next.Text.Any(char.IsLower);
        if (caps && bodyFollows)
            return (0.7, 2);
        return fonts.IsBolder(line) ? (0.6, 3) : (0, 0);
    }

    /// <summary>The confidence that a line starts a list item: 1 for a bullet glyph, less for numbering.</summary>
    internal static double Bullet(string text)
    {
        if (BulletGlyph().IsMatch(text))
            return 1.0;
        return Numbering().IsMatch(text) ? 0.8 : 0;
    }

    private static Segment Make(int page, double pageHeight, SegmentType type, List<PdfLine> lines, double confidence, int? level, TableData? table)
    {
        var box = lines.Select(l => PdfLines.ToBox(l.Box, pageHeight)).Aggregate((a, b) => a.Union(b));
        return new Segment
        {
            Id = "",
            Type = type,
            PageNumber = page,
            Box = box,
            Text = TextNormalizer.NormalizeNewlines(string.Join('\n', lines.Select(l => l.Text))),
            Confidence = confidence,
            Level = level,
            Table = table,
        };
    }

    [GeneratedRegex(@"^[•▪\-–*◦●■►‣∙·](\s|$)", RegexOptions.None, matchTimeoutMilliseconds: 1000)]
    private static partial Regex BulletGlyph();

    [GeneratedRegex(@"^(\d{1,2}[.)]|[a-z]\))\s", RegexOptions.None, matchTimeoutMilliseconds: 1000)]
    private static partial Regex Numbering();
}
