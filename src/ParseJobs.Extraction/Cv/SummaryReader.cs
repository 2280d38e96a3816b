using System.Text.RegularExpressions;

namespace ParseJobs.Extraction.Cv;

/// <summary>The professional summary: its section, the sentences right under the name, or a self-introduction in the
/// first person printed without a heading (a sidebar paragraph "Je suis …", "I am …").</summary>
internal static partial class SummaryReader
{
    public static string Read(List<CvSection> sections)
    {
        var section = sections.Find(s => s.Kind == SectionKind.Summary && s.Lines.Count > 0);
        if (section is not null)
        {
            var sentences = section.Lines.Where(l => !PhoneNormalizer.Candidates(l).Any() || CvText.IsSentence(l)).ToList();
            var startIndex = sentences.FindIndex(CvText.IsSentence);
            if (startIndex >= 0)
                return JoinParagraph(sentences.Skip(startIndex).TakeWhile(l => !IsContactLine(l)));
        }

        // No heading: the sentences right under the name (JSON Resume themes print the summary there).
        var header = sections[0].Lines;
        var start = header.FindIndex(l => CvText.IsSentence(l) && !l.Contains('@', StringComparison.Ordinal));
        if (start < 0)
            return SelfIntroduction(sections);
        return JoinParagraph(header.Skip(start).TakeWhile(l => !IsContactLine(l) && (CvText.IsSentence(l) || !l.EndsWith(':'))).TakeWhile(l => CvText.WordCount(l) >= 3 || l.EndsWith('.')));
    }

    /// <summary>A paragraph that opens with the candidate introducing themselves, up to the end of its section.</summary>
    private static string SelfIntroduction(List<CvSection> sections)
    {
        foreach (var section in sections.Where(s => s.Kind is not (SectionKind.Experience or SectionKind.Summary)))
        {
            var start = section.Lines.FindIndex(l => FirstPerson().IsMatch(l) && !CvText.StartsWithBullet(l));
            if (start < 0)
                continue;
            var paragraph = section.Lines.Skip(start).TakeWhile(l => !IsContactLine(l) && DateRangeParser.Find(l) is null).ToList();
            if (CvText.WordCount(string.Join(' ', paragraph)) >= 12)
                return JoinParagraph(paragraph);
        }

        return "";
    }

    [GeneratedRegex(@"^(?:I am|I'm|I’m|Je suis|Ich bin|Sono|Mi chiamo|Mi presento)\s", RegexOptions.None, matchTimeoutMilliseconds: 1000)]
    private static partial Regex FirstPerson();

    private static bool IsContactLine(string line) =>
        line.Contains('@', StringComparison.Ordinal) || line.Contains("linkedin", StringComparison.OrdinalIgnoreCase)
        || (PhoneNormalizer.Candidates(line).Any() && !CvText.IsSentence(line));

    private static string JoinParagraph(IEnumerable<string> lines) =>
        string.Join(' ', lines.Select(l => CvText.StripBullet(l).Replace('\t', ' ').Trim())).Trim();

}
