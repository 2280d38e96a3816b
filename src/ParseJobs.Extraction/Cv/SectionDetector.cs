namespace ParseJobs.Extraction.Cv;

/// <summary>The kinds of CV section a heading can open.</summary>
internal enum SectionKind
{
    Header,
    Personal,
    Summary,
    Experience,
    Education,
    FurtherEducation,
    Skills,
    Languages,
    Hobbies,
    Other,
}

/// <summary>A section: its kind, an optional skill category from the heading, and its lines.</summary>
internal sealed record CvSection(SectionKind Kind, string Heading, List<string> Lines);

/// <summary>Splits CV lines into sections by headings in English, German, French and Italian.</summary>
internal static class SectionDetector
{
    // The headings by section name alone; with the skill category labels ("IT skills", "Technologies") as well.
    private static readonly Dictionary<string, SectionKind> SectionNames = Build();
    private static readonly Dictionary<string, SectionKind> Headings = WithSkillCategories(SectionNames);

    public static List<CvSection> Split(IEnumerable<string> lines)
    {
        var sections = new List<CvSection> { new(SectionKind.Header, "", []) };
        var all = lines.ToList();
        var style = HeadingStyle.Of(all);
        for (var i = 0; i < all.Count; i++)
        {
            var line = all[i];
            if (IsUnderline(line))
                continue;
            var cells = line.Split('\t');
            var kind = Classify(cells[0]);
            if (kind is null && sections.Count > 1 && style.IsUnknownHeading(all, i))
                kind = SectionKind.Other;
            if (kind is not null && !IsHeadingAfterDates(cells[0], sections[^1]) && !style.BreaksCase(cells[0]))
            {
                sections.Add(new CvSection(kind.Value, cells[0].Trim(), []));
                if (kind == SectionKind.Languages && sections.Count > 2)
                    sections[^1].Lines.AddRange(TakeTrailingLanguages(sections[^2].Lines));
                var rest = string.Join('\t', cells.Skip(1)).Trim();
                if (rest.Length > 0)
                    sections[^1].Lines.Add(rest);
                continue;
            }

            sections[^1].Lines.Add(line);
        }

        return sections;
    }

    /// <summary>Grid layouts can put a section's heading after its first row in the text layer ("English&lt;TAB&gt;C2",
    /// "French&lt;TAB&gt;A1", "LANGUAGES"): the lines that end the section before a languages heading and name only a
    /// language (with its level) are that section's, taken from the end of the one before.</summary>
    private static List<string> TakeTrailingLanguages(List<string> previous)
    {
        var start = previous.Count;
        while (start > 0 && IsLanguageRow(previous[start - 1]))
            start--;
        var taken = previous.GetRange(start, previous.Count - start);
        previous.RemoveRange(start, previous.Count - start);
        return taken;
    }

