namespace ParseJobs.Extraction.Cv;

/// <summary>The professional summary: its section, or the sentences right under the name.</summary>
internal static class SummaryReader
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
            return "";
        return JoinParagraph(header.Skip(start).TakeWhile(l => !IsContactLine(l) && (CvText.IsSentence(l) || !l.EndsWith(':'))).TakeWhile(l => CvText.WordCount(l) >= 3 || l.EndsWith('.')));
    }

    private static bool IsContactLine(string line) =>
        line.Contains('@', StringComparison.Ordinal) || line.Contains("linkedin", StringComparison.OrdinalIgnoreCase)
        || (PhoneNormalizer.Candidates(line).Any() && !CvText.IsSentence(line));

    private static string JoinParagraph(IEnumerable<string> lines) =>
        string.Join(' ', lines.Select(l => CvText.StripBullet(l).Replace('\t', ' ').Trim())).Trim();

}
