namespace ParseJobs.Extraction.Cv;

/// <summary>Which skill list an item belongs to.</summary>
internal enum SkillCategory
{
    Unknown,
    It,
    Hard,
    Soft,
    Fields,
}

/// <summary>Skill category headings (EN/DE/FR/IT); items listed without a category are categorised by <see cref="SkillTaxonomy"/>.</summary>
internal static class SkillCategories
{
    private static readonly Dictionary<string, SkillCategory> Categories = BuildCategories();

    // One-word sub-labels inside a skills block ("IT / Professional / Personal", "Informatik / Fachlich / Persönlich",
    // "Informatica / Tecniche / Trasversali"): labels there, but no headings of their own elsewhere ("Personal" heads the
    // personal details), so they are not among the heading names.
    private static readonly Dictionary<string, SkillCategory> SubLabels = new(StringComparer.Ordinal)
    {
        ["informatik"] = SkillCategory.It, ["edv"] = SkillCategory.It,
        ["professional"] = SkillCategory.Hard, ["fachlich"] = SkillCategory.Hard, ["metier"] = SkillCategory.Hard, ["professionnel"] = SkillCategory.Hard,
        ["tecniche"] = SkillCategory.Hard, ["professionali"] = SkillCategory.Hard,
        ["personal"] = SkillCategory.Soft, ["personlich"] = SkillCategory.Soft, ["personnel"] = SkillCategory.Soft, ["personali"] = SkillCategory.Soft,
        ["trasversali"] = SkillCategory.Soft,
    };

    public static IEnumerable<string> HeadingNames => Categories.Keys;

    /// <summary>The category a label ("IT skills", "Fachkompetenzen:") names, or null.</summary>
    public static SkillCategory? FromLabel(string label)
    {
        var key = CvText.Fold(label).Trim().TrimEnd(':').Trim();
        return Categories.TryGetValue(key, out var category) || SubLabels.TryGetValue(key, out category) ? category : null;
    }

    /// <summary>True for a label of professional skills that CVs also print over their tools ("Hard skills", "HARD SKILLS:"):
    /// there a tool the taxonomy knows is an IT skill, while "Professional skills: SAP FI/CO" keeps the CV's choice.</summary>
    public static bool ListsTools(string label) => CvText.Fold(label).Trim().TrimEnd(':').Trim() is "hard skills" or "hard skill";

    /// <summary>Categorises an item listed without a category: the taxonomy's category, else a professional skill.</summary>
    public static SkillCategory Guess(string item) =>
        SkillTaxonomy.TryFind(item, out var skill) ? skill.Category : SkillCategory.Hard;

    /// <summary>Splits a label glued to its first item by the PDF text layer ("Competenze tecnicheAnalisi dei requisiti, …").</summary>
    public static (SkillCategory Category, string Items)? SplitGluedLabel(string line)
    {
        var folded = CvText.Fold(line);
        if (folded.Length != line.Length)
            return null;
        foreach (var (name, category) in Categories.OrderByDescending(c => c.Key.Length))
        {
            // Only longer labels: "it" or "tools" glued to a word would be ordinary text.
            if (name.Length >= 8 && folded.Length > name.Length && folded.StartsWith(name, StringComparison.Ordinal)
                && char.IsLower(line[name.Length - 1]) && char.IsUpper(line[name.Length]))
                return (category, line[name.Length..]);
        }

        return null;
    }

    private static Dictionary<string, SkillCategory> BuildCategories()
    {
        var map = new Dictionary<string, SkillCategory>(StringComparer.Ordinal);
        void Add(SkillCategory category, params string[] names)
        {
            foreach (var name in names)
                map[CvText.Fold(name)] = category;
        }

        Add(SkillCategory.It, "it skills", "it", "technical skills", "tools", "software", "programming", "programming languages", "technologies", "it knowledge", "computer skills",
            "it-kenntnisse", "edv-kenntnisse", "informatikkenntnisse", "technische kenntnisse", "software-kenntnisse",
            "compétences informatiques", "informatique", "connaissances informatiques", "outils",
            "competenze informatiche", "informatica", "conoscenze informatiche", "strumenti");
        Add(SkillCategory.Hard, "professional skills", "hard skills", "methods", "business skills", "functional skills",
            "fachkompetenzen", "fachkenntnisse", "methodenkompetenz", "fachliche kompetenzen",
            "compétences professionnelles", "compétences métier", "compétences techniques",
            "competenze professionali", "competenze tecniche");
        Add(SkillCategory.Soft, "soft skills", "personal skills", "interpersonal skills", "social skills",
            "persönliche kompetenzen", "sozialkompetenzen", "soziale kompetenzen", "selbstkompetenz",
            "compétences personnelles", "savoir-être", "qualités personnelles", "compétences comportementales",
            "competenze personali", "competenze trasversali", "competenze relazionali", "soft skill");
        Add(SkillCategory.Fields, "industries", "industry experience", "industry", "sectors", "domains",
            "branchenerfahrung", "branchen", "branchenkenntnisse",
            "secteurs", "expérience sectorielle", "secteurs d'activité",
            "settori", "esperienza settoriale", "settori di attività");
        return map;
    }
}
