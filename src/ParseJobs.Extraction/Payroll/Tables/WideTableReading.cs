using ParseJobs.Extraction.Payroll.Sources;

namespace ParseJobs.Extraction.Payroll.Tables;

/// <summary>Registers and exports with one row per employee and a column per item: the header row says which
/// column is the id, the name, gross, net and each deduction or tax; a totals row is never an employee; a header
/// repeated after a page break continues the table.</summary>
public sealed class WideTableReading : IPayrollReading
{
    public string Name => "wide_table";

    public EmployeeReading? Read(PayrollContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var rows = context.Rows;
        for (var start = 0; start < rows.Count; start = NextBlock(rows, start))
        {
            var header = TableHeader.Find(rows, start, context.Terms, IsRegisterHeader);
            if (header is null)
                continue;
            var data = DataRows(rows, header);
            var reading = Employees(context, header, data);
            if (reading is not null)
                return reading;
        }

        return null;
    }

    // German and Italian glue words together ("Steuerbrutto", "Gesamtnetto"): a header holding one of these is
    // gross or net when no header says so as a word.
    private static readonly string[] GrossParts = ["brutto", "gross", "lordo"];
    private static readonly string[] NetParts = ["netto", "netta"];

    private static TableColumn? Compound(TableHeader header, string[] parts) =>
        header.Columns.FirstOrDefault(c => c.Term is null && parts.Any(p => PayrollTerms.Normalize(c.Header).Contains(p, StringComparison.Ordinal)));

    private static bool IsRegisterHeader(TableHeader header) =>
        (header.First(TermCategory.Gross) ?? header.First(TermCategory.Net)) is not null
        && (header.First(TermCategory.Name) ?? header.First(TermCategory.EmployeeId) ?? header.First(TermCategory.LastName)) is not null
        && header.First(TermCategory.ItemLabel) is null;

    private static int NextBlock(IReadOnlyList<SourceRow> rows, int start)
    {
        var i = start;
        while (i < rows.Count && rows[i].Block == rows[start].Block)
            i++;
        return i;
    }

    // The header's block after the header, and later grid blocks that print the same header again.
    private static List<SourceRow> DataRows(IReadOnlyList<SourceRow> rows, TableHeader header)
    {
        var data = new List<SourceRow>();
        var i = header.RowIndex + 1;
        var block = rows[header.RowIndex].Block;
        while (i < rows.Count)
        {
            if (rows[i].Block == block)
            {
                data.Add(rows[i++]);
                continue;
            }

            // Past the block: skip text between tables (footers, headings), continue where the header repeats.
            var next = i;
            while (next < rows.Count && rows[next].Geometry != CellGeometry.Grid)
                next++;
            var repeat = -1;
            for (var k = next; k < rows.Count && k < next + 4 && rows[k].Block == rows[next].Block; k++)
            {
                if (header.IsRepeatedBy(rows[k]))
                {
                    repeat = k;
                    break;
                }
            }

            if (repeat < 0)
                break;
            block = rows[repeat].Block;
            i = repeat + 1;
        }

        return data;
    }

    private static EmployeeReading? Employees(PayrollContext context, TableHeader header, List<SourceRow> data)
    {
        var id = header.First(TermCategory.EmployeeId);
        var name = header.First(TermCategory.Name);
        var first = header.First(TermCategory.FirstName);
        var last = header.First(TermCategory.LastName);
        var gross = header.First(TermCategory.Gross) ?? Compound(header, GrossParts);
        var net = header.First(TermCategory.Net) ?? Compound(header, NetParts);
        var lines = LineColumns(header, gross, net);
        // The sign convention is the document's: one orientation for all item columns (a column may hold one value).
        var orientation = LineSigns.Orientation(lines.SelectMany(c => data.Select(r => context.Amount(TableHeader.Cell(r, c)) ?? 0)));

        var employees = new List<PayrollEmployee>();
        PrintedTotals? totals = null;
        PayPeriod? period = null;
        foreach (var row in data)
        {
            var idText = TableHeader.Cell(row, id) ?? "";
            var nameText = TableHeader.Cell(row, name) ?? string.Join(' ', new[] { TableHeader.Cell(row, first), TableHeader.Cell(row, last) }.Where(t => !string.IsNullOrEmpty(t)));
            var grossPay = context.Amount(TableHeader.Cell(row, gross));
            var netPay = context.Amount(TableHeader.Cell(row, net));
            if (grossPay is null && netPay is null)
                continue;
            if (IsTotal(context, idText, nameText, row))
            {
                totals ??= new PrintedTotals(grossPay, netPay);
                continue;
            }

            if (idText.Length == 0 && nameText.Length == 0)
                continue;
            period ??= RowPeriod.Of(row, context.Dates);
            var deductions = new List<PayrollLine>();
            var taxes = new List<PayrollLine>();
            foreach (var column in lines)
            {
                if (context.Amount(TableHeader.Cell(row, column)) is not { } value || value == 0)
                    continue;
                var line = new PayrollLine(column.Term?.Code ?? PayrollTerms.Normalize(column.Header).ToUpperInvariant(), column.Header, value * orientation);
                (column.Category == TermCategory.Tax ? taxes : deductions).Add(line);
            }

            employees.Add(new PayrollEmployee(idText, nameText, grossPay, netPay, deductions, taxes));
        }

        if (employees.Count == 0)
            return null;
        var complete = employees.Count(e => e.GrossPay is not null && e.NetPay is not null) / (double)employees.Count;
        return new EmployeeReading(employees, (header.Recognised + complete) / 2, totals) { Period = period };
    }

    // Deduction and tax columns; an unknown column is an earning before gross and a deduction after it, and after
    // net only when net is printed before the items (a payout or expenses column after net is no deduction).
    private static List<TableColumn> LineColumns(TableHeader header, TableColumn? gross, TableColumn? net)
    {
        var items = header.Columns.Where(c => c.Category is TermCategory.Deduction or TermCategory.Tax).ToList();
        var netBeforeItems = net is not null && items.Count > 0 && items.All(c => c.Index > net.Index);
        return header.Columns.Where(c => c.Category switch
        {
            TermCategory.Deduction or TermCategory.Tax => true,
            null => (gross is null || c.Index > gross.Index) && (net is null || c.Index < net.Index || netBeforeItems),
            _ => false,
        }).ToList();
    }

    private static bool IsTotal(PayrollContext context, string id, string name, SourceRow row)
    {
        if (context.Terms.Match(name)?.Category == TermCategory.Total || context.Terms.Match(id)?.Category == TermCategory.Total)
            return true;
        // A row with sums but neither id nor name, or whose first cell says total.
        return (id.Length == 0 && name.Length == 0) || context.Terms.Match(row.Cells[0].Text)?.Category == TermCategory.Total;
    }
}
