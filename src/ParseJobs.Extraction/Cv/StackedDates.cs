using System.Text.RegularExpressions;

namespace ParseJobs.Extraction.Cv;

/// <summary>Date columns that print the parts of one range on lines of their own: month names in small type over or
/// under the years ("2016 – 2019" / "März" / "Juli"), "seit" over its year, or the start year beside the entry's
/// title and the end year under it ("2016&lt;TAB&gt;Title" / "Subtitle" / "2019"). The parts are joined back into one range
/// on the line that holds the years; the lines they stood on go.</summary>
internal static partial class StackedDates
{
    public static List<string> Join(List<string> lines)
    {
        var result = new List<string>(lines);
        JoinSinceWords(result);
        for (var i = 0; i < result.Count; i++)
        {
            if (!JoinMonthsToYears(result, i))
                JoinEndYearBelow(result, i);
        }

        return result.Where(l => l.Length > 0).ToList();
    }

    // "seit" / "since" alone on its line, over the year it opens.
    private static void JoinSinceWords(List<string> lines)
    {
        for (var i = 0; i + 1 < lines.Count; i++)
        {
            if (SinceWord().IsMatch(lines[i].Trim()) && DateRangeParser.IsYear(FirstCell(lines[i + 1])))
            {
                lines[i + 1] = lines[i].Trim() + " " + lines[i + 1].TrimStart();
                lines[i] = "";
            }
        }
    }

    /// <summary>A range of bare years ("2016 – 2019", "seit 2016") with one or two lines of bare month names right
    /// under it, or one line of them right over it: the months go to the years in reading order.</summary>
    private static bool JoinMonthsToYears(List<string> lines, int i)
    {
        var cells = lines[i].Split('\t');
        if (YearRange(cells[0].Trim()) is not { } years)
            return false;
        var months = new List<int>();
        var used = new List<int>();
        for (var j = i + 1; j < lines.Count && j <= i + 2 && months.Count < years.Count; j++)
        {
            if (MonthsOnly(lines[j]) is not { Count: 1 } found)
                break;
            months.AddRange(found);
            used.Add(j);
        }

        if (months.Count == 0 && i > 0 && MonthsOnly(lines[i - 1]) is { } over && over.Count <= years.Count)
        {
            months.AddRange(over);
            used.Add(i - 1);
        }

        if (months.Count == 0)
            return false;
        var start = $"{months[0]:00}.{years.Start}";
        // One month under a range within one year ("2019 – 2019" / "Januar") stands for both ends; under a longer
        // range it is the start's.
        var end = years.End is null ? "" : months.Count > 1 ? $"{months[1]:00}.{years.End}"
            : years.End == years.Start ? $"{months[0]:00}.{years.End}" : years.End;
        cells[0] = years.Since ? $"seit {start}" : $"{start} – {(years.End is null ? years.OpenEnd : end)}";
        lines[i] = string.Join('\t', cells);
        foreach (var k in used)
            lines[k] = "";
        return true;
    }

    /// <summary>"2016&lt;TAB&gt;Title" with a bare later year on one of the next three lines: a start year beside the entry
    /// and its end year under it.</summary>
    private static void JoinEndYearBelow(List<string> lines, int i)
    {
        var cells = lines[i].Split('\t');
        if (cells.Length < 2 || !DateRangeParser.IsYear(cells[0].Trim()) || cells[1].Trim().Length == 0)
            return;
        var start = int.Parse(cells[0].Trim(), System.Globalization.CultureInfo.InvariantCulture);
        for (var j = i + 1; j < lines.Count && j <= i + 3; j++)
        {
            var first = FirstCell(lines[j]);
            if (DateRangeParser.Find(lines[j]) is not null || (DateRangeParser.IsYear(first) && lines[j].Contains('\t', StringComparison.Ordinal)))
                return; // the next entry's dates
            if (!DateRangeParser.IsYear(lines[j].Trim()))
                continue;
            var end = int.Parse(lines[j].Trim(), System.Globalization.CultureInfo.InvariantCulture);
            if (end < start || end > start + 15)
                return;
            cells[0] = $"{start} – {end}";
            lines[i] = string.Join('\t', cells);
            lines[j] = "";
            return;
        }
    }

    // End is null for an open range: "seit 2016" (Since) or "2016 – heute" (its open end word in OpenEnd).
    private sealed record Years(string Start, string? End, bool Since, string OpenEnd = "")
    {
        public int Count => End is null ? 1 : 2;
    }

    private static Years? YearRange(string cell)
    {
        var m = YearRangePattern().Match(cell);
        if (!m.Success)
            return null;
        if (m.Groups["since"].Success)
            return new Years(m.Groups["start"].Value, null, true);
        if (m.Groups["open"].Success)
            return DateRangeParser.Find(cell) is { End: "" } ? new Years(m.Groups["start"].Value, null, false, m.Groups["open"].Value) : null;
        return new Years(m.Groups["start"].Value, m.Groups["end"].Value, false);
    }

    // A line of one or two bare month names (one per cell, or two in one cell): their numbers, else null.
    private static List<int>? MonthsOnly(string line)
    {
        var words = line.Split(['\t', ' '], StringSplitOptions.RemoveEmptyEntries);
        if (words.Length is 0 or > 2)
            return null;
        var months = new List<int>();
        foreach (var w in words)
        {
            var word = w.Trim('.', ',');
            if (!DateRangeParser.IsMonthName(word) || DateRangeParser.MonthNumber(word) is not { } month)
                return null;
            months.Add(month);
        }

        return months;
    }

    private static string FirstCell(string line) => line.Split('\t')[0].Trim();

    [GeneratedRegex(@"^(?:seit|since|depuis|dal|ab)$", RegexOptions.IgnoreCase, matchTimeoutMilliseconds: 1000)]
    private static partial Regex SinceWord();

    [GeneratedRegex(@"^(?:(?<since>seit|since|depuis|dal|ab)\s+(?<start>(?:19|20)\d{2})|(?<start>(?:19|20)\d{2})\s*[-–—]\s*(?:(?<end>(?:19|20)\d{2})|(?<open>\p{L}[\p{L}'’ ]{2,20})))$", RegexOptions.IgnoreCase, matchTimeoutMilliseconds: 1000)]
    private static partial Regex YearRangePattern();
}
