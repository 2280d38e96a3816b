using ParseJobs.Extraction.Documents;

namespace ParseJobs.Extraction.Payroll.Sources;

/// <summary>The layout model as rows: a table segment's rows as grid rows of one block; every other line of text as
/// a positioned row whose cells are the pieces the layout printed beside each other ('\t' in the segment text).</summary>
public static class LayoutRows
{
    public static PayrollSource From(LayoutDocument document)
    {
        ArgumentNullException.ThrowIfNull(document);
        var rows = new List<SourceRow>();
        var block = 0;
        foreach (var segment in document.Segments)
        {
            block++;
            if (segment.Table is { } table)
            {
                foreach (var row in table.ToGrid())
                {
                    var cells = row.Select((text, column) => (text: text.Trim(), column))
                        .Where(c => c.text.Length > 0)
                        .Select(c => new SourceCell(c.text, c.column, c.column + 1))
                        .ToList();
                    if (cells.Count > 0)
                        rows.Add(new SourceRow(segment.PageNumber, block, CellGeometry.Grid, cells));
                }

                continue;
            }

            if (segment.Type is SegmentType.Picture)
                continue;
            foreach (var line in segment.Text.Split('\n'))
            {
                var cells = line.Split('\t').Select(t => t.Trim()).Where(t => t.Length > 0)
                    .Select((t, i) => new SourceCell(t, i, i + 1)).ToList();
                if (cells.Count > 0)
                    rows.Add(new SourceRow(segment.PageNumber, block, CellGeometry.Positioned, cells));
            }
        }

        return new PayrollSource(rows);
    }
}
