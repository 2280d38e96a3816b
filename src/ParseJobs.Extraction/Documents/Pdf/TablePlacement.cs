namespace ParseJobs.Extraction.Documents.Pdf;

/// <summary>Places ruled tables, read apart from the page's text blocks, back into the reading order.</summary>
internal static class TablePlacement
{
    /// <summary>Where a ruled table goes in the reading order: before the first group of its own column (the groups
    /// it shares x with) that starts below its top, else after that column's last group; by height alone when no
    /// group shares its x. A table of tags in a sidebar must not land between the entries of the main column.</summary>
    public static int Index(List<LineGroup> groups, LineGroup table)
    {
        var top = table.Lines[0].Box.Top;
        var left = table.Lines.Min(l => l.Box.Left);
        var right = table.Lines.Max(l => l.Box.Right);
        bool SameColumn(LineGroup g) => g.Lines.Min(l => l.Box.Left) < right && g.Lines.Max(l => l.Box.Right) > left;
        var below = groups.FindIndex(g => SameColumn(g) && g.Lines[0].Box.Top < top);
        if (below >= 0)
            return below;
        var last = groups.FindLastIndex(SameColumn);
        if (last >= 0)
            return last + 1;
        var at = groups.FindIndex(g => g.Lines[0].Box.Top < top);
        return at < 0 ? groups.Count : at;
    }
}
