using System.Globalization;
using System.Text.RegularExpressions;
using ParseJobs.Extraction.Cv;

namespace ParseJobs.Extraction.Matching;

/// <summary>A degree a job asks for: the lowest level it accepts, the fields it names, whether related fields do.</summary>
internal sealed record DegreeRequirement(int Level, IReadOnlyList<string> Fields, bool RelatedAccepted);

/// <summary>What one requirement sentence says: years, degree, certifications and skills.</summary>
internal static partial class RequirementText
{
    private static readonly Dictionary<string, int> NumberWords = new(StringComparer.Ordinal)
    {
        ["one"] = 1, ["two"] = 2, ["three"] = 3, ["four"] = 4, ["five"] = 5, ["six"] = 6, ["seven"] = 7, ["eight"] = 8, ["ten"] = 10,
        ["ein"] = 1, ["einem"] = 1, ["einen"] = 1, ["zwei"] = 2, ["drei"] = 3, ["vier"] = 4, ["funf"] = 5, ["sechs"] = 6, ["sieben"] = 7, ["acht"] = 8, ["zehn"] = 10,
        ["un"] = 1, ["deux"] = 2, ["trois"] = 3, ["quatre"] = 4, ["cinq"] = 5, ["six "] = 6,
        ["uno"] = 1, ["due"] = 2, ["tre"] = 3, ["quattro"] = 4, ["cinque"] = 5, ["sei"] = 6,
    };

    // Words that make a list item a statement about the job, not a skill ("a similar role", "a growing team").
    private static readonly HashSet<string> NotSkillWords = new(StringComparer.Ordinal)
    {
        "role", "roles", "position", "experience", "years", "year", "team", "teams", "field", "degree", "environment", "company",
        "industry", "work", "working", "area", "similar", "related", "relevant", "professional", "colleagues", "customers",
        "stakeholders", "salary", "jahre", "jahren", "erfahrung", "berufserfahrung", "team", "bereich", "umfeld", "position",
        "annees", "experience", "anni", "esperienza", "you", "we", "our", "your", "sie", "wir", "ihr", "du", "vous", "nous",
    };

    private static readonly HashSet<string> LeadingFiller = new(StringComparer.Ordinal)
    {
        "a", "an", "the", "solid", "strong", "good", "very", "excellent", "sound", "deep", "basic", "advanced", "first",
        "hands", "on", "hands-on", "practical", "proven", "fundierte", "fundiertes", "sehr", "gute", "guten", "sichere",
        "sicherer", "ausgepragte", "erste", "praktische", "einschlagige", "bonnes", "solides", "excellente", "buona", "ottima",
        "solida", "in", "with", "of", "mit", "im", "der", "die", "das", "de", "des", "du", "la", "le", "les", "di", "del", "della",
        "knowledge", "kenntnisse", "experience", "erfahrung", "and", "or", "und", "oder", "sowie", "et", "ou", "e", "o",
    };

    public static int? Years(string text)
    {
        var folded = CvText.Fold(text);
        var m = YearsPattern().Match(folded);
        if (!m.Success)
            return null;
        var number = m.Groups["n"].Value;
        if (int.TryParse(number, NumberStyles.None, CultureInfo.InvariantCulture, out var years))
            return years is > 0 and <= 40 ? years : null;
        return NumberWords.TryGetValue(number, out years) ? years : null;
    }

    public static DegreeRequirement? Degree(string text)
    {
        var clause = DegreeClause(text);
        if (clause is null)
            return null;
        var folded = CvText.Fold(clause);
        var levels = new List<int>();
        if (DoctorateWords().IsMatch(folded))
            levels.Add(4);
        if (MasterWords().IsMatch(folded))
            levels.Add(3);
        if (BachelorWords().IsMatch(folded))
            levels.Add(2);
        if (VocationalWords().IsMatch(folded))
            levels.Add(1);
        if (levels.Count == 0)
            return null;
        var fields = FieldCatalog.Find(clause);
        var related = RelatedFieldWords().IsMatch(folded) || fields.Count == 0;
        return new DegreeRequirement(levels.Min(), fields, related);
    }

    /// <summary>The part of a sentence about the degree: from the degree word to the end of its clause.</summary>
    internal static string? DegreeClause(string text)
    {
        foreach (var clause in ClauseBreak().Split(text))
        {
            var folded = CvText.Fold(clause);
            if (DoctorateWords().IsMatch(folded) || MasterWords().IsMatch(folded) || BachelorWords().IsMatch(folded) || VocationalWords().IsMatch(folded))
                return clause;
        }

        return null;
    }

