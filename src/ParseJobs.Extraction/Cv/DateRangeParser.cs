using System.Globalization;
using System.Text.RegularExpressions;

namespace ParseJobs.Extraction.Cv;

/// <summary>A date range found in a line: start and end as MM.YYYY or YYYY; an empty end means "current".</summary>
internal sealed record DateRange(string Start, string End, int Index, int Length);

/// <summary>Finds date ranges such as "01/2020 – 03/2022", "Jan 2020 - Mar 2022", "2019–2021",
/// "seit 2021", "März 2020 bis heute", "09.2012 - aujourd'hui" in EN/DE/FR/IT.</summary>
internal static partial class DateRangeParser
{
    private const string Month = @"(?:jan(?:uary|uar|vier|v|naio)?|j[äa]n(?:ner)?|genn?(?:aio)?|feb(?:ruary|ruar|braio|b)?|f[ée]vr?(?:ier)?|m[aä]r(?:ch|z|s|zo)?|mrz|apr(?:il|ile)?|avr(?:il)?|may|mai|mag(?:gio)?|jun(?:e|i)?|juin|giu(?:gno)?|jul(?:y|i)?|juil(?:let)?|lug(?:lio)?|aug(?:ust)?|ao[uû]t?|ago(?:sto)?|sept?(?:ember|embre)?|sett?(?:embre)?|oct(?:ober|obre)?|okt(?:ober)?|ott(?:obre)?|nov(?:ember|embre)?|dec(?:ember)?|dez(?:ember)?|d[ée]c(?:embre)?|dic(?:embre)?)\.?";

    // Seasons stand for their year: the CV does not say the month.
    private const string Season = @"(?:spring|summer|autumn|fall|winter|fr[üu]hling|fr[üu]hjahr|sommer|herbst|printemps|[ée]t[ée]|automne|hiver|primavera|estate|autunno|inverno)";

    // A full day date (31.12.2022, 2021-01-01) keeps its month and year; a month name may carry a dot or a comma ("Sept. 2023", "Feb, 2023").
    private const string Date = @"(?:(?:0?[1-9]|[12]\d|3[01])[./](?:0?[1-9]|1[0-2])[./](?:19|20)\d{2}|(?:0?[1-9]|1[0-2])\s?[./]\s?(?:19|20)\d{2}|(?<!\d)(?:0[1-9]|1[0-2])-(?:19|20)\d{2}|"
        + @"(?<!\p{L})" + Month + @",?\s*(?:19|20)\d{2}|" + Season + @",?\s+(?:19|20)\d{2}|(?:19|20)\d{2}(?:-(?:0[1-9]|1[0-2])(?:-(?:0[1-9]|[12]\d|3[01]))?)?)";

    private const string Present = @"(?:present|now|current|currently|today|ongoing|date|heute|jetzt|aktuell|laufend|dato|aujourd'hui|aujourd’hui|ce jour|présent|actuel|actuellement|en cours|oggi|attuale|in corso|presente|ad oggi)";

    private static readonly Dictionary<string, int> Months = BuildMonths();

    /// <summary>The first date range in the line, or null.</summary>
    public static DateRange? Find(string line)
    {
        var m = RangePattern().Match(line);
        if (m.Success)
        {
            var start = Normalize(m.Groups["start"].Value);
            var end = m.Groups["present"].Success ? "" : Normalize(m.Groups["end"].Value);
            if (start is not null && end is not null)
                return new DateRange(start, end, m.Index, m.Length);
        }

        // "2024-07-01 —" at the end of the line: a range whose end the template leaves blank for the current job.
        var open = OpenEndPattern().Match(line);
        if (open.Success && Normalize(open.Groups["start"].Value) is { } o)
            return new DateRange(o, "", open.Index, open.Length);

        var since = SincePattern().Match(line);
        if (since.Success && Normalize(since.Groups["start"].Value) is { } s)
            return new DateRange(s, "", since.Index, since.Length);
        return null;
    }

    /// <summary>A single date (MM.YYYY / Month YYYY / YYYY) normalised, or null.</summary>
    public static string? Normalize(string text)
    {
        var t = CvText.Fold(text).Trim().TrimEnd('.');
        var day = DayDatePattern().Match(t);
        if (day.Success)
            return $"{int.Parse(day.Groups[1].Value, CultureInfo.InvariantCulture):00}.{day.Groups[2].Value}";
        var season = SeasonPattern().Match(t);
        if (season.Success)
            return season.Groups[1].Value;
        var numeric = NumericPattern().Match(t);
        if (numeric.Success)
            return $"{int.Parse(numeric.Groups[1].Value, CultureInfo.InvariantCulture):00}.{numeric.Groups[2].Value}";
        var iso = IsoPattern().Match(t);
        if (iso.Success)
            return iso.Groups[2].Success ? $"{iso.Groups[2].Value}.{iso.Groups[1].Value}" : iso.Groups[1].Value;
        var named = NamedPattern().Match(t);
        if (named.Success && MonthNumber(named.Groups[1].Value) is { } month)
            return $"{month:00}.{named.Groups[2].Value}";
        return null;
    }

