using ParseJobs.Extraction.Payroll.Sources;

namespace ParseJobs.Extraction.Payroll.Tables;

/// <summary>A column of a payroll table: where it stands, its printed header and what the header means.</summary>
public sealed record TableColumn(int Index, string Header, PayrollTerm? Term)
{
    public TermCategory? Category => Term?.Category;
}

/// <summary>The header row of a grid table: the row, among the first of a block, whose cells the vocabulary
/// understands best. Group heads above it ("Sozialversicherung", "Retenues") are left out.</summary>
public sealed record TableHeader(int RowIndex, IReadOnlyList<TableColumn> Columns, double Recognised)
{
    private const int RowsSearched = 12;

    /// <summary>The header of the grid rows from <paramref name="start"/> (same block), or null when no row has at
    /// least two understood cells.</summary>
    public static TableHeader? Find(IReadOnlyList<SourceRow> rows, int start, PayrollTerms terms, Func<TableHeader, bool> accept)
    {
        ArgumentNullException.ThrowIfNull(rows);
        ArgumentNullException.ThrowIfNull(terms);
        ArgumentNullException.ThrowIfNull(accept);
        TableHeader? best = null;
        var bestKnown = 1;
        for (var i = start; i < rows.Count && i < start + RowsSearched && rows[i].Block == rows[start].Block; i++)
        {
            var row = rows[i];
            if (row.Geometry != CellGeometry.Grid || row.Cells.Count < 3)
                continue;
            var columns = row.Cells.Select(c => new TableColumn((int)c.Left, c.Text.Replace('\n', ' '), terms.Match(c.Text))).ToList();
            var known = columns.Count(c => c.Term is not null);
            var header = new TableHeader(i, columns, known / (double)columns.Count);
            if (known > bestKnown && accept(header))
            {
                best = header;
                bestKnown = known;
            }
        }

        return best;
    }

    public TableColumn? First(TermCategory category) => Columns.FirstOrDefault(c => c.Category == category);

    /// <summary>The same header printed again (a table continued after a page break).</summary>
    public bool IsRepeatedBy(SourceRow row)
    {
        ArgumentNullException.ThrowIfNull(row);
        return row.Cells.Count == Columns.Count
            && row.Cells.Zip(Columns).All(p => string.Equals(PayrollTerms.Normalize(p.First.Text), PayrollTerms.Normalize(p.Second.Header), StringComparison.Ordinal));
    }

    /// <summary>The text of the cell in a column of a row, or null.</summary>
    public static string? Cell(SourceRow row, TableColumn? column)
    {
        ArgumentNullException.ThrowIfNull(row);
        if (column is null)
            return null;
        foreach (var cell in row.Cells)
        {
            if ((int)cell.Left == column.Index)
                return cell.Text;
        }

        return null;
    }
}
