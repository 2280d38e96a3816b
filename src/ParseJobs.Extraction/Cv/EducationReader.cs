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
            foreach (var raw in UndatedEntries.Split(section.Lines).SelectMany(ParseGroup))
            {
                var entry = new EducationEntry { Id = $"edu_{result.Count + 1}" };
                var fragments = new List<string>();
                var graduated = "";
                foreach (var header in raw.Headers)
                {
                    var fragment = header;
                    // Without a range, a single date closing the header is when the degree was obtained:
                    // "BSc in Physics, Sample University, May 2016".
                    if (raw.Dates is null && graduated.Length == 0 && GraduationDate().Match(fragment) is { Success: true } date
                        && DateRangeParser.Normalize(date.Groups["date"].Value) is { } end)
                    {
                        graduated = end;
                        fragment = fragment[..date.Index].Trim();
                        if (fragment.Length == 0)
                            continue;
                    }

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
                entry.EndDate = raw.Dates?.End ?? graduated;
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

    // A list of bullets with no entry header above them ("Weiterbildung und Projekte" / "- Zertifikatslehrgang (300
    // Stunden, 2024): …") has no header for the entry parser, which would keep them as the description of nothing: each
    // bullet that names a school, degree or certificate is an entry of its own. A vendor's title ("Oracle Certified
    // Professional") names none and is no education entry.
    private static List<RawEntry> ParseGroup(List<string> lines)
    {
        var entries = EntryParser.Parse(lines);
        if (entries.Count > 0 || lines.Count == 0 || !CvText.StartsWithBullet(lines[0]))
            return entries;
        var items = new List<string>();
        foreach (var line in lines)
        {
            // A bullet's wrapped second line carries no marker: it goes on with the bullet above.
            if (CvText.StartsWithBullet(line))
                items.Add(CvText.StripBullet(line));
            else
                items[^1] += " " + line.Trim();
        }

        foreach (var text in items.Where(i => FieldClassifier.InstitutionScore(i) + FieldClassifier.DegreeScore(i) > 0))
        {
            var parsed = EntryParser.Parse([text]);
            if (parsed.Count == 0)
            {
                parsed = [new RawEntry()];
                parsed[0].Headers.Add(text);
            }

            entries.AddRange(parsed);
        }

        return entries;
    }

    private static void AssignInstitutionAndDegree(EducationEntry entry, List<string> fragments)
    {
        if (fragments.Count == 0)
            return;
        fragments = JoinWrappedSchoolNames(Parts(entry, fragments));
        if (fragments.Count == 2 && IsSchoolsPlace(fragments[0], fragments[1]))
        {
            // "University of Colorado" / "Boulder": a campus wrapped under a state university's name is part of it;
            // under any other school ("Universität Hamburg" / "Hamburg") a lone place is the school's town, not a degree.
            if (OfPlaceName().IsMatch(fragments[0]) && !fragments[0].Contains(fragments[1], StringComparison.OrdinalIgnoreCase))
                entry.Institution = fragments[0].TrimEnd() + " " + fragments[1].Trim();
            else
            {
                entry.Institution = fragments[0];
                if (entry.City.Length == 0)
                    entry.City = fragments[1].Trim();
            }

            return;
        }

        // "Fachrichtung Elektrotechnik" split off its degree by a comma is the field, never the degree or the school.
        var labelled = fragments.Find(f => DegreeSplitter.LabelledField(f).Length > 0);
        if (labelled is not null && fragments.Count > 1)
        {
            fragments = fragments.Where(f => !ReferenceEquals(f, labelled)).ToList();
            AssignInstitutionAndDegree(entry, fragments);
            if (entry.FieldOfStudy.Length == 0)
                entry.FieldOfStudy = DegreeSplitter.LabelledField(labelled);
            return;
        }

        double Lean(string f) => FieldClassifier.InstitutionScore(f) - FieldClassifier.DegreeScore(f);
        if (fragments.Count == 1)
        {
            if (Lean(fragments[0]) > 0 && !DegreeSplitter.StartsWithDegree(fragments[0]))
                entry.Institution = fragments[0];
            else
                SetDegree(entry, fragments[0]);
            return;
        }

        // The school leans most to an institution, the degree is the fragment that names one; a third fragment that
        // is neither is the field ("Statistics" under "Bachelor of Business Administration", "Field, Degree, School").
        // Ties go to the later fragment: a degree line usually comes before its school.
        var institution = fragments.Select((f, i) => (f, i)).Where(x => !DegreeSplitter.StartsWithDegree(x.f)).DefaultIfEmpty((f: fragments[^1], i: fragments.Count - 1))
            .OrderByDescending(x => Lean(x.f)).ThenByDescending(x => x.i).First().f;
        var rest = fragments.Where(f => !ReferenceEquals(f, institution)).ToList();
        var degree = rest.FirstOrDefault(DegreeSplitter.StartsWithDegree) ?? rest.OrderBy(Lean).First();
        entry.Institution = institution;
        SetDegree(entry, degree);
        if (entry.FieldOfStudy.Length == 0 && DegreeSplitter.StartsWithDegree(degree))
        {
            var field = rest.FirstOrDefault(f => !ReferenceEquals(f, degree) && DegreeSplitter.IsField(f) && ExperienceReader.Location(f) is null);
            if (field is not null)
                entry.FieldOfStudy = field.Trim().TrimEnd('.');
        }
    }

    // A narrow cell wraps a school's name before its school word: "North Carolina State" / "University". The bare
    // school word would win the school and leave the name's head as the degree, so the two lines are one name again.
    private static List<string> JoinWrappedSchoolNames(List<string> fragments)
    {
        var joined = new List<string>(fragments.Count);
        foreach (var fragment in fragments)
        {
            if (joined.Count > 0 && IsBareSchoolWord(fragment) && IsNameHead(joined[^1]))
                joined[^1] = joined[^1].TrimEnd() + " " + fragment.Trim();
            else
                joined.Add(fragment);
        }

        return joined;
    }

    private static bool IsSchoolsPlace(string school, string place)
    {
        var word = place.Trim();
        return FieldClassifier.InstitutionScore(school) > 0 && !DegreeSplitter.StartsWithDegree(school) && FieldClassifier.DegreeScore(school) == 0
            && !word.Contains(' ', StringComparison.Ordinal) && FieldClassifier.LooksLikeCity(word) && FieldClassifier.InstitutionScore(word) == 0
            && FieldClassifier.DegreeScore(word) == 0 && !DegreeSplitter.StartsWithDegree(word) && !DegreeSplitter.IsSubject(word)
            && DateRangeParser.MonthNumber(word) is null;
    }

    private static bool IsBareSchoolWord(string fragment)
    {
        var word = fragment.Trim();
        return !word.Contains(' ', StringComparison.Ordinal) && !word.Contains('-', StringComparison.Ordinal) && FieldClassifier.InstitutionScore(word) > 0 && FieldClassifier.DegreeScore(word) == 0;
    }

    private static bool IsNameHead(string fragment)
    {
        var head = fragment.Trim();
        // One word is more often a month, a town or a stray label ("März", "Stadt") than the start of a school's name.
        return CvText.WordCount(head) >= 2 && char.IsUpper(head[0]) && FieldClassifier.InstitutionScore(head) == 0 && FieldClassifier.DegreeScore(head) == 0
            && !DegreeSplitter.StartsWithDegree(head) && !DegreeSplitter.IsSubject(head) && ExperienceReader.Location(head) is null;
    }

    // One header line may hold the whole entry: "Master of Arts, University of Bath, Geoinformatik.",
    // "BA in Statistics at Durham University", "Master of Arts in Statistik bei Zürcher Hochschule der Künste".
    private static List<string> Parts(EducationEntry entry, List<string> fragments)
    {
        var parts = new List<string>();
        foreach (var fragment in fragments)
        {
            // A lone degree line names its school after "at"/"chez" even when the school's name has no school word ("IMT Atlantique").
            if (DegreeAtSchool().Match(fragment) is { Success: true } at && (FieldClassifier.InstitutionScore(at.Groups["school"].Value) > 0
                || (fragments.Count == 1 && DegreeSplitter.StartsWithDegree(at.Groups["degree"].Value) && char.IsUpper(at.Groups["school"].Value[0]))))
            {
                parts.Add(at.Groups["degree"].Value.Trim());
                parts.Add(at.Groups["school"].Value.Trim());
                continue;
            }

            var pieces = PieceSeparator().Split(fragment).Select(p => p.Trim()).Where(p => p.Length > 0).ToArray();
            // A comma or dash list is split only when its pieces are a school and a degree or subject: "University of
            // California, Berkeley" and "MEng, Architecture" stay whole (the degree's own field is split off by DegreeSplitter),
            // "Sample Gymnasium – Abitur" is split.
            static bool School(string p) => FieldClassifier.InstitutionScore(p) > 0 && !DegreeSplitter.StartsWithDegree(p);
            if (pieces.Length >= 2 && pieces.Any(School) && pieces.Any(p => !School(p) && (DegreeSplitter.StartsWithDegree(p) || FieldClassifier.DegreeScore(p) > 0 || DegreeSplitter.IsSubject(p))))
            {
                foreach (var piece in pieces.Select(p => p.TrimEnd('.')))
                {
                    if (ExperienceReader.Location(piece) is { } location && FieldClassifier.InstitutionScore(piece) == 0 && !DegreeSplitter.StartsWithDegree(piece))
                    {
                        if (entry.City.Length == 0)
                            (entry.City, entry.Country) = (location.City, location.Country);
                        continue;
                    }

                    parts.Add(piece);
                }

                continue;
            }

            parts.Add(fragment);
        }

        return parts.Count > 0 ? parts : fragments;
    }

    private static void SetDegree(EducationEntry entry, string degree)
    {
        // The degree stays as printed ("Bachelor of Arts in Psychology"); the field is read out of it.
        entry.Degree = degree;
        entry.FieldOfStudy = DegreeSplitter.Split(degree).Field;
    }

    [GeneratedRegex(@"(?:^|,\s*|\s[–|]\s)(?<date>(?:\p{L}{3,9}\.?,?\s+|(?:0?[1-9]|1[0-2])[./])?(?:19|20)\d{2})$", RegexOptions.None, matchTimeoutMilliseconds: 1000)]
    private static partial Regex GraduationDate();

    [GeneratedRegex(@"^(?:University|Universidad|Université|Università|Universität)\s+(?:of|de|di|del|von)\s+\p{Lu}\p{L}+(?:\s+\p{Lu}\p{L}+)?$", RegexOptions.None, matchTimeoutMilliseconds: 1000)]
    private static partial Regex OfPlaceName();

    [GeneratedRegex(@", | [–—] ", RegexOptions.None, matchTimeoutMilliseconds: 1000)]
    private static partial Regex PieceSeparator();

    [GeneratedRegex(@"^(?:abschlussnote|note|gesamtnote|grade|gpa|final grade|moyenne|mention|voto|voto finale)\s*:?\s*(.+)$", RegexOptions.IgnoreCase, matchTimeoutMilliseconds: 1000)]
    private static partial Regex GradePattern();

    [GeneratedRegex(@"\b(CAS|MAS|DAS|Zertifikat|Certificate|Certificat|Certificato|Fachausweis|Weiterbildung)\b", RegexOptions.None, matchTimeoutMilliseconds: 1000)]
    private static partial Regex FurtherEducationPattern();

    [GeneratedRegex(@"^(?<degree>.+?)\s+(?:(?:at|at the|an der|bei|à|chez|presso)\s+|@\s*)(?<school>.+)$", RegexOptions.None, matchTimeoutMilliseconds: 1000)]
    private static partial Regex DegreeAtSchool();
}
