using UglyToad.PdfPig.Content;

namespace ParseJobs.Extraction.Documents.Pdf;

/// <summary>Attaches a page's link annotations to the segments they cover: a CV's "LinkedIn" label often
/// carries the profile URL only in the annotation behind it.</summary>
internal static class PdfLinks
{
    // A page with more links than this is an index or a link farm: the first ones are kept, work stays bounded.
    private const int MaxLinksPerPage = 200;

    /// <summary>The page's URI links: the label under each (icons dropped) and its box, origin top-left.</summary>
    public static List<(BoundingBox Box, SegmentLink Link)> Read(Page page)
    {
        var links = new List<(BoundingBox, SegmentLink)>();
        foreach (var link in page.GetHyperlinks().Take(MaxLinksPerPage))
        {
            var uri = link.Uri?.Trim();
            if (string.IsNullOrEmpty(uri))
                continue;
            var label = string.Concat(PdfGlyphs.Readable(link.Letters).Select(l => l.Value));
            var text = string.Join(' ', PdfGlyphs.Normalize(label).Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
            links.Add((PdfLines.ToBox(link.Bounds, page.Height), new SegmentLink(text, uri)));
        }

        return links;
    }

    /// <summary>Each link goes to the text segment of its page that its box overlaps most; a link over no
    /// text (a picture, a margin) goes to the nearest text segment of the page.</summary>
    public static List<Segment> Attach(List<Segment> segments, IReadOnlyList<List<(BoundingBox Box, SegmentLink Link)>> pages)
    {
        var byIndex = new Dictionary<int, List<SegmentLink>>();
        for (var p = 0; p < pages.Count; p++)
        {
            foreach (var (box, link) in pages[p])
            {
                var best = -1;
                var bestScore = double.MinValue;
                for (var i = 0; i < segments.Count; i++)
                {
                    var s = segments[i];
                    if (s.PageNumber != p + 1 || s.Text.Length == 0)
                        continue;
                    var score = Overlap(s.Box, box);
                    if (score <= 0)
                        score = -Distance(s.Box, box);
                    if (score > bestScore)
                        (best, bestScore) = (i, score);
                }

                if (best < 0)
                    continue;
                if (!byIndex.TryGetValue(best, out var list))
                    byIndex[best] = list = [];
                if (!list.Contains(link))
                    list.Add(link);
            }
        }

        return byIndex.Count == 0
            ? segments
            : segments.Select((s, i) => byIndex.TryGetValue(i, out var list) ? s with { Links = list } : s).ToList();
    }

    private static double Overlap(BoundingBox a, BoundingBox b)
    {
        var w = Math.Min(a.Right, b.Right) - Math.Max(a.Left, b.Left);
        var h = Math.Min(a.Bottom, b.Bottom) - Math.Max(a.Top, b.Top);
        return w > 0 && h > 0 ? w * h : 0;
    }

    private static double Distance(BoundingBox a, BoundingBox b)
    {
        var dx = Math.Max(0, Math.Max(a.Left - b.Right, b.Left - a.Right));
        var dy = Math.Max(0, Math.Max(a.Top - b.Bottom, b.Top - a.Bottom));
        return Math.Sqrt((dx * dx) + (dy * dy));
    }
}
