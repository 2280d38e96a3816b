using System.Text.RegularExpressions;

namespace ParseJobs.Extraction.Cv;

/// <summary>Schools and degrees: entries of the education and further-education sections.</summary>
internal static partial class EducationReader
{
    public static List<EducationEntry> Read(List<CvSection> sections)
    {
        var result = new List<EducationEntry>();
        foreach (var section in sections.Where(s => s.Kind is SectionKind.Education or SectionKind.FurtherEducation))
        {
            foreach (var raw in EntryParser.Parse(section.Lines))
            {
                var entry = new EducationEntry { Id = $"edu_{result.Count + 1}" };
                var fragments = new List<string>();
                foreach (var fragment in raw.Headers)
                {
                    var grade = GradePattern().Match(fragment);
                    if (grade.Success)
                    {
                        entry.Gpa = grade.Groups[1].Value.Trim();
                        continue;
                    }

                    if (ExperienceReader.Location(fragment) is { } location)
                    {
                        entry.City = location.City;
                        entry.Country = location.Country;
                        continue;
                    }

                    fragments.Add(fragment);
                }

                AssignInstitutionAndDegree(entry, fragments);
                entry.StartDate = raw.Dates?.Start ?? "";
                entry.EndDate = raw.Dates?.End ?? "";
                entry.Description = string.Join('\n', raw.Description.Select(CvText.StripBullet));
                entry.IsFurtherEducation = section.Kind == SectionKind.FurtherEducation || FurtherEducationPattern().IsMatch(entry.Degree);
                entry.DegreeLevel = DegreeLevels.Of(entry.Degree);
                entry.InstitutionType = InstitutionClassifier.Classify(entry.Institution, entry.DegreeLevel);
                entry.ConcludedSuccessfully = entry.EndDate.Length > 0;
                if (entry.Institution.Length > 0 || entry.Degree.Length > 0)
                    result.Add(entry);
            }
        }

        return result;
    }

    private static void AssignInstitutionAndDegree(EducationEntry entry, List<string> fragments)
    {
        if (fragments.Count == 0)
            return;
        double Lean(string f) => FieldClassifier.InstitutionScore(f) - FieldClassifier.DegreeScore(f);
        string institution;
        string degree;
        if (fragments.Count == 1 && DegreeAtSchool().Match(fragments[0]) is { Success: true } at && FieldClassifier.InstitutionScore(at.Groups["school"].Value) > 0)
        {
            // "Master of Science in Informatik @Universität von Kalifornien", "BSc Physics at ETH Zürich".
            fragments = [at.Groups["school"].Value.Trim(), at.Groups["degree"].Value.Trim()];
        }
        else if (fragments.Count == 1 && fragments[0].IndexOf(", ", StringComparison.Ordinal) is var comma and > 0)
        {
            // "BSc Computer Science, Warsaw University of Technology": a degree and a school on either side of a comma.
            var left = fragments[0][..comma].Trim();
            var right = fragments[0][(comma + 2)..].Trim();
            if (Lean(left) < 0 && Lean(right) > 0 && FieldClassifier.DegreeScore(right) == 0)
                fragments = [right, left];
            else if (Lean(left) > 0 && Lean(right) < 0 && FieldClassifier.DegreeScore(left) == 0)
                fragments = [left, right];
        }

        if (fragments.Count == 1)
        {
            if (Lean(fragments[0]) > 0)
                entry.Institution = fragments[0];
            else
                SetDegree(entry, fragments[0]);
            return;
        }

        var a = fragments[0];
        var b = fragments[1];
        if (Lean(a) > Lean(b))
        {
            institution = a;
            degree = b;
        }
        else
        {
            institution = b;
            degree = a;
        }

        entry.Institution = institution;
        SetDegree(entry, degree);
    }

    private static void SetDegree(EducationEntry entry, string degree)
    {
        entry.Degree = degree;
        var field = DegreeField().Match(degree);
        if (field.Success && !GenericField().IsMatch(field.Groups["field"].Value))
            entry.FieldOfStudy = field.Groups["field"].Value.Trim();
    }

    [GeneratedRegex(@"^(?:abschlussnote|note|gesamtnote|grade|gpa|final grade|moyenne|mention|voto|voto finale)\s*:?\s*(.+)$", RegexOptions.IgnoreCase, matchTimeoutMilliseconds: 1000)]
    private static partial Regex GradePattern();

    [GeneratedRegex(@"\b(CAS|MAS|DAS|Zertifikat|Certificate|Certificat|Certificato|Fachausweis|Weiterbildung)\b", RegexOptions.None, matchTimeoutMilliseconds: 1000)]
    private static partial Regex FurtherEducationPattern();

    [GeneratedRegex(@"^.*\s(?:in|en|im|di|of)\s+(?<field>[^,()]+)$", RegexOptions.None, matchTimeoutMilliseconds: 1000)]
    private static partial Regex DegreeField();

    [GeneratedRegex(@"^(Science|Arts|Business Administration|Engineering|Laws)$", RegexOptions.None, matchTimeoutMilliseconds: 1000)]
    private static partial Regex GenericField();

    [GeneratedRegex(@"^(?<degree>.+?)\s+(?:(?:at|an der|à|presso)\s+|@\s*)(?<school>.+)$", RegexOptions.None, matchTimeoutMilliseconds: 1000)]
    private static partial Regex DegreeAtSchool();
}
