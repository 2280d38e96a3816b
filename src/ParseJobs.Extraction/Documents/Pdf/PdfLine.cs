using UglyToad.PdfPig.Core;

namespace ParseJobs.Extraction.Documents.Pdf;

/// <summary>A run of words on one line separated from the next run by a gap much wider than a space
/// (a table cell, a chip, a date beside a title). Edges in PdfPig coordinates.</summary>
internal sealed record PdfCell(string Text, double Left, double Right);

/// <summary>One output line of the reading order: its text as the line-based stages see it (cells
/// joined by '\t'), its box in PdfPig coordinates (origin bottom-left) and its typography.</summary>
internal sealed record PdfLine(string Text, PdfRectangle Box, IReadOnlyList<PdfCell> Cells, double FontSize, bool Bold, int Letters)
{
    /// <summary>This line with another one (an anchor: a date or label) joined after a tab, or before it.</summary>
    public PdfLine Join(PdfLine other, bool otherFirst)
    {
        var box = new PdfRectangle(
            Math.Min(Box.Left, other.Box.Left), Math.Min(Box.Bottom, other.Box.Bottom),
            Math.Max(Box.Right, other.Box.Right), Math.Max(Box.Top, other.Box.Top));
        var (first, second) = otherFirst ? (other, this) : (this, other);
        return this with { Text = first.Text + "\t" + second.Text, Box = box, Cells = [.. first.Cells, .. second.Cells] };
    }
}

/// <summary>Consecutive lines of the reading order that come from one text block (or one row grid, or one
/// ruled table: <see cref="IsTable"/>): the unit the classifier splits into segments.</summary>
internal sealed record LineGroup(IReadOnlyList<PdfLine> Lines, bool IsGrid, bool IsTable = false);