    public static IEnumerable<string> Certifications(string text) =>
        Cues.Of("cert").FindAll(text).Select(h => h.Value);

    /// <summary>The skills a requirement names: list items (a bullet, or what follows "experience with"), each as the
    /// taxonomy's skill when it is one, else as its own words; and the taxonomy's skills elsewhere in the sentence.</summary>
    public static List<JobSkill> Skills(string text, bool isListItem)
    {
        var degree = DegreeClause(text);
        var usable = degree is null ? text : text.Replace(degree, new string(' ', degree.Length), StringComparison.Ordinal);
        var found = new List<(int Position, JobSkill Skill)>();
        var covered = new List<(int Start, int End)>();
        foreach (var (start, item) in ListItems(usable, isListItem))
        {
            covered.Add((start, start + item.Length));
            if (SkillTaxonomy.TryFind(item, out var whole))
            {
                found.Add((start, new JobSkill { Name = item, Canonical = whole.Canonical }));
                continue;
            }

            var inner = SkillScanner.Scan(item);
            if (inner.Count == 1 && inner[0].Surface.Length >= item.Length - 1)
            {
                found.Add((start, new JobSkill { Name = inner[0].Surface, Canonical = inner[0].Canonical }));
                continue;
            }

            if (IsSkillPhrase(item))
            {
                found.Add((start, new JobSkill { Name = item, Canonical = "" }));
                continue;
            }

            // A longer item ("Python for data pipelines"): the taxonomy's skills in it.
            found.AddRange(inner.Select(h => (start + h.Position, new JobSkill { Name = h.Surface, Canonical = h.Canonical })));
        }

        foreach (var hit in SkillScanner.Scan(usable))
        {
            if (!covered.Exists(c => hit.Position >= c.Start && hit.Position < c.End))
                found.Add((hit.Position, new JobSkill { Name = hit.Surface, Canonical = hit.Canonical }));
        }

        return found.OrderBy(f => f.Position).Select(f => f.Skill).ToList();
    }

    /// <summary>A short phrase of words that could name a skill: 1–4 words, no digits except in names ("B2B").</summary>
    private static bool IsSkillPhrase(string item)
    {
        var words = SkillScanner.Tokenize(item).Select(t => t.Key).ToList();
        if (words.Count is 0 or > 4 || item.Length > 40)
            return false;
        if (words.Exists(NotSkillWords.Contains))
            return false;
        return !item.Any(char.IsDigit) || words.Exists(w => w.Any(char.IsLetter) && w.Any(char.IsDigit));
    }

    /// <summary>The list a sentence makes: a bullet is one item; in a sentence, the items after its intro words
    /// ("experience with", "Kenntnisse in") or its colon, up to the clause's end.</summary>
    private static IEnumerable<(int Start, string Item)> ListItems(string text, bool isListItem)
    {
        var trimmed = TrailingNote().Replace(text, "").Trim().TrimEnd('.', ';', '!');
        if (isListItem && CvText.WordCount(trimmed) <= 5 && Cues.Of("intro").FindAll(trimmed).Count == 0)
        {
            var at = text.IndexOf(trimmed, StringComparison.Ordinal);
            if (trimmed.Length > 0)
                yield return (Math.Max(0, at), trimmed);
            yield break;
        }

        var tokens = SkillScanner.Tokenize(text);
        var intro = Cues.Of("intro").FindAll(tokens);
        int from;
        if (intro.Count > 0)
        {
            var last = intro[0];
            from = tokens[last.Start + last.Words - 1].End;
        }
        else
        {
            var colon = text.IndexOf(':', StringComparison.Ordinal);
            if (colon < 0)
                yield break;
            from = colon + 1;
        }

        var span = text[from..];
        var stop = ClauseEnd().Match(span);
        if (stop.Success)
            span = span[..stop.Index];
        var offset = from;
        foreach (var part in ItemBreak().Split(span))
        {
            var at = text.IndexOf(part, offset, StringComparison.Ordinal);
            var item = StripFiller(part);
            if (item.Length > 0 && at >= 0)
                yield return (at + part.IndexOf(item, StringComparison.Ordinal), item);
            if (at >= 0)
                offset = at + part.Length;
        }
    }

