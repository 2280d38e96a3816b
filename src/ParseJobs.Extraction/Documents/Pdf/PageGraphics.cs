using UglyToad.PdfPig.Content;
using UglyToad.PdfPig.Core;

namespace ParseJobs.Extraction.Documents.Pdf;

/// <summary>The vector shapes of a page that structure its text: ruling lines (table borders; browsers draw
/// them as thin filled rectangles) and small square marks (browsers draw list bullets as paths, not glyphs).
/// PdfPig coordinates.</summary>
internal sealed record PageGraphics(IReadOnlyList<PdfRectangle> Horizontal, IReadOnlyList<PdfRectangle> Vertical, IReadOnlyList<PdfRectangle> Marks)
{
    // Paths beyond this are not inspected: a vector drawing holds no table, and work stays bounded.
    private const int MaxPaths = 5_000;

    public static PageGraphics Empty { get; } = new([], [], []);

    public static PageGraphics From(Page page)
    {
        var horizontal = new List<PdfRectangle>();
        var vertical = new List<PdfRectangle>();
        var marks = new List<PdfRectangle>();
        foreach (var path in page.Paths.Take(MaxPaths))
        {
            if (path.IsClipping || path.GetBoundingRectangle() is not { } r)
                continue;
            if (r.Width >= 8 && r.Height <= 2.5 && r.Width >= 5 * r.Height)
                horizontal.Add(r);
            else if (r.Height >= 8 && r.Width <= 2.5 && r.Height >= 5 * r.Width)
                vertical.Add(r);
            else if (path.IsFilled && r.Width is >= 1.5 and <= 8 && r.Height is >= 1.5 and <= 8 && Math.Abs(r.Width - r.Height) <= 1.5)
                marks.Add(r);
            else if (path.IsStroked && r.Width >= 8 && r.Height >= 8)
            {
                // A stroked rectangle outlines a cell or a table: its four edges are rules.
                horizontal.Add(new PdfRectangle(r.Left, r.Top - 0.5, r.Right, r.Top + 0.5));
                horizontal.Add(new PdfRectangle(r.Left, r.Bottom - 0.5, r.Right, r.Bottom + 0.5));
                vertical.Add(new PdfRectangle(r.Left - 0.5, r.Bottom, r.Left + 0.5, r.Top));
                vertical.Add(new PdfRectangle(r.Right - 0.5, r.Bottom, r.Right + 0.5, r.Top));
            }
        }

        return new PageGraphics(horizontal, vertical, marks);
    }

    /// <summary>Whether a bullet mark stands just left of the line, at its height.</summary>
    public bool HasMarkBefore(PdfLine line)
    {
        var reach = Math.Max(12, 2.5 * line.FontSize);
        foreach (var m in Marks)
        {
            var centre = (m.Bottom + m.Top) / 2;
            if (m.Right <= line.Box.Left + 0.5 && line.Box.Left - m.Right <= reach && centre >= line.Box.Bottom && centre <= line.Box.Top)
                return true;
        }

        return false;
    }
}
