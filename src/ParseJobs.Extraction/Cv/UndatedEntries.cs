using System.Text.RegularExpressions;

namespace ParseJobs.Extraction.Cv;

/// <summary>An education section that prints no dates at all ("MEng, Field" / "Sample University" / "BA" / "Sample
/// College") gives the entry parser nothing to split on: each line that names a school closes an entry, or opens one
/// when the section starts with a school; the bullets under a school stay with it.</summary>
internal static partial class UndatedEntries
{
    public static List<List<string>> Split(List<string> lines)
    {
        if (lines.Exists(l => Year().IsMatch(l)))
            return [lines];
        var schools = new List<int>();
        for (var i = 0; i < lines.Count; i++)
        {
            if (NamesASchool(lines[i]))
                schools.Add(i);
        }

        if (schools.Count < 2)
            return [lines];
        var schoolFirst = schools[0] == 0;
        var groups = new List<List<string>> { new() };
        for (var i = 0; i < lines.Count; i++)
        {
            var opensEntry = schoolFirst ? schools.Contains(i) && i > 0
                : i > 0 && schools.Contains(FindPreviousHeader(lines, i)) && !IsDescription(lines[i]);
            if (opensEntry && groups[^1].Count > 0)
                groups.Add([]);
            groups[^1].Add(lines[i]);
        }

        return groups;
    }

    // The last line before i that is no description line.
    private static int FindPreviousHeader(List<string> lines, int i)
    {
        var j = i - 1;
        while (j > 0 && IsDescription(lines[j]))
            j--;
        return j;
    }

    private static bool IsDescription(string line) => CvText.StartsWithBullet(line) || CvText.IsSentence(line);

    private static bool NamesASchool(string line) =>
        !IsDescription(line) && FieldClassifier.InstitutionScore(line) > FieldClassifier.DegreeScore(line) && !DegreeSplitter.StartsWithDegree(line);

    [GeneratedRegex(@"(?<!\d)(?:19|20)\d{2}(?!\d)", RegexOptions.None, matchTimeoutMilliseconds: 1000)]
    private static partial Regex Year();
}