    private static string StripFiller(string part)
    {
        var item = part.Trim().Trim('.', ',', ';', ':', '"', '\'', '(', ')').Trim();
        while (true)
        {
            var space = item.IndexOf(' ', StringComparison.Ordinal);
            if (space < 0 || !LeadingFiller.Contains(CvText.Fold(item[..space])))
                break;
            item = item[(space + 1)..].Trim();
        }

        return LeadingFiller.Contains(CvText.Fold(item)) ? "" : item;
    }

    [GeneratedRegex(@"(?<n>\d{1,2}|one|two|three|four|five|six|seven|eight|ten|ein|einem|einen|zwei|drei|vier|funf|sechs|sieben|acht|zehn|deux|trois|quatre|cinq|due|tre|quattro|cinque|sei)\s*\+?\s*(?:-\s*\d{1,2}\s*)?(?:or more\s+|plus\s+)?(?:years?|yrs|jahre|jahren|ans|annees|anni)\b", RegexOptions.None, matchTimeoutMilliseconds: 1000)]
    private static partial Regex YearsPattern();

    [GeneratedRegex(@"\b(phd|ph\.d|doctorate|doctoral|promotion|promoviert|doktor|doctorat|dottorato)\b", RegexOptions.None, matchTimeoutMilliseconds: 1000)]
    private static partial Regex DoctorateWords();

    [GeneratedRegex(@"(?<!scrum\s)\b(master|master's|masters|msc|m\.sc|mba|diplom|universitatsdiplom|laurea magistrale)\b(?!\s+data)", RegexOptions.None, matchTimeoutMilliseconds: 1000)]
    private static partial Regex MasterWords();

    [GeneratedRegex(@"\b(bachelor|bachelor's|bachelors|bsc|b\.sc|university degree|college degree|degree|hochschulstudium|studium|hochschulabschluss|fachhochschule|licence|laurea|diplome universitaire|universitaire)\b", RegexOptions.None, matchTimeoutMilliseconds: 1000)]
    private static partial Regex BachelorWords();

    [GeneratedRegex(@"\b(vocational|apprenticeship|associate degree|associate|trade qualification|vocational qualification|ausbildung|berufsausbildung|lehre|techniker|meister|fachwirt|examen|examinierte|examinierter|staatlich anerkannt|staatlich anerkannte|efz|cfc|bts|dut|diploma professionale|qualifica professionale|diploma)\b", RegexOptions.None, matchTimeoutMilliseconds: 1000)]
    private static partial Regex VocationalWords();

    [GeneratedRegex(@"related field|related discipline|similar field|or similar|or equivalent|comparable|oder vergleichbar|vergleichbare|vergleichbaren|verwandten|ahnlichen|ou equivalent|ou similaire|domaine connexe|o equivalente|affine|o simili", RegexOptions.None, matchTimeoutMilliseconds: 1000)]
    private static partial Regex RelatedFieldWords();

    // Clauses of a sentence: "… degree in X or a related field and at least 3 years …" is a degree clause and a years clause.
    [GeneratedRegex(@"\s+(?:and|und|et|e|as well as|sowie)\s+(?=(?:at least|mindestens|minimum|au moins|almeno|\d|several|mehrjahrige|mehrere|first|erste|solid|fundierte|experience|erfahrung)\b)|;|\.\s", RegexOptions.IgnoreCase, matchTimeoutMilliseconds: 1000)]
    private static partial Regex ClauseBreak();

    // Where a list of skills ends: a verb of the sentence, a note in parentheses, a full stop.
    [GeneratedRegex(@"\s(?:is|are|would|will|would be|is a|are a|ist|sind|ware|waren|est|sont|serait|e|sono|sarebbe|to|um|pour|per|for|fur|in order)\s|\(|\.(?:\s|$)|;", RegexOptions.None, matchTimeoutMilliseconds: 1000)]
    private static partial Regex ClauseEnd();

    [GeneratedRegex(@",|/|\s(?:and|or|und|oder|sowie|et|ou|e|o|as well as|plus|as|along with|bzw\.?)\s|\s&\s", RegexOptions.None, matchTimeoutMilliseconds: 1000)]
    private static partial Regex ItemBreak();

    [GeneratedRegex(@"\s*\([^)]*\)\s*$", RegexOptions.None, matchTimeoutMilliseconds: 1000)]
    private static partial Regex TrailingNote();
}
