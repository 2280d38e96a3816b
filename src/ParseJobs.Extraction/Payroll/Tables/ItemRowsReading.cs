using ParseJobs.Extraction.Payroll.Sources;

namespace ParseJobs.Extraction.Payroll.Tables;

/// <summary>Exports with one row per item (employee, period, type, code, label, amount): the rows of an employee
/// make one employee; the label says what an item is, the type column where the label does not; gross and net are
/// their own rows.</summary>
public sealed class ItemRowsReading : IPayrollReading
{
    public string Name => "item_rows";

    public EmployeeReading? Read(PayrollContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var rows = context.Rows;
        var header = TableHeader.Find(rows, 0, context.Terms, IsItemHeader);
        if (header is null)
            return null;
        var id = header.First(TermCategory.EmployeeId);
        var name = header.First(TermCategory.Name);
        var type = header.First(TermCategory.ItemType);
        var code = header.First(TermCategory.ItemCode);
        var label = header.First(TermCategory.ItemLabel);
        var amount = header.First(TermCategory.Amount)!;

        var items = new List<(string Key, string Id, string Name, TermCategory Category, PayrollLine Line)>();
        PayPeriod? period = null;
        int read = 0, understood = 0;
        foreach (var row in rows.Skip(header.RowIndex + 1).Where(r => r.Block == rows[header.RowIndex].Block))
        {
            if (context.Amount(TableHeader.Cell(row, amount)) is not { } value)
                continue;
            read++;
            var idText = TableHeader.Cell(row, id) ?? "";
            var nameText = TableHeader.Cell(row, name) ?? "";
            if (idText.Length == 0 && nameText.Length == 0)
                continue;
            var labelText = TableHeader.Cell(row, label) ?? TableHeader.Cell(row, code) ?? "";
            var category = Category(context.Terms, labelText, TableHeader.Cell(row, type) ?? "");
            if (category is null)
                continue;
            understood++;
            period ??= RowPeriod.Of(row, context.Dates);
            var codeText = TableHeader.Cell(row, code) ?? context.Terms.Match(labelText)?.Code ?? "";
            items.Add((idText.Length > 0 ? idText : nameText, idText, nameText, category.Value, new PayrollLine(codeText, labelText, value)));
        }

        var employees = items.GroupBy(i => i.Key, StringComparer.Ordinal).Select(Employee).Where(e => e is not null).Select(e => e!).ToList();
        if (employees.Count == 0)
            return null;
        return new EmployeeReading(employees, read == 0 ? 0 : understood / (double)read) { Period = period };
    }

    private static bool IsItemHeader(TableHeader header) =>
        header.First(TermCategory.Amount) is not null
        && (header.First(TermCategory.ItemLabel) ?? header.First(TermCategory.ItemType)) is not null
        && (header.First(TermCategory.EmployeeId) ?? header.First(TermCategory.Name)) is not null;

    // Gross and net rows by label or type; a deduction or tax by what the label names (PAYE is a tax even when the
    // export types it a deduction), else by the type column. Earnings are not lines.
    private static TermCategory? Category(PayrollTerms terms, string label, string type)
    {
        var byType = terms.Match(type)?.Category;
        var byLabel = terms.Match(label)?.Category;
        if (byType is TermCategory.Gross or TermCategory.Net)
            return byType;
        if (byLabel is TermCategory.Gross or TermCategory.Net && byType is not (TermCategory.Deduction or TermCategory.Tax))
            return byLabel;
        if (byLabel is TermCategory.Deduction or TermCategory.Tax)
            return byLabel;
        if (byType is TermCategory.Deduction or TermCategory.Tax)
            return byType;
        return null;
    }

    private static PayrollEmployee? Employee(IGrouping<string, (string Key, string Id, string Name, TermCategory Category, PayrollLine Line)> items)
    {
        var first = items.First();
        var gross = items.Where(i => i.Category == TermCategory.Gross).Select(i => (decimal?)i.Line.Amount).FirstOrDefault();
        var net = items.Where(i => i.Category == TermCategory.Net).Select(i => (decimal?)i.Line.Amount).FirstOrDefault();
        var lines = items.Where(i => i.Category is TermCategory.Deduction or TermCategory.Tax).ToList();
        var orientation = LineSigns.Orientation(lines.Select(i => i.Line.Amount));
        List<PayrollLine> Of(TermCategory category) =>
            [.. lines.Where(i => i.Category == category && i.Line.Amount != 0).Select(i => i.Line with { Amount = i.Line.Amount * orientation })];
        return gross is null && net is null ? null : new PayrollEmployee(first.Id, first.Name, gross, net, Of(TermCategory.Deduction), Of(TermCategory.Tax));
    }
}
