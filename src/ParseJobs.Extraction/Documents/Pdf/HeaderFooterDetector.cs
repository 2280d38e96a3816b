using System.Text;

namespace ParseJobs.Extraction.Documents.Pdf;

/// <summary>Retypes running headers and footers: text in the top or bottom 8% of a page whose normalised
/// text (digits made equal, so "Page 1 of 3" matches "Page 2 of 3") recurs on two or more pages.</summary>
internal static class HeaderFooterDetector
{
    private const double Zone = 0.08;

    public static List<Segment> Apply(IReadOnlyList<Segment> segments, IReadOnlyList<LayoutPage> pages)
    {
        var heights = pages.ToDictionary(p => p.Number, p => p.Height);
        var zoned = segments
            .Select(s => (Segment: s, Zone: ZoneOf(s, heights[s.PageNumber])))
            .ToList();
        var recurring = zoned
            .Where(z => z.Zone is not null)
            .GroupBy(z => (z.Zone, Key: Key(z.Segment.Text)))
            .Where(g => g.Select(z => z.Segment.PageNumber).Distinct().Count() >= 2)
            .Select(g => g.Key)
            .ToHashSet();
        return zoned
            .Select(z => z.Zone is { } zone && recurring.Contains((zone, Key(z.Segment.Text)))
                ? z.Segment with { Type = zone, Level = null, Table = null, Confidence = 0.9 }
                : z.Segment)
            .ToList();
    }

    /// <summary>Text with digits made equal and whitespace collapsed, case-folded.</summary>
    public static string Key(string text)
    {
        var sb = new StringBuilder(text.Length);
        foreach (var c in text.Trim())
        {
            if (char.IsDigit(c))
            {
                if (sb.Length == 0 || sb[^1] != '0')
                    sb.Append('0');
            }
            else if (char.IsWhiteSpace(c))
            {
                if (sb.Length > 0 && sb[^1] != ' ')
                    sb.Append(' ');
            }
            else
            {
                sb.Append(char.ToLowerInvariant(c));
            }
        }

        return sb.ToString();
    }

    private static SegmentType? ZoneOf(Segment segment, double pageHeight)
    {
        if (segment.Text.Length == 0 || segment.Type is SegmentType.Picture or SegmentType.Page)
            return null;
        if (segment.Box.Bottom <= pageHeight * Zone * 1.5 && segment.Box.Top <= pageHeight * Zone)
            return SegmentType.PageHeader;
        if (segment.Box.Top >= pageHeight * (1 - Zone * 1.5) && segment.Box.Bottom >= pageHeight * (1 - Zone))
            return SegmentType.PageFooter;
        return null;
    }
}
