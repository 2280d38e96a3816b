using ParseJobs.Extraction.Payroll.Reading;
using ParseJobs.Extraction.Payroll.Sources;

namespace ParseJobs.Extraction.Payroll.Tables;

/// <summary>A period printed in a row's own cells (an export's "period start" and "period end" columns).</summary>
public static class RowPeriod
{
    public static PayPeriod? Of(SourceRow row, DateOrder order)
    {
        ArgumentNullException.ThrowIfNull(row);
        var dates = row.Cells.Select(c => PayPeriodReader.Date(c.Text, order)).OfType<DateOnly>().Distinct().ToList();
        return dates.Count == 2 ? new PayPeriod(dates.Min(), dates.Max()) : null;
    }
}
