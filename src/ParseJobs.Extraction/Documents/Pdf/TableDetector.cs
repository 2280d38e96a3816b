using UglyToad.PdfPig.Content;
using UglyToad.PdfPig.Core;

namespace ParseJobs.Extraction.Documents.Pdf;

/// <summary>Finds tables among consecutive lines: cells aligned in the same columns over several rows.
/// Ruling lines drawn around the rows (the page's thin paths) make two rows enough; without them three are
/// needed, so that a job title with its date above a company with its city is not taken for a table.</summary>
internal static class TableDetector
{
    // Paths beyond this are not inspected: a vector drawing is no table ruling, and work stays bounded.
    private const int MaxPathsPerPage = 5_000;

    /// <summary>Horizontal ruling lines of a page (thin, wide paths; rectangle outlines count by their edges).</summary>
    public static IReadOnlyList<PdfRectangle> Rulings(Page page)
    {
        var rulings = new List<PdfRectangle>();
        foreach (var path in page.Paths.Take(MaxPathsPerPage))
        {
            if (path.IsClipping || path.GetBoundingRectangle() is not { } r)
                continue;
            if (r.Width >= 20 && r.Height <= 2.5)
                rulings.Add(r);
            else if (r.Width >= 20 && r.Height >= 6 && path.IsStroked)
            {
                rulings.Add(new PdfRectangle(r.Left, r.Top - 1, r.Right, r.Top));
                rulings.Add(new PdfRectangle(r.Left, r.Bottom, r.Right, r.Bottom + 1));
            }
        }

        return rulings;
    }

    /// <summary>Runs [start, end) of table rows in <paramref name="lines"/>, with their confidence.</summary>
    public static List<(int Start, int End, double Confidence)> Find(IReadOnlyList<PdfLine> lines, IReadOnlyList<PdfRectangle> rulings)
    {
        var runs = new List<(int, int, double)>();
        var i = 0;
        while (i < lines.Count)
        {
            var end = i + 1;
            if (lines[i].Cells.Count >= 2)
            {
                while (end < lines.Count && Aligned(lines[i], lines[end]))
                    end++;
            }

            var rows = end - i;
            var ruled = rows >= 2 && Ruled(lines, i, end, rulings);
            if (rows >= 3 || ruled)
            {
                runs.Add((i, end, ruled ? 0.95 : 0.7));
                i = end;
            }
            else
            {
                i++;
            }
        }

        return runs;
    }

    public static TableData ToTable(IReadOnlyList<PdfLine> rows)
    {
        var cells = new List<TableCell>();
        for (var r = 0; r < rows.Count; r++)
        {
            for (var c = 0; c < rows[r].Cells.Count; c++)
                cells.Add(new TableCell(r, c, rows[r].Cells[c].Text));
        }

        return new TableData(rows.Count, rows.Max(l => l.Cells.Count), cells);
    }

    /// <summary>Same number of cells, each starting (or ending, for right-aligned numbers) at the same x.</summary>
    private static bool Aligned(PdfLine first, PdfLine row)
    {
        if (row.Cells.Count != first.Cells.Count)
            return false;
        var tolerance = Math.Max(3, 0.5 * Math.Max(first.FontSize, row.FontSize));
        for (var c = 0; c < row.Cells.Count; c++)
        {
            var a = first.Cells[c];
            var b = row.Cells[c];
            if (Math.Abs(a.Left - b.Left) > tolerance && Math.Abs(a.Right - b.Right) > tolerance
                && Math.Abs((a.Left + a.Right) / 2 - (b.Left + b.Right) / 2) > tolerance)
                return false;
        }

        return true;
    }

    /// <summary>Horizontal rules at two or more heights within the rows' x range, close to the rows.</summary>
    private static bool Ruled(IReadOnlyList<PdfLine> lines, int start, int end, IReadOnlyList<PdfRectangle> rulings)
    {
        var top = lines.Skip(start).Take(end - start).Max(l => l.Box.Top);
        var bottom = lines.Skip(start).Take(end - start).Min(l => l.Box.Bottom);
        var left = lines.Skip(start).Take(end - start).Min(l => l.Box.Left);
        var right = lines.Skip(start).Take(end - start).Max(l => l.Box.Right);
        var margin = 2 * lines[start].Box.Height + 4;
        // Browsers draw cell borders per cell: count distinct heights, not paths.
        var count = rulings
            .Where(r => r.Bottom <= top + margin && r.Top >= bottom - margin && r.Left < right && r.Right > left)
            .Select(r => Math.Round(r.Bottom))
            .Distinct()
            .Count();
        return count >= 2;
    }
}
