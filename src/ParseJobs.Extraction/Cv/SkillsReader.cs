using System.Text.RegularExpressions;

namespace ParseJobs.Extraction.Cv;

/// <summary>Skills of the skills sections, sorted into IT, soft, professional skills and fields of expertise by the
/// printed labels and the taxonomy.</summary>
public static partial class SkillsReader
{
    /// <summary>The taxonomy's canonical name of a skill as printed ("JS" → "JavaScript"), or null when unknown;
    /// profiles keep the CV's wording, matching compares canonical names.</summary>
    public static string? Canonical(string skill) => SkillTaxonomy.Find(skill)?.Canonical;

    internal static SkillSet Read(List<CvSection> sections)
    {
        var skills = new SkillSet();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var lines = SkillLines(sections);
        var clipped = IsClipped(lines);
        var category = SkillCategory.Unknown;
        var toolsAreIt = false; // under "Hard skills" CVs list their languages and frameworks too
        for (var i = 0; i < lines.Count; i++)
        {
            var (line, isHeading) = lines[i];
            if (SkillCategories.FromLabel(line) is { } whole)
            {
                category = whole;
                toolsAreIt = SkillCategories.ListsTools(line);
                continue;
            }

            // A label wrapped over two lines ("Persönliche" / "Kompetenzen"), even when its second half was read as a section heading.
            if (i + 1 < lines.Count && SkillCategories.FromLabel(line + " " + lines[i + 1].Text) is { } twoLines)
            {
                category = twoLines;
                toolsAreIt = SkillCategories.ListsTools(line + " " + lines[i + 1].Text);
                i++;
                continue;
            }

            if (isHeading)
            {
                category = SkillCategory.Unknown;
                toolsAreIt = false;
                continue;
            }

            var (label, items) = SkillLabel(line);
            if (label is { } inline)
            {
                category = inline;
                toolsAreIt = line.IndexOfAny([':', '\t']) is > 0 and var end && SkillCategories.ListsTools(line[..end]);
            }
            var lineCategory = label is null && SubLabelCategory(line) is { } sub ? sub : category;

            var list = CvText.SplitList(items).SelectMany(SplitConjunction).ToList();
            if (list.Count > 0 && i + 1 < lines.Count && JoinWrappedSkill(line, list[^1], lines[i + 1]) is { } wrapped)
            {
                list[^1] = wrapped.Joined;
                lines[i + 1] = (wrapped.Remainder, false);
            }

            // An unknown one-word item among known IT skills of its line ("Python, C++, CUDA") is one of them; a phrase
            // ("UX research") may be a method listed beside the tools.
            var lineIsIt = list.Select(SkillTaxonomy.Find).OfType<TaxonomySkill>().ToList() is { Count: > 0 } knownOnLine
                && knownOnLine.TrueForAll(k => k.Category == SkillCategory.It);
            foreach (var item in list)
            {
                if (IsLabelOnly(item) || IsSpokenLanguage(item) || (clipped && IsStub(item)))
                    continue;
                var known = SkillTaxonomy.Find(item);
                // Known skills dedupe by canonical name ("JS" = "JavaScript"); the marker keeps canonical keys apart from folded unknown items.
                var key = known is null ? CvText.Fold(item) : "\u0001" + known.Canonical;
                if (item.Length > 60 || CvText.WordCount(item) > 6 || !seen.Add(key))
                    continue;
                var target = toolsAreIt && known?.Category == SkillCategory.It ? SkillCategory.It : SkillTarget(lineCategory, known);
                if (known is null && lineIsIt && target == SkillCategory.Hard && CvText.WordCount(item) == 1)
                    target = SkillCategory.It;
                (target switch
                {
                    SkillCategory.It => skills.ItSkills,
                    SkillCategory.Soft => skills.SoftSkills,
                    SkillCategory.Fields => skills.FieldsOfExpertise,
                    _ => skills.HardSkills,
                }).Add(item); // as printed: recruiters and the contract keep the CV's wording; the canonical name only dedupes
            }
        }

        return skills;
    }

