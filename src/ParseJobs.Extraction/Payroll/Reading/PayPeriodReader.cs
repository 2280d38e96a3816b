using System.Globalization;
using System.Text.RegularExpressions;

namespace ParseJobs.Extraction.Payroll.Reading;

/// <summary>Which order an all-numeric date with slashes is printed in (01/02/2025).</summary>
public enum DateOrder
{
    DayMonthYear,
    MonthDayYear,
}

/// <summary>Finds the pay period in a document's text: a date range (31.01.2025, 01/31/2025, 31/01/2025,
/// 2025-01-31, with any dash or "bis", "to", "au", "al" between) or a month and year in EN/DE/FR/IT (a whole calendar
/// month). Lines naming a period ("Zeitraum", "Pay period", "Période", "Periodo") win over others; lines naming a
/// pay, print or entry date are never the period.</summary>
public static partial class PayPeriodReader
{
    private static readonly Dictionary<string, int> Months = BuildMonths();

    /// <summary>The period printed in <paramref name="lines"/>, or null.</summary>
    public static PayPeriod? Find(IEnumerable<string> lines, DateOrder order)
    {
        ArgumentNullException.ThrowIfNull(lines);
        PayPeriod? fallback = null;
        foreach (var line in lines)
        {
            if (NotPeriod().IsMatch(line) && !PeriodLabel().IsMatch(line))
                continue;
            var found = Range(line, order) ?? Month(line);
            if (found is null)
                continue;
            if (PeriodLabel().IsMatch(line))
                return found;
            fallback ??= found;
        }

        return fallback;
    }

    /// <summary>A date range in <paramref name="text"/>, or null.</summary>
    public static PayPeriod? Range(string text, DateOrder order)
    {
        ArgumentNullException.ThrowIfNull(text);
        var match = DateRange().Match(text);
        if (!match.Success)
            return null;
        var start = Date(match.Groups["a"].Value, order);
        var end = Date(match.Groups["b"].Value, order);
        return start is { } s && end is { } e && s <= e ? new PayPeriod(s, e) : null;
    }

    /// <summary>"Januar 2025", "January 2025", "janvier 2025", "gennaio 2025", "01/2025" as the whole month, or null.</summary>
    public static PayPeriod? Month(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        foreach (Match match in MonthYear().Matches(text))
        {
            if (Months.TryGetValue(match.Groups["m"].Value.ToLowerInvariant().TrimEnd('.'), out var month))
            {
                var year = int.Parse(match.Groups["y"].Value, CultureInfo.InvariantCulture);
                var first = new DateOnly(year, month, 1);
                return new PayPeriod(first, first.AddMonths(1).AddDays(-1));
            }
        }

        return null;
    }

    /// <summary>One printed date, or null.</summary>
    public static DateOnly? Date(string text, DateOrder order)
    {
        ArgumentNullException.ThrowIfNull(text);
        var parts = text.Split(['.', '/', '-'], StringSplitOptions.TrimEntries);
        if (parts.Length != 3 || !parts.All(p => p.Length > 0 && p.All(char.IsAsciiDigit)))
            return null;
        var n = parts.Select(p => int.Parse(p, CultureInfo.InvariantCulture)).ToArray();
        int year, month, day;
        if (parts[0].Length == 4)
            (year, month, day) = (n[0], n[1], n[2]);
        else if (text.Contains('/', StringComparison.Ordinal) && (order == DateOrder.MonthDayYear ? n[0] <= 12 || n[1] > 12 : n[0] <= 12 && n[1] > 12))
            (year, month, day) = (n[2], n[0], n[1]);
        else
            (year, month, day) = (n[2], n[1], n[0]);
        if (year < 100)
            year += 2000;
        return year is >= 1990 and <= 2100 && month is >= 1 and <= 12 && day >= 1 && day <= DateTime.DaysInMonth(year, month)
            ? new DateOnly(year, month, day)
            : null;
    }

    private static Dictionary<string, int> BuildMonths()
    {
        var months = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var culture in new[] { "en", "de", "fr", "it" })
        {
            var format = CultureInfo.GetCultureInfo(culture).DateTimeFormat;
            for (var m = 1; m <= 12; m++)
            {
                months.TryAdd(format.GetMonthName(m).ToLowerInvariant(), m);
                months.TryAdd(format.GetAbbreviatedMonthName(m).ToLowerInvariant().TrimEnd('.'), m);
            }
        }

        months.TryAdd("märz", 3);
        months.TryAdd("maerz", 3);
        months.TryAdd("sept", 9);
        return months;
    }

    [GeneratedRegex(@"(?<a>\b\d{1,4}[./-]\d{1,2}[./-]\d{2,4}\b)\s*(?:[-–—‑]|bis|to|au|al|until|through)\s*(?<b>\b\d{1,4}[./-]\d{1,2}[./-]\d{2,4}\b)", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant | RegexOptions.NonBacktracking)]
    private static partial Regex DateRange();

    [GeneratedRegex(@"(?<m>\p{L}{3,10}\.?)\s+(?<y>(?:19|20)\d{2})\b", RegexOptions.CultureInvariant | RegexOptions.NonBacktracking)]
    private static partial Regex MonthYear();

    [GeneratedRegex(@"\b(?:zeitraum|periode|période|periodo|pay\s*period|period|abrechnungs(?:monat|periode)|lohn(?:periode|monat)|mois|mese|monat|month)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant | RegexOptions.NonBacktracking)]
    private static partial Regex PeriodLabel();

    [GeneratedRegex(@"\b(?:pay\s*date|payment\s*date|date\s*of\s*payment|auszahlung\w*|druck\w*|erstellt|datum|date|établi|etabli|data|eintritt\w*|entry|valuta|print\w*)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant | RegexOptions.NonBacktracking)]
    private static partial Regex NotPeriod();
}
