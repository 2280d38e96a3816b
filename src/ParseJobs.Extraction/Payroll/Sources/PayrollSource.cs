namespace ParseJobs.Extraction.Payroll.Sources;

/// <summary>How a source row's cell positions are to be compared.</summary>
public enum CellGeometry
{
    /// <summary>Cells of a grid (CSV, XLSX, a DOCX or PDF table): <see cref="SourceCell.Left"/> is the column index,
    /// <see cref="SourceCell.Right"/> the index after its last column; columns are exact.</summary>
    Grid,

    /// <summary>Cells placed on a page (PDF words joined into cells by their gaps, or text split at runs of
    /// spaces): positions in points (or characters for text); columns line up by overlap.</summary>
    Positioned,
}

/// <summary>One cell of a row: its text (trimmed, never empty) and where it stands.</summary>
public sealed record SourceCell(string Text, double Left, double Right)
{
    public double Center => (Left + Right) / 2;
}

/// <summary>One row of a document as the payroll readers see it: a line of a page or a row of a table or sheet,
/// cells left to right. Every format becomes rows, so that one set of readers serves them all.</summary>
/// <param name="Page">1-based page (PDF) or sheet (XLSX) number; 1 for CSV, TXT and DOCX.</param>
/// <param name="Block">Rows of the same table or sheet share a block number (a new table is a new block); rows of
/// free text have their own numbers, so that a reader can tell a table's end.</param>
public sealed record SourceRow(int Page, int Block, CellGeometry Geometry, IReadOnlyList<SourceCell> Cells)
{
    /// <summary>The cells' texts joined by single spaces, for reading labels and periods.</summary>
    public string Text => string.Join(' ', Cells.Select(c => c.Text));
}

/// <summary>A document read for payroll: its rows in reading order, and what was cut to the limits.</summary>
/// <param name="Rows">All rows of all pages or sheets, top to bottom: tables as grid rows (CSV, XLSX, DOCX tables, a
/// PDF's ruled tables from the layout model), other text as rows of the layout's lines.</param>
/// <param name="Truncated">True when rows, cells or sheets beyond the limits were dropped (SOURCE_TRUNCATED).</param>
public sealed record PayrollSource(IReadOnlyList<SourceRow> Rows, bool Truncated = false)
{
    public static PayrollSource Empty { get; } = new([]);

    /// <summary>A PDF's printed lines as positioned rows (words joined into cells by their gaps, x in points), page by
    /// page top to bottom: what label/amount readings (payslips, employee blocks) read. For other formats, the same as
    /// <see cref="Rows"/>.</summary>
    public IReadOnlyList<SourceRow> PageLines
    {
        get => _pageLines ?? Rows;
        init => _pageLines = value;
    }

    private readonly IReadOnlyList<SourceRow>? _pageLines;
}