    // The lines of all skills sections in order, each section's heading included: PDF layouts split labels such as
    // "Competenze" / "informatiche" so that one half becomes a section heading and the other the section's first line.
    private static List<(string Text, bool IsHeading)> SkillLines(List<CvSection> sections) =>
        sections.Where(s => s.Kind == SectionKind.Skills)
            .SelectMany(s => s.Lines.Select(l => (l, false)).Prepend((s.Heading, true)))
            .ToList();

    // "IT skills: Java, SQL", "Branchenerfahrung<TAB>Energie" or a label glued to its first item by the PDF text layer.
    // "Spring MVC, and Hibernate" leaves "and Hibernate"; "Git and GitHub" is two skills when the taxonomy knows a side.
    private static IEnumerable<string> SplitConjunction(string item)
    {
        var text = LeadingConjunction().Replace(item, "").Trim();
        var m = Conjunction().Match(text);
        if (m.Success && CvText.WordCount(m.Groups["a"].Value) <= 3 && CvText.WordCount(m.Groups["b"].Value) <= 3
            && (SkillTaxonomy.Find(m.Groups["a"].Value) is not null || SkillTaxonomy.Find(m.Groups["b"].Value) is not null)
            && SkillTaxonomy.Find(text) is null)
        {
            yield return m.Groups["a"].Value.Trim();
            yield return m.Groups["b"].Value.Trim();
        }
        else if (text.Length > 0)
        {
            yield return text;
        }
    }

    private static (SkillCategory? Label, string Items) SkillLabel(string line)
    {
        var labelled = LabelledLine().Match(line);
        if (labelled.Success && SkillCategories.FromLabel(labelled.Groups["label"].Value) is { } inline)
            return (inline, labelled.Groups["items"].Value);
        // "Frameworks: Django, React", "Cloud Platforms: AWS": a sub-label of no known category is no skill itself
        // (unless the taxonomy knows it: "Python: advanced").
        if (labelled.Success && labelled.Groups["label"].Value.Trim() is { } sub && !sub.Any(char.IsDigit)
            && line[labelled.Groups["label"].Length] == ':'
            && ((CvText.WordCount(sub) <= 4 && SkillTaxonomy.Find(sub) is null) || FirstItemKnown(labelled.Groups["items"].Value)))
            return (null, labelled.Groups["items"].Value);
        return SkillCategories.SplitGluedLabel(line) is { } glued ? (glued.Category, glued.Items) : (null, line);
    }

    // Badge layouts whose boxes clip their text print "Rab", "Sha", "Micr": when most items of the skills sections are such
    // stubs (short single words the taxonomy does not know), the stubs are cut-off words, not skills.
    private static bool IsClipped(List<(string Text, bool IsHeading)> lines)
    {
        var items = lines.Where(l => !l.IsHeading).SelectMany(l => CvText.SplitList(l.Text)).ToList();
        var stubs = items.Count(IsStub);
        return stubs >= 4 && stubs * 2 >= items.Count;
    }

    private static bool IsStub(string item) =>
        item.Length <= 5 && CvText.WordCount(item) == 1 && item.All(char.IsLetter) && SkillTaxonomy.Find(item) is null
        && !LanguageLevelMapper.IsLanguage(item);

    // "Programmation :", "Office:", "...:": a label whose items follow on other lines, no skill itself.
    private static bool IsLabelOnly(string item) => item.TrimEnd().EndsWith(':') || !item.Any(char.IsLetterOrDigit);

    // "Englisch (Muttersprache)", "French – fluent": a spoken language listed among the skills.
    private static bool IsSpokenLanguage(string item)
    {
        var name = LanguageLevelMapper.LeadingLanguage(item);
        if (name is null || SkillTaxonomy.Find(item) is not null)
            return false;
        var rest = item[name.Length..].Trim().Trim('(', ')', '-', '–', ':', ',').Trim();
        return rest.Length == 0 ? false : LanguageLevelMapper.Standard(rest).Length > 0 || rest.Split(' ').Any(LanguageLevelMapper.IsLevelWord);
    }

