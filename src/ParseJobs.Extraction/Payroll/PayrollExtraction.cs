namespace ParseJobs.Extraction.Payroll;

/// <summary>What a payroll job makes of a document (serialised snake_case with <see cref="WireJson"/>): the canonical
/// output, the warnings, and how far to trust it. The API wraps it into the contract's <c>result</c> (adding its
/// <c>id</c> and <c>created_at</c>); field names follow ../contracts/payroll-job.example.json.</summary>
/// <param name="ConfidenceScore">0–1; ≥ 0.9 means the document should be right (docs/PAYROLL.md).</param>
public sealed record PayrollExtraction(double ConfidenceScore, CanonicalPayroll CanonicalOutput, IReadOnlyList<PayrollWarning> Warnings)
{
    /// <summary>A document without payroll content: no employees, confidence 0, NO_PAYROLL_DATA.</summary>
    public static PayrollExtraction NoPayroll(string message) =>
        new(0, new CanonicalPayroll(null, null, []), [new PayrollWarning(PayrollWarnings.NoPayrollData, message)]);
}

/// <summary>The document in canonical form: amounts as printed in <see cref="Currency"/> (money withheld positive,
/// a refund or correction negative), never recomputed.</summary>
/// <param name="Currency">ISO 4217 code (CHF, EUR, GBP, USD…), or null when none is printed.</param>
public sealed record CanonicalPayroll(PayPeriod? PayPeriod, string? Currency, IReadOnlyList<PayrollEmployee> Employees);

/// <summary>The printed pay period as ISO dates; a month name is the whole calendar month.</summary>
public sealed record PayPeriod(DateOnly Start, DateOnly End);

/// <summary>One employee row, block or payslip.</summary>
/// <param name="EmployeeId">As printed; "" when the document prints none.</param>
/// <param name="Name">As printed ("Meier, Anna"); where first and last name are two columns, "First Last".</param>
/// <param name="GrossPay">The printed gross total; null when none is printed.</param>
/// <param name="NetPay">The printed net pay (not a payout adding expenses after it); null when none is printed.</param>
public sealed record PayrollEmployee(
    string EmployeeId,
    string Name,
    decimal? GrossPay,
    decimal? NetPay,
    IReadOnlyList<PayrollLine> Deductions,
    IReadOnlyList<PayrollLine> Taxes);

/// <summary>A deduction or tax: the printed wage-type code or a canonical key (AHV, PAYE, FIT…), the label as
/// printed, the amount withheld (positive; negative for money given back).</summary>
public sealed record PayrollLine(string Code, string Label, decimal Amount);

/// <summary>Something to check by hand: NET_MISMATCH (with the employee), TOTALS_MISMATCH, NO_PAYROLL_DATA…</summary>
/// <param name="EmployeeId">The employee's id as printed, or the printed name when the document prints no ids;
/// null for document-wide warnings.</param>
public sealed record PayrollWarning(string Code, string Message, string? EmployeeId = null);

/// <summary>The warning codes of a payroll result (documented in docs/PAYROLL.md).</summary>
public static class PayrollWarnings
{
    /// <summary>gross − deductions − taxes differs from the printed net by more than 0.01.</summary>
    public const string NetMismatch = "NET_MISMATCH";

    /// <summary>A printed totals row differs from the sum of the employees.</summary>
    public const string TotalsMismatch = "TOTALS_MISMATCH";

    /// <summary>The document holds no payroll content (no employees with pay).</summary>
    public const string NoPayrollData = "NO_PAYROLL_DATA";

    /// <summary>Rows, sheets or cells beyond the limits were not read.</summary>
    public const string SourceTruncated = "SOURCE_TRUNCATED";

    /// <summary>No pay period is printed (or none could be read).</summary>
    public const string NoPayPeriod = "NO_PAY_PERIOD";

    /// <summary>No currency is printed (or none could be read).</summary>
    public const string NoCurrency = "NO_CURRENCY";
}