    private static bool IsLanguageRow(string line)
    {
        var cells = line.Split('\t', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        return cells.Length is >= 1 and <= 2 && LanguageLevelMapper.IsLanguage(cells[0])
            && (cells.Length == 1 || LanguageLevelMapper.Cefr(cells[1]).Length > 0 || LanguageLevelMapper.Standard(cells[1]).Length > 0);
    }

    /// <summary>A CV without entry headings lists its jobs and schools as dated lines under the contact block: from the
    /// first dated line on, each dated block goes to an experience or an education section by what its text names.</summary>
    public static List<CvSection> WithHeadinglessEntries(List<CvSection> sections)
    {
        if (sections.Exists(s => s.Kind is SectionKind.Experience or SectionKind.Education or SectionKind.FurtherEducation))
            return sections;
        var header = sections[0].Lines;
        var dated = header.FindAll(l => DateRangeParser.Find(l) is not null);
        if (dated.Count < 2)
            return sections;

        var first = header.FindIndex(l => DateRangeParser.Find(l) is not null);
        var result = new List<CvSection> { new(SectionKind.Header, "", header.Take(first).ToList()) };
        foreach (var line in header.Skip(first))
        {
            if (DateRangeParser.Find(line) is { } range)
            {
                var text = line.Remove(range.Index, range.Length);
                var school = FieldClassifier.InstitutionScore(text) + FieldClassifier.DegreeScore(text);
                var job = FieldClassifier.CompanyScore(text) + FieldClassifier.PositionScore(text);
                var kind = school > job ? SectionKind.Education : SectionKind.Experience;
                if (result[^1].Kind != kind)
                    result.Add(new CvSection(kind, "", []));
            }

            result[^1].Lines.Add(line);
        }

        result.AddRange(sections.Skip(1));
        return result;
    }

    /// <summary>A CV whose experience heading the text layer lost (printed turned, or as an image) has its jobs as dated
    /// header lines under the summary or the contact block: when no experience section exists, the lines from the first
    /// of two or more dated lines that name jobs rather than schools on go to an experience section of their own.</summary>
    public static List<CvSection> WithUnheadedExperience(List<CvSection> sections)
    {
        if (sections.Exists(s => s.Kind == SectionKind.Experience))
            return sections;
        var index = sections.FindIndex(s => s.Kind is SectionKind.Header or SectionKind.Summary or SectionKind.Personal
            && s.Lines.Count(IsJobLine) >= 2);
        if (index < 0)
            return sections;
        var lines = sections[index].Lines;
        var first = lines.FindIndex(IsJobLine);
        // A range alone on its line belongs to the title above it.
        if (first > 0 && DateRangeParser.Find(lines[first]) is { } range && !lines[first].Remove(range.Index, range.Length).Any(char.IsLetter))
            first--;
        var result = new List<CvSection>(sections);
        result[index] = sections[index] with { Lines = lines.Take(first).ToList() };
        result.Insert(index + 1, new CvSection(SectionKind.Experience, "", lines.Skip(first).ToList()));
        return result;
    }

    private static bool IsJobLine(string line)
    {
        if (DateRangeParser.Find(line) is not { } range || CvText.StartsWithBullet(line))
            return false;
        var text = line.Remove(range.Index, range.Length);
        return FieldClassifier.CompanyScore(text) + FieldClassifier.PositionScore(text) > FieldClassifier.InstitutionScore(text) + FieldClassifier.DegreeScore(text);
    }

    /// <summary>The section a heading line opens, or null when the line is no heading.</summary>
    public static SectionKind? Classify(string line)
    {
        var text = Key(line);
        if (text.Length is 0 or > 45 || CvText.WordCount(text) > 5)
            return null;
        if (Headings.TryGetValue(text, out var kind))
            return kind;
        return ByHeadWord(line.Trim().TrimEnd(':').Trim(), text);
    }

    private static string Key(string line) => CvText.Fold(line).Trim().TrimEnd(':').Trim().Trim('#', '=', '*', '_').Trim();

    /// <summary>An entry's dates are followed by its title, never by a heading: a line that is a heading only by its head
    /// word or as a skill category ("Technologies", "Zurich Experience") right after a date part in an entry section
    /// names the entry. Section names proper stay headings: some templates print the dates under the entry.</summary>
    private static bool IsHeadingAfterDates(string line, CvSection current)
    {
        if (current.Kind is not (SectionKind.Experience or SectionKind.Education or SectionKind.FurtherEducation)
            || current.Lines.Count == 0 || SectionNames.ContainsKey(Key(line)))
            return false;
        var previous = current.Lines[^1].Split('\t')[0].Trim();
        return DateRangeParser.Find(previous) is { } range && range.Length >= previous.Length - 1
            || DateRangeParser.IsYear(previous) || DateRangeParser.IsMonthName(previous);
    }

    // Headings under other names ("Employment History & Internships", "Berufliche Tätigkeiten", "Technical Skills and Tools"):
    // a short line without digits or sentence punctuation whose first part ends in a section's head word; a job title
    // ("Education Consultant") ends in another word.
    private static SectionKind? ByHeadWord(string printed, string folded)
    {
        if (printed.Any(char.IsDigit) || printed.Contains('.', StringComparison.Ordinal) || printed.Contains('@', StringComparison.Ordinal)
            || printed.Contains(',', StringComparison.Ordinal) || !printed.Split(' ', StringSplitOptions.RemoveEmptyEntries).All(w => !char.IsLetter(w[0]) || char.IsUpper(w[0]) || w is "and" or "und" or "et" or "e" or "de" or "of" or "&"))
            return null;
        if (LanguageLevelMapper.Standard(printed).Length > 0)
            return null; // "Grundkenntnisse", "Gute Kenntnisse": a language's level, not a heading
        var first = folded.Split([" & ", " and ", " und ", " et ", " e ", " / "], StringSplitOptions.RemoveEmptyEntries)[0].Trim();
        var words = first.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (words.Length == 0)
            return null;
        var head = words[^1];
        foreach (var (suffix, kind) in HeadWords)
        {
            if (head == suffix || (suffix.Length >= 6 && head.EndsWith(suffix, StringComparison.Ordinal)))
                return kind;
        }

        return null;
    }

    // Head words (folded); long ones also end German compounds ("Hochschulstudium", "Berufspraktika").
    private static readonly (string Word, SectionKind Kind)[] HeadWords =
    [
        ("experience", SectionKind.Experience), ("experiences", SectionKind.Experience), ("employment", SectionKind.Experience), ("history", SectionKind.Experience),
        ("internships", SectionKind.Experience), ("positions", SectionKind.Experience), ("erfahrung", SectionKind.Experience), ("erfahrungen", SectionKind.Experience),
        ("tatigkeiten", SectionKind.Experience), ("tatigkeit", SectionKind.Experience), ("praktika", SectionKind.Experience), ("werdegang", SectionKind.Experience), ("stationen", SectionKind.Experience), ("laufbahn", SectionKind.Experience),
        ("professionnelle", SectionKind.Experience), ("professionnelles", SectionKind.Experience), ("professionale", SectionKind.Experience),
        ("professionali", SectionKind.Experience), ("lavorative", SectionKind.Experience), ("lavorativa", SectionKind.Experience),
        ("education", SectionKind.Education), ("studium", SectionKind.Education), ("ausbildung", SectionKind.Education), ("schulbildung", SectionKind.Education),
        ("academique", SectionKind.Education), ("academic", SectionKind.Education), ("etudes", SectionKind.Education), ("istruzione", SectionKind.Education),
        ("diplomes", SectionKind.Education), ("diplomi", SectionKind.Education), ("abschlusse", SectionKind.Education),
        ("skills", SectionKind.Skills), ("kenntnisse", SectionKind.Skills), ("kompetenzen", SectionKind.Skills), ("fahigkeiten", SectionKind.Skills),
        ("competences", SectionKind.Skills), ("competenze", SectionKind.Skills), ("technologies", SectionKind.Skills), ("tools", SectionKind.Skills),
        ("languages", SectionKind.Languages), ("sprachen", SectionKind.Languages), ("sprachkenntnisse", SectionKind.Languages), ("langues", SectionKind.Languages),
        ("lingue", SectionKind.Languages),
        ("interests", SectionKind.Hobbies), ("hobbies", SectionKind.Hobbies), ("interessen", SectionKind.Hobbies), ("loisirs", SectionKind.Hobbies), ("interessi", SectionKind.Hobbies),
        ("certifications", SectionKind.FurtherEducation), ("certificates", SectionKind.FurtherEducation), ("courses", SectionKind.FurtherEducation),
        ("trainings", SectionKind.FurtherEducation), ("weiterbildung", SectionKind.FurtherEducation), ("weiterbildungen", SectionKind.FurtherEducation),
        ("projects", SectionKind.Other), ("publications", SectionKind.Other), ("awards", SectionKind.Other), ("honors", SectionKind.Other),
        ("honours", SectionKind.Other), ("achievements", SectionKind.Other), ("accomplishments", SectionKind.Other), ("references", SectionKind.Other),
        ("referees", SectionKind.Other), ("strengths", SectionKind.Other), ("activities", SectionKind.Other), ("memberships", SectionKind.Other),
        ("projekte", SectionKind.Other), ("auszeichnungen", SectionKind.Other), ("projets", SectionKind.Other), ("progetti", SectionKind.Other),
        ("publikationen", SectionKind.Other), ("prix", SectionKind.Other), ("premi", SectionKind.Other),
    ];

    private static bool IsUnderline(string line)
    {
        var t = line.Trim();
        return t.Length >= 3 && t.All(c => c is '=' or '-' or '_' or '*' or '~');
    }

    private static Dictionary<string, SectionKind> Build()
    {
        var map = new Dictionary<string, SectionKind>(StringComparer.Ordinal);
        void Add(SectionKind kind, params string[] names)
        {
            foreach (var name in names)
                map[CvText.Fold(name)] = kind;
        }

        Add(SectionKind.Personal, "personal details", "personal information", "personal data", "personal info", "contact", "contact details",
            "persönliche angaben", "persönliche daten", "personalien", "kontakt", "kontaktdaten",
            "informations personnelles", "données personnelles", "coordonnées", "état civil",
            "dati personali", "informazioni personali", "contatti", "recapiti");
        Add(SectionKind.Summary, "summary", "profile", "about", "about me", "professional summary", "career summary", "personal profile", "objective", "career objective",
            "profil", "kurzprofil", "zusammenfassung", "über mich", "berufliches profil",
            "profil professionnel", "résumé", "à propos", "à propos de moi", "sommaire",
            "profilo", "profilo professionale", "sommario", "chi sono", "riepilogo", "obiettivo");
        Add(SectionKind.Experience, "experience", "work experience", "professional experience", "work", "employment", "employment history", "work history",
            "career", "career history", "professional background", "relevant experience", "background", "professional history", "employment record",
            "positions held", "work and experience", "experience and internships",
            "berufliche stationen", "berufliche laufbahn", "beruflicher hintergrund", "berufstätigkeit", "berufstätigkeiten", "beschäftigungsverlauf",
            "arbeitserfahrung", "praktische erfahrung", "berufliche praxis", "karriere", "laufbahn", "stationen",
            "parcours", "carrière", "emplois", "historique professionnel", "expériences de travail", "expérience de travail",
            "esperienze", "carriera", "percorso lavorativo", "esperienze di lavoro", "storia lavorativa", "esperienze professionali e stage",
            "berufserfahrung", "berufliche erfahrung", "beruflicher werdegang", "werdegang", "berufspraxis", "erfahrung", "praxiserfahrung", "praxis",
            "expérience professionnelle", "expériences professionnelles", "expérience", "expériences", "parcours professionnel",
            "esperienza professionale", "esperienze professionali", "esperienza lavorativa", "esperienze lavorative", "esperienza", "percorso professionale");
        Add(SectionKind.Education, "education", "academic background", "education and training", "studies", "academic education", "qualifications",
            "ausbildung", "bildung", "bildungsweg", "schulbildung", "studium", "aus- und weiterbildung",
            "formation", "formations", "études", "parcours académique", "formation académique", "diplômes", "diplômes et formations",
            "formazione", "istruzione", "studi", "percorso formativo", "istruzione e formazione", "diplomi", "titoli di studio",
            "educational background", "education history", "academic history", "academic qualifications", "schooling",
            "schule und studium", "studium und ausbildung", "ausbildung und studium", "schulische ausbildung", "akademische ausbildung",
            "bildungsgang", "schule", "schulen", "hochschulbildung", "bildung und qualifikationen",
            "cursus", "parcours scolaire", "parcours universitaire", "études et diplômes", "formation et diplômes", "diplômes et études",
            "formazione accademica", "percorso di studi", "studi e formazione", "formazione e titoli");
        Add(SectionKind.FurtherEducation, "further education", "certifications", "certificates", "courses", "training", "continuing education", "professional development",
            "weiterbildung", "weiterbildungen", "zertifikate", "kurse", "zertifizierungen",
            "formation continue", "certifications et formations", "certificats",
            "formazione continua", "certificazioni", "corsi", "aggiornamento professionale");
        Add(SectionKind.Skills, "skills", "technical skills", "competencies", "core competencies", "expertise", "skills and competencies", "key skills",
            "kenntnisse", "fähigkeiten", "kompetenzen", "fachkenntnisse", "fähigkeiten und kenntnisse",
            "compétences", "compétences clés", "savoir-faire",
            "competenze", "abilità", "conoscenze", "capacità e competenze", "capacità", "competenze tecniche", "competenze informatiche");
        Add(SectionKind.Languages, "languages", "language skills", "sprachen", "sprachkenntnisse", "langues", "compétences linguistiques", "connaissances linguistiques",
            "lingue", "conoscenze linguistiche", "competenze linguistiche");
        Add(SectionKind.Hobbies, "hobbies", "interests", "hobbies and interests", "hobbies & interests", "leisure", "activities",
            "hobbys", "interessen", "freizeit", "freizeitaktivitäten", "hobbys und interessen",
            "loisirs", "centres d'intérêt", "centres d’intérêt", "intérêts", "passions",
            "interessi", "hobby", "tempo libero", "hobby e interessi");
        Add(SectionKind.Other, "references", "referenzen", "références", "referenze", "publications", "publikationen", "projects", "projekte", "projets", "progetti",
            "awards", "auszeichnungen", "volunteering", "ehrenamt", "bénévolat", "volontariato");

        return map;
    }

    private static Dictionary<string, SectionKind> WithSkillCategories(Dictionary<string, SectionKind> names)
    {
        var map = new Dictionary<string, SectionKind>(names, StringComparer.Ordinal);
        foreach (var category in SkillCategories.HeadingNames)
            map[category] = SectionKind.Skills;
        return map;
    }
}
