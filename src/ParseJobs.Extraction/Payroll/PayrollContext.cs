using ParseJobs.Extraction.Payroll.Reading;
using ParseJobs.Extraction.Payroll.Sources;

namespace ParseJobs.Extraction.Payroll;

/// <summary>What every reading of a document shares: its rows and how it prints numbers and dates.</summary>
public sealed record PayrollContext(PayrollSource Source, NumberStyle Numbers, DateOrder Dates, PayrollTerms Terms)
{
    public IReadOnlyList<SourceRow> Rows => Source.Rows;

    /// <summary>An amount as the document prints it, or null.</summary>
    public decimal? Amount(string? text) => PayrollNumbers.TryParse(text, Numbers, out var value) ? value : null;
}

/// <summary>One way of finding employees in rows: a register's table, an export's item rows, payslips or employee
/// blocks. The extractor runs every reading and keeps the one that explains the document best.</summary>
public interface IPayrollReading
{
    /// <summary>For logs and tests ("wide_table", "item_rows", "blocks").</summary>
    string Name { get; }

    /// <summary>The employees this reading finds, or null when the document is not of its kind.</summary>
    EmployeeReading? Read(PayrollContext context);
}

/// <summary>The employees one reading found, with what it is sure of.</summary>
/// <param name="Employees">In document order; totals rows, YTD figures and employer contributions left out.</param>
/// <param name="Recognised">0–1: how much of what the reading used it understood (headers or labels matched to
/// terms, cells parsed as numbers, rows complete with gross and net).</param>
/// <param name="Totals">The printed totals (gross, net, by label), when the document prints a totals row or block,
/// for the TOTALS_MISMATCH check; null when it prints none.</param>
public sealed record EmployeeReading(IReadOnlyList<PayrollEmployee> Employees, double Recognised, PrintedTotals? Totals = null)
{
    /// <summary>The period the reading found in its own rows (an export's period columns); null to let the extractor
    /// read it from the document's text.</summary>
    public PayPeriod? Period { get; init; }
}

/// <summary>A printed totals row or company total block.</summary>
public sealed record PrintedTotals(decimal? Gross, decimal? Net);
