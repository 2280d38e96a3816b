using ParseJobs.Extraction.Payroll.Sources;

namespace ParseJobs.Extraction.Payroll;

/// <summary>Rows of a document (<see cref="PayrollSource"/>) to its canonical payroll: the period, the currency and
/// the employees read by whichever reading of the rows explains them best (a register's table, an export's item
/// rows, payslip or employee blocks), each employee's arithmetic checked, and a confidence.</summary>
public sealed class PayrollExtractor
{
    public PayrollExtraction Extract(PayrollSource source)
    {
        ArgumentNullException.ThrowIfNull(source);
        // TODO(skeleton): readers, checks, confidence.
        return PayrollExtraction.NoPayroll("The document holds no payroll table or payslip.");
    }
}
