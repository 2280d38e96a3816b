using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using ParseJobs.Extraction.Cv;

namespace ParseJobs.Extraction.Tests.Corpus;

/// <summary>What a family test compares, with the normalisation of the corpus scorer (score.py of the development
/// corpus): names diacritics- and order-insensitive, e-mails case-insensitive, phones by digits (a national number
/// counts), start dates by month and year (by year where the document prints only the year).</summary>
internal static partial class CorpusChecks
{
    private static readonly string[] CountryCodes = ["1", "33", "39", "41", "44", "49"];

    public static bool SameName(string truth, string predicted) => NameKey(truth) == NameKey(predicted);

    public static bool SameEmail(string truth, string predicted) =>
        string.Equals(truth.Trim(), predicted.Replace("mailto:", "", StringComparison.OrdinalIgnoreCase).Trim(), StringComparison.OrdinalIgnoreCase);

    public static bool SamePhone(string truth, string predicted)
    {
        var t = Digits(truth);
        var p = Digits(predicted);
        if (t.Length == 0 || p.Length == 0) return false;
        if (t == p) return true;
        foreach (var cc in CountryCodes.Where(c => t.StartsWith(c, StringComparison.Ordinal)))
        {
            var national = t[cc.Length..].TrimStart('0');
            if (p.TrimStart('0') == national || (p.StartsWith(cc, StringComparison.Ordinal) && p[cc.Length..].TrimStart('0') == national))
                return true;
        }

        return false;
    }

    /// <summary>How many of the truth's non-empty start dates some predicted entry has (one-to-one), and how many there are.</summary>
    public static (int Found, int Total) StartDates(IReadOnlyList<string> truth, IReadOnlyList<ExperienceEntry> predicted)
    {
        var left = predicted.Select(e => ParseDate(e.StartDate)).ToList();
        int found = 0, total = 0;
        foreach (var t in truth.Where(t => t.Length > 0).Select(ParseDate))
        {
            total++;
            var i = left.FindIndex(p => p is not null && t is not null && p.Value.Year == t.Value.Year && (t.Value.Month is null || p.Value.Month == t.Value.Month));
            if (i < 0) continue;
            found++;
            left.RemoveAt(i);
        }

        return (found, total);
    }

    private static (int Year, int? Month)? ParseDate(string s)
    {
        var m = MonthYear().Match(s);
        if (m.Success) return (int.Parse(m.Groups[2].Value, CultureInfo.InvariantCulture), int.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture));
        m = IsoMonth().Match(s);
        if (m.Success) return (int.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture), int.Parse(m.Groups[2].Value, CultureInfo.InvariantCulture));
        m = Year().Match(s);
        return m.Success ? (int.Parse(m.Value, CultureInfo.InvariantCulture), null) : null;
    }

    private static string NameKey(string s)
    {
        var folded = new StringBuilder();
        foreach (var c in s.Normalize(NormalizationForm.FormKD))
            if (CharUnicodeInfo.GetUnicodeCategory(c) != UnicodeCategory.NonSpacingMark)
                folded.Append(char.IsLetterOrDigit(c) ? char.ToLowerInvariant(c) : ' ');
        return string.Join(' ', folded.ToString().Split(' ', StringSplitOptions.RemoveEmptyEntries).Order(StringComparer.Ordinal));
    }

    private static string Digits(string s)
    {
        var d = new string(s.Where(char.IsAsciiDigit).ToArray());
        return s.TrimStart().StartsWith("00", StringComparison.Ordinal) ? d[2..] : d;
    }

    [GeneratedRegex(@"^(\d{1,2})[./-](\d{4})$", RegexOptions.None, matchTimeoutMilliseconds: 1000)]
    private static partial Regex MonthYear();

    [GeneratedRegex(@"^(\d{4})-(\d{1,2})(-\d{1,2})?$", RegexOptions.None, matchTimeoutMilliseconds: 1000)]
    private static partial Regex IsoMonth();

    [GeneratedRegex(@"\d{4}", RegexOptions.None, matchTimeoutMilliseconds: 1000)]
    private static partial Regex Year();
}
