namespace ParseJobs.Extraction.Payroll;

/// <summary>The arithmetic every employee and totals row must satisfy: gross − deductions − taxes = net within
/// 0.01, and a printed total equal to the sum of the employees. Figures are reported as printed; a mismatch is a
/// warning, never a correction.</summary>
public static class PayrollChecks
{
    public const decimal Tolerance = 0.01m;

    /// <summary>gross − deductions − taxes − net, or null when gross or net is not printed.</summary>
    public static decimal? NetDifference(PayrollEmployee employee)
    {
        ArgumentNullException.ThrowIfNull(employee);
        if (employee.GrossPay is not { } gross || employee.NetPay is not { } net)
            return null;
        return gross - employee.Deductions.Sum(l => l.Amount) - employee.Taxes.Sum(l => l.Amount) - net;
    }

    /// <summary>True when the employee's printed figures add up.</summary>
    public static bool AddsUp(PayrollEmployee employee) => NetDifference(employee) is { } d && Math.Abs(d) <= Tolerance;

    /// <summary>A NET_MISMATCH for each employee whose figures do not add up, naming the id (or the name when the
    /// document prints no ids).</summary>
    public static IEnumerable<PayrollWarning> NetMismatches(IEnumerable<PayrollEmployee> employees)
    {
        ArgumentNullException.ThrowIfNull(employees);
        foreach (var employee in employees)
        {
            if (NetDifference(employee) is { } d && Math.Abs(d) > Tolerance)
            {
                var who = employee.EmployeeId.Length > 0 ? employee.EmployeeId : employee.Name;
                yield return new PayrollWarning(PayrollWarnings.NetMismatch,
                    FormattableString.Invariant($"Gross − deductions − taxes differs from the printed net pay by {d:0.00} for {who}; the figures are reported as printed."),
                    who);
            }
        }
    }

    /// <summary>TOTALS_MISMATCH warnings where a printed total differs from the sum of the employees.</summary>
    public static IEnumerable<PayrollWarning> TotalsMismatches(IReadOnlyList<PayrollEmployee> employees, PrintedTotals? totals)
    {
        ArgumentNullException.ThrowIfNull(employees);
        if (totals is null)
            yield break;
        if (totals.Gross is { } gross && Math.Abs(gross - employees.Sum(e => e.GrossPay ?? 0)) > Tolerance)
        {
            yield return new PayrollWarning(PayrollWarnings.TotalsMismatch,
                FormattableString.Invariant($"The printed gross total {gross:0.00} differs from the sum of the employees' gross pay {employees.Sum(e => e.GrossPay ?? 0):0.00}."));
        }

        if (totals.Net is { } net && Math.Abs(net - employees.Sum(e => e.NetPay ?? 0)) > Tolerance)
        {
            yield return new PayrollWarning(PayrollWarnings.TotalsMismatch,
                FormattableString.Invariant($"The printed net total {net:0.00} differs from the sum of the employees' net pay {employees.Sum(e => e.NetPay ?? 0):0.00}."));
        }
    }
}
