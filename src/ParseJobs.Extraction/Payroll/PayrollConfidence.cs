namespace ParseJobs.Extraction.Payroll;

/// <summary>How far to trust a result, 0–1 (docs/PAYROLL.md, "Confidence"). It combines how sure the reading was
/// (headers and labels recognised, numbers parsed, rows complete) with the checks the figures must pass. A result at
/// or above <see cref="Trusted"/> passed every check; any failed check caps it below.</summary>
public static class PayrollConfidence
{
    /// <summary>At or above: every employee adds up, the totals agree, the period and currency were read.</summary>
    public const double Trusted = 0.9;

    public static double Score(EmployeeReading reading, bool hasPeriod, bool hasCurrency, int netMismatches, int totalsMismatches)
    {
        ArgumentNullException.ThrowIfNull(reading);
        var employees = reading.Employees;
        if (employees.Count == 0)
            return 0;
        var addUp = employees.Count(PayrollChecks.AddsUp) / (double)employees.Count;
        var recognised = Math.Clamp(reading.Recognised, 0, 1);
        // The checks weigh most: a row that adds up was read column for column.
        var score = 0.55 * addUp + 0.25 * recognised + 0.1 * (hasPeriod ? 1 : 0) + 0.1 * (hasCurrency ? 1 : 0);
        if (netMismatches > 0 || totalsMismatches > 0)
        {
            // A printed mismatch and a misread look the same from here: either way the document needs a look.
            score = Math.Min(score, Trusted - 0.05 - (0.2 * Math.Min(1, (netMismatches + totalsMismatches) / (double)employees.Count)));
        }

        if (!hasPeriod || !hasCurrency)
            score = Math.Min(score, Trusted - 0.01);
        return Math.Round(Math.Clamp(score, 0, 1), 3);
    }
}
