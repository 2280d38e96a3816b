using DocumentFormat.OpenXml.Wordprocessing;
using ParseJobs.Extraction.Parsing;
using WordCell = DocumentFormat.OpenXml.Wordprocessing.TableCell;

namespace ParseJobs.Extraction.Documents.Docx;

/// <summary>A Word table as a table segment: cells with row and column spans (gridBefore, gridSpan, vMerge), and
/// the segment text. Positions come from the document, so they are capped: a hostile <c>gridBefore</c> or
/// <c>gridSpan</c> of two billion must not become a two-billion-column table. Cells beyond
/// <see cref="ParseLimits.MaxTableColumns"/>, rows beyond <see cref="ParseLimits.MaxTableRows"/> and cells beyond
/// <see cref="ParseLimits.MaxTableCells"/> are dropped and the table says it was truncated: the rest of the
/// document is fine, so the job completes with a TABLE_TRUNCATED warning instead of failing.</summary>
internal static class DocxTables
{
    /// <summary>A table read: <see cref="Data"/> is null when no cell holds text; <see cref="Truncated"/> when the
    /// limits cut it.</summary>
    public sealed record DocxTable(string Text, TableData? Data, bool Truncated);

    public static DocxTable Read(Table table, ParseLimits limits)
    {
        var maxColumns = limits.MaxTableColumns;
        var cells = new List<MutableCell>();
        var open = new Dictionary<int, MutableCell>();
        var truncated = false;
        var rowIndex = 0;
        var gridColumns = table.GetFirstChild<TableGrid>()?.Elements<GridColumn>().Count() ?? 0;
        var columnCount = Math.Min(maxColumns, gridColumns);
        truncated |= gridColumns > maxColumns;
        foreach (var row in table.Elements<TableRow>())
        {
            if (rowIndex >= limits.MaxTableRows)
            {
                truncated = true;
                break;
            }

            var gridBefore = DocxText.IntOf(row.TableRowProperties?.GetFirstChild<GridBefore>()?.Val);
            truncated |= gridBefore > maxColumns;
            var column = Math.Clamp(gridBefore, 0, maxColumns);
            foreach (var cell in row.Elements<WordCell>())
            {
                if (column >= maxColumns || cells.Count >= limits.MaxTableCells)
                {
                    truncated = true;
                    break;
                }

                var declaredSpan = Math.Max(1, DocxText.IntOf(cell.TableCellProperties?.GridSpan?.Val, 1));
                var span = Math.Min(declaredSpan, maxColumns - column);
                truncated |= span < declaredSpan;
                var merge = cell.TableCellProperties?.VerticalMerge;
                var restart = string.Equals(merge?.Val?.InnerText, "restart", StringComparison.OrdinalIgnoreCase);
                if (merge is not null && !restart && open.TryGetValue(column, out var above))
                {
                    // A continued cell: Word ignores its content; the cell above grows by a row.
                    above.RowSpan = rowIndex - above.Row + 1;
                }
                else
                {
                    var lines = new List<string>();
                    DocxText.CollectText(cell, lines);
                    var created = new MutableCell(rowIndex, column, string.Join('\n', lines), span);
                    cells.Add(created);
                    for (var c = column; c < column + span; c++)
                    {
                        if (restart)
                            open[c] = created;
                        else
                            open.Remove(c);
                    }
                }

                column += span;
            }

            columnCount = Math.Max(columnCount, column);
            rowIndex++;
        }

        if (cells.TrueForAll(c => c.Text.Length == 0))
            return new DocxTable("", null, truncated);
        var data = new TableData(rowIndex, columnCount,
            [.. cells.Select(c => new Documents.TableCell(c.Row, c.Column, c.Text, c.RowSpan, c.ColumnSpan))]);

        // Rows as lines, cells separated by a tab, as Segment.Text promises. A cell of several paragraphs (a layout
        // table: dates left; title, company and description right) gives the row one line per paragraph, the k-th
        // line holding each cell's k-th paragraph, as a PDF of the same table reads; flattening them ran the title,
        // the company and the description into one line. Cells are grouped by row once (not a scan per row).
        var byRow = cells.ToLookup(c => c.Row);
        var text = string.Join('\n', Enumerable.Range(0, rowIndex)
            .SelectMany(r => RowLines([.. byRow[r].Select(c => c.Text.Split('\n'))]))
            .Where(l => l.Trim().Length > 0));
        return new DocxTable(text, data, truncated);
    }

    private static IEnumerable<string> RowLines(List<string[]> cellLines)
    {
        var height = cellLines.Count == 0 ? 0 : cellLines.Max(c => c.Length);
        for (var k = 0; k < height; k++)
            yield return string.Join('\t', cellLines.Select(c => k < c.Length ? c[k] : "")).TrimEnd('\t');
    }

    private sealed class MutableCell(int row, int column, string text, int columnSpan)
    {
        public int Row { get; } = row;

        public int Column { get; } = column;

        public string Text { get; } = text;

        public int ColumnSpan { get; } = columnSpan;

        public int RowSpan { get; set; } = 1;
    }
}
