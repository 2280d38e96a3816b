namespace ParseJobs.Extraction.Cv;

/// <summary>Hobbies and interests: the items of their section.</summary>
internal static class HobbiesReader
{
    public static List<string> Read(List<CvSection> sections)
    {
        var result = new List<string>();
        foreach (var line in sections.Where(s => s.Kind == SectionKind.Hobbies).SelectMany(s => s.Lines))
        {
            foreach (var item in CvText.SplitList(line))
            {
                if (CvText.WordCount(item) <= 6 && !result.Contains(item, StringComparer.OrdinalIgnoreCase))
                    result.Add(item);
            }
        }

        return result;
    }

}
