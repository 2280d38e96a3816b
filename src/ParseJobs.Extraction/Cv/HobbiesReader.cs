namespace ParseJobs.Extraction.Cv;

/// <summary>Hobbies and interests: the items of their section.</summary>
internal static class HobbiesReader
{
    public static List<string> Read(List<CvSection> sections)
    {
        var result = new List<string>();
        foreach (var section in sections.Where(s => s.Kind == SectionKind.Hobbies && !IsProse(s.Lines)))
        {
            foreach (var item in section.Lines.SelectMany(CvText.SplitList))
            {
                if (CvText.WordCount(item) <= 6 && !result.Contains(item, StringComparer.OrdinalIgnoreCase))
                    result.Add(item);
            }
        }

        return result;
    }

    // "Sono una persona appassionata e curiosa, / costantemente impegnata in progetti / …": a paragraph wrapped over the
    // lines of a narrow column lists no hobbies; its comma pieces are fragments of sentences, not items.
    internal static bool IsProse(List<string> lines)
    {
        var text = string.Join(' ', lines.Select(l => l.Trim()).Where(l => l.Length > 0));
        if (CvText.WordCount(text) < 20)
            return false;
        var sentenceEnds = text.Split(". ").Length - 1 + (text.TrimEnd().EndsWith('.') ? 1 : 0);
        var continued = lines.Skip(1).Count(l => l.TrimStart() is { Length: > 0 } t && char.IsLower(t[0]));
        return sentenceEnds >= 2 && continued * 2 > lines.Count - 1;
    }
}