    // Sub-labels of no category whose head word names a kind of IT ("ML Frameworks:", "Datenbanken:", "Programmation :",
    // "Ottima conoscenza dei seguenti linguaggi:"): the unknown items of that line are IT skills.
    private static SkillCategory? SubLabelCategory(string line)
    {
        var labelled = LabelledLine().Match(line);
        if (!labelled.Success || line[labelled.Groups["label"].Length] != ':')
            return null;
        var words = CvText.Fold(labelled.Groups["label"].Value).Split([' ', '/'], StringSplitOptions.RemoveEmptyEntries);
        return words.Length > 0 && ItSubLabels.Contains(words[^1]) ? SkillCategory.It : null;
    }

    private static readonly HashSet<string> ItSubLabels = new(StringComparer.Ordinal)
    {
        "frameworks", "framework", "libraries", "databases", "database", "datenbanken", "infrastructure", "cloud", "devops", "platforms",
        "plattformen", "programmation", "programmierung", "programmiersprachen", "linguaggi", "langages", "betriebssysteme", "ide",
        "office", "software", "systems", "stack", "frontend", "backend", "web", "outils", "strumenti", "werkzeuge", "tools", "os",
    };

    // "DevOps: Docker", "Ottima conoscenza dei seguenti linguaggi: Python, C": the label is known or long, but what
    // follows it is a skill the taxonomy knows, so the part before the colon labels the line.
    private static bool FirstItemKnown(string items) =>
        CvText.SplitList(items).FirstOrDefault() is { } first && SkillTaxonomy.Find(first) is not null;

    // An item wrapped onto the next line ("Requirements" / "engineering"): joined when the taxonomy knows the whole but
    // not both halves, or when the next line goes on in lower case after a line that did not end with a separator.
    private static (string Joined, string Remainder)? JoinWrappedSkill(string line, string last, (string Text, bool IsHeading) next)
    {
        if (next.IsHeading || line.TrimEnd().EndsWith(',') || line.TrimEnd().EndsWith(';') || SkillLabel(next.Text).Label is not null
            || SkillCategories.FromLabel(next.Text) is not null)
            return null;
        var nextItems = CvText.SplitList(next.Text);
        if (nextItems.Count == 0)
            return null;
        var first = nextItems[0];
        var joined = last + " " + first;
        if (joined.Length > 60 || CvText.WordCount(joined) > 6)
            return null;
        var knownWhole = SkillTaxonomy.Find(joined) is not null;
        var knownHalves = SkillTaxonomy.Find(last) is not null && SkillTaxonomy.Find(first) is not null;
        var continues = char.IsLower(first[0]) && SkillTaxonomy.Find(first) is null && SkillTaxonomy.Find(last) is null;
        if (!(knownWhole && !knownHalves) && !continues)
            return null;
        return (joined, string.Join(", ", nextItems.Skip(1)));
    }

    // Items under no category take the taxonomy's (unknown ones count as professional skills). Under a printed category the
    // CV's choice wins where the line is blurry (IT vs professional: Excel, SAP FI/CO); a known soft skill or industry under
    // another label, or a tool under "Soft skills", is a layout mix-up (label cells read out of order), so the taxonomy wins.
    private static SkillCategory SkillTarget(SkillCategory printed, TaxonomySkill? known)
    {
        if (known is null)
            return printed == SkillCategory.Unknown ? SkillCategory.Hard : printed;
        var professional = (printed is SkillCategory.It or SkillCategory.Hard) && (known.Category is SkillCategory.It or SkillCategory.Hard);
        return professional ? printed : known.Category;
    }

    [GeneratedRegex(@"^(?<label>[^:\t]{2,40})(?::\s*|\t)(?<items>.+)$", RegexOptions.None, matchTimeoutMilliseconds: 1000)]
    private static partial Regex LabelledLine();

    [GeneratedRegex(@"^(?:and|und|et|e|&)\s+", RegexOptions.IgnoreCase, matchTimeoutMilliseconds: 1000)]
    private static partial Regex LeadingConjunction();

    [GeneratedRegex(@"^(?<a>[^()]+?)\s+(?:and|und|et|e|&)\s+(?<b>[^()]+)$", RegexOptions.None, matchTimeoutMilliseconds: 1000)]
    private static partial Regex Conjunction();
}
