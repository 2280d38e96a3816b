using UglyToad.PdfPig.DocumentLayoutAnalysis;

namespace ParseJobs.Extraction.Documents.Pdf;

/// <summary>A page header that hides the gutter of the columns below it.</summary>
internal static class HeaderBlock
{
    /// <summary>A header block (title, a contact line across the page) that Docstrum ran on into the first heading of
    /// one column ("Summary"), hiding the gutter between the columns below it: its lines down to the last one across
    /// the gutter become the head, read first, then the columns below, one after the other. A gutter freed this way
    /// has a page header above it, so a narrower side column (a tenth of the text) counts. Null when no cut frees one.</summary>
    public static (List<TextBlock> Head, List<TextBlock> Left, List<TextBlock> Right)? Split(IReadOnlyList<TextBlock> blocks)
    {
        foreach (var x in blocks.Select(b => b.BoundingBox.Right + 0.5).Distinct())
        {
            var crossing = blocks.Where(b => b.BoundingBox.Left < x && b.BoundingBox.Right > x).ToList();
            if (crossing.Count != 1)
                continue;
            var header = crossing[0];
            var lines = header.TextLines.OrderByDescending(l => l.BoundingBox.Top).ToList();
            var last = lines.FindLastIndex(l => l.BoundingBox.Left < x && l.BoundingBox.Right > x);
            if (last < 0 || last == lines.Count - 1)
                continue;
            var cut = lines[last].BoundingBox.Bottom;
            var body = blocks.Where(b => !ReferenceEquals(b, header) && b.BoundingBox.Top < cut).Append(new TextBlock(lines[(last + 1)..], "\n")).ToList();
            if (ReadingOrder.FindGutter(body, minimumShare: 0.1) is not { } gutter)
                continue;
            var head = blocks.Where(b => !ReferenceEquals(b, header) && b.BoundingBox.Top >= cut).Append(new TextBlock(lines[..(last + 1)], "\n")).ToList();
            return (head, body.Where(b => b.BoundingBox.Right <= gutter).ToList(), body.Where(b => b.BoundingBox.Right > gutter).ToList());
        }

        return null;
    }
}
