namespace ParseJobs.Extraction.Cv;

/// <summary>How a document prints its section headings, read from the lines that name a known section: capitalised or
/// in lower case, in capitals or not. A line that breaks the style is no heading ("work" in a sidebar of a CV whose
/// headings read "Experience", "Education"); a line in capitals that keeps it is one, even under an unknown name
/// ("LIFE PHILOSOPHY" beside "EXPERIENCE" and "EDUCATION"), and opens a section of its own.</summary>
internal sealed class HeadingStyle(int capitalised, int lowerCase, int capitals)
{
    public static HeadingStyle Of(IReadOnlyList<string> lines)
    {
        int upper = 0, lower = 0, caps = 0;
        foreach (var line in lines)
        {
            var cell = line.Split('\t')[0].Trim();
            if (SectionDetector.Classify(cell) is null || FirstLetter(cell) is not { } first)
                continue;
            if (char.IsLower(first))
                lower++;
            else
                upper++;
            if (IsCapitals(cell))
                caps++;
        }

        return new HeadingStyle(upper, lower, caps);
    }

    /// <summary>A known heading in lower case where at least three times as many are capitalised.</summary>
    public bool BreaksCase(string cell) =>
        FirstLetter(cell) is { } first && char.IsLower(first) && capitalised >= 3 && capitalised >= 3 * lowerCase;

    /// <summary>An unknown line in capitals (two to five words, no digits) in a document whose known headings are all
    /// in capitals, with no date range on the next three lines (a company printed in capitals opens its entry).</summary>
    public bool IsUnknownHeading(IReadOnlyList<string> lines, int index)
    {
        var cell = lines[index].Trim();
        if (capitals < 3 || capitals < capitalised || cell.Contains('\t', StringComparison.Ordinal) || !IsCapitals(cell)
            || CvText.WordCount(cell) is < 2 or > 5 || !cell.All(c => char.IsLetter(c) || c is ' ' or '&' or '-'))
            return false;
        for (var j = index + 1; j < lines.Count && j <= index + 3; j++)
        {
            if (DateRangeParser.Find(lines[j]) is not null)
                return false;
        }

        return true;
    }

    private static bool IsCapitals(string cell) => cell.Any(char.IsLetter) && !cell.Any(char.IsLower);

    private static char? FirstLetter(string cell) => cell.FirstOrDefault(char.IsLetter) is var c && c != default ? c : null;
}
