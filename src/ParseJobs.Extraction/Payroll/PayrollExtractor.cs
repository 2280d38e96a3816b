using System.Text.RegularExpressions;
using ParseJobs.Extraction.Payroll.Reading;
using ParseJobs.Extraction.Payroll.Sources;

namespace ParseJobs.Extraction.Payroll;

/// <summary>Rows of a document (<see cref="PayrollSource"/>) to its canonical payroll: the number and date
/// conventions, the period and the currency read from all its text, the employees of whichever reading explains the
/// document best (a register's table, an export's item rows, payslips or employee blocks), each employee's arithmetic
/// checked, and a confidence (<see cref="PayrollConfidence"/>).</summary>
public sealed partial class PayrollExtractor(IReadOnlyList<IPayrollReading> readings, PayrollTerms terms)
{
    public PayrollExtractor()
        : this(PayrollReadings.Default, PayrollTerms.Default)
    {
    }

    public PayrollExtraction Extract(PayrollSource source)
    {
        ArgumentNullException.ThrowIfNull(source);
        var texts = source.Rows.Concat(source.PageLines == source.Rows ? [] : source.PageLines).ToList();
        var cells = texts.SelectMany(r => r.Cells).Select(c => c.Text).ToList();
        var lines = texts.Select(r => r.Text).ToList();
        var context = new PayrollContext(source, PayrollNumbers.DetectStyle(cells), DetectDateOrder(lines), terms);

        var best = Best(context);
        if (best is null || best.Reading.Employees.Count == 0)
            return PayrollExtraction.NoPayroll("The document holds no payroll register, export or payslip: no employee with gross or net pay was found.");

        var reading = best.Reading;
        var period = reading.Period ?? PayPeriodReader.Find(lines, context.Dates);
        var currency = CurrencyReader.Find(lines);
        var warnings = new List<PayrollWarning>();
        warnings.AddRange(PayrollChecks.NetMismatches(reading.Employees));
        var netMismatches = warnings.Count;
        warnings.AddRange(PayrollChecks.TotalsMismatches(reading.Employees, reading.Totals));
        var totalsMismatches = warnings.Count - netMismatches;
        if (period is null)
            warnings.Add(new PayrollWarning(PayrollWarnings.NoPayPeriod, "No pay period could be read from the document."));
        if (currency is null)
            warnings.Add(new PayrollWarning(PayrollWarnings.NoCurrency, "No currency is printed in the document."));
        if (source.Truncated)
            warnings.Add(new PayrollWarning(PayrollWarnings.SourceTruncated, "The document is larger than the limits; rows beyond them were not read."));

        var confidence = PayrollConfidence.Score(reading, period is not null, currency is not null, netMismatches, totalsMismatches);
        if (source.Truncated)
            confidence = Math.Min(confidence, 0.5);
        return new PayrollExtraction(confidence, new CanonicalPayroll(period, currency, reading.Employees), warnings);
    }

    private sealed record Candidate(string Name, EmployeeReading Reading, double Score);

    // The reading whose employees are most complete and add up most often; the reading's own certainty breaks ties.
    private Candidate? Best(PayrollContext context)
    {
        Candidate? best = null;
        foreach (var reading in readings)
        {
            var result = reading.Read(context);
            if (result is null || result.Employees.Count == 0)
                continue;
            var complete = result.Employees.Count(e => e.GrossPay is not null && e.NetPay is not null);
            var addUp = result.Employees.Count(PayrollChecks.AddsUp);
            var score = complete + addUp + (0.5 * Math.Clamp(result.Recognised, 0, 1));
            if (best is null || score > best.Score)
                best = new Candidate(reading.Name, result, score);
        }

        return best;
    }

    // 13/01/2025 says day first, 01/13/2025 month first; with no such date, a $ document is month first.
    private static DateOrder DetectDateOrder(IReadOnlyList<string> lines)
    {
        int dayFirst = 0, monthFirst = 0;
        var dollars = false;
        foreach (var line in lines)
        {
            dollars |= line.Contains('$', StringComparison.Ordinal) || line.Contains("USD", StringComparison.Ordinal);
            foreach (Match match in SlashDate().Matches(line))
            {
                var a = int.Parse(match.Groups["a"].Value, System.Globalization.CultureInfo.InvariantCulture);
                var b = int.Parse(match.Groups["b"].Value, System.Globalization.CultureInfo.InvariantCulture);
                if (a > 12 && b <= 12)
                    dayFirst++;
                else if (b > 12 && a <= 12)
                    monthFirst++;
            }
        }

        if (dayFirst != monthFirst)
            return dayFirst > monthFirst ? DateOrder.DayMonthYear : DateOrder.MonthDayYear;
        return dollars ? DateOrder.MonthDayYear : DateOrder.DayMonthYear;
    }

    [GeneratedRegex(@"\b(?<a>\d{1,2})/(?<b>\d{1,2})/\d{2,4}\b", RegexOptions.CultureInvariant | RegexOptions.NonBacktracking)]
    private static partial Regex SlashDate();
}