    /// <summary>A bare year, 1900–2099: a part of a date column.</summary>
    public static bool IsYear(string text) => YearPattern().IsMatch(text);

    /// <summary>A month name or abbreviation of three letters or more, alone: a part of a date column.</summary>
    public static bool IsMonthName(string word) => word.Length >= 3 && word.All(char.IsLetter) && MonthNumber(word) is not null;

    /// <summary>Month number from an EN/DE/FR/IT month name or abbreviation.</summary>
    public static int? MonthNumber(string name)
    {
        var key = CvText.Fold(name).Trim().TrimEnd('.');
        if (Months.TryGetValue(key, out var m))
            return m;
        foreach (var (k, v) in Months)
        {
            if (key.Length >= 3 && k.StartsWith(key, StringComparison.Ordinal))
                return v;
        }

        return null;
    }

    private static Dictionary<string, int> BuildMonths()
    {
        string[][] names =
        [
            ["january", "januar", "janvier", "gennaio", "jan", "jän", "janv", "genn", "gen"],
            ["february", "februar", "fevrier", "febbraio", "feb", "fev", "fevr", "febb"],
            ["march", "marz", "mars", "marzo", "mar", "mrz"],
            ["april", "avril", "aprile", "apr", "avr"],
            ["may", "mai", "maggio", "mag"],
            ["june", "juni", "juin", "giugno", "jun", "giu"],
            ["july", "juli", "juillet", "luglio", "jul", "juil", "lug"],
            ["august", "aout", "agosto", "aug", "ago"],
            ["september", "septembre", "settembre", "sep", "sept", "set"],
            ["october", "oktober", "octobre", "ottobre", "oct", "okt", "ott"],
            ["november", "novembre", "nov"],
            ["december", "dezember", "decembre", "dicembre", "dec", "dez", "dic"],
        ];
        var map = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < names.Length; i++)
        {
            foreach (var n in names[i])
                map.TryAdd(n, i + 1);
        }

        return map;
    }

    [GeneratedRegex(@"(?<![\d.])(?<start>" + Date + @")\s*(?:[-–—−‐‑‒―\u00AD~]|to|through|thru|bis|à|au|a|al|fino a|until|till|jusqu'à|jusqu’à)\s*(?:(?<present>" + Present + @")|(?<end>" + Date + @"))(?![\d])", RegexOptions.IgnoreCase, matchTimeoutMilliseconds: 1000)]
    private static partial Regex RangePattern();

    [GeneratedRegex(@"(?<![\d.])(?<start>" + Date + @")\s*[-–—]\s*$", RegexOptions.IgnoreCase, matchTimeoutMilliseconds: 1000)]
    private static partial Regex OpenEndPattern();

    [GeneratedRegex(@"(?:since|seit|depuis|dal|dall'|da|from|ab)\s+(?<start>" + Date + @")(?![\d])", RegexOptions.IgnoreCase, matchTimeoutMilliseconds: 1000)]
    private static partial Regex SincePattern();

    [GeneratedRegex(@"^(?:19|20)\d{2}$", RegexOptions.None, matchTimeoutMilliseconds: 1000)]
    private static partial Regex YearPattern();

    [GeneratedRegex(@"^(0?[1-9]|1[0-2])\s?[./-]\s?((?:19|20)\d{2})$", RegexOptions.None, matchTimeoutMilliseconds: 1000)]
    private static partial Regex NumericPattern();

    [GeneratedRegex(@"^((?:19|20)\d{2})(?:-(0[1-9]|1[0-2])(?:-\d{2})?)?$", RegexOptions.None, matchTimeoutMilliseconds: 1000)]
    private static partial Regex IsoPattern();

    [GeneratedRegex(@"^(\p{L}+)\.?,?\s*((?:19|20)\d{2})$", RegexOptions.None, matchTimeoutMilliseconds: 1000)]
    private static partial Regex NamedPattern();

    [GeneratedRegex(@"^(?:0?[1-9]|[12]\d|3[01])[./](0?[1-9]|1[0-2])[./]((?:19|20)\d{2})$", RegexOptions.None, matchTimeoutMilliseconds: 1000)]
    private static partial Regex DayDatePattern();

    [GeneratedRegex(@"^" + Season + @",?\s+((?:19|20)\d{2})$", RegexOptions.None, matchTimeoutMilliseconds: 1000)]
    private static partial Regex SeasonPattern();
}
