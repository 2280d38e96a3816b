using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.Reflection;
using System.Text;

namespace ParseJobs.Extraction.Cv;

/// <summary>A skill as the taxonomy knows it: its canonical name and category.</summary>
internal sealed record TaxonomySkill(string Canonical, SkillCategory Category);

/// <summary>One data row of the taxonomy file: the canonical name, the category and every name that leads to it.</summary>
internal sealed record TaxonomyRow(int LineNumber, string Canonical, SkillCategory Category, IReadOnlyList<string> Names);

/// <summary>The curated skill taxonomy (Cv/Taxonomy/skills.tsv, embedded): looks up a printed skill by its
/// name or any alias, case- and diacritics-insensitively, and gives its canonical name and category.</summary>
internal static class SkillTaxonomy
{
    internal const string ResourceName = "ParseJobs.Extraction.Cv.Taxonomy.skills.tsv";

    // Read once on first use; the file is data shipped with the assembly and never changes at run time.
    private static readonly Lazy<Dictionary<string, TaxonomySkill>> Index = new(BuildIndex);

    public static int Count => Index.Value.Values.Distinct().Count();

    /// <summary>Finds a skill by name or alias; a trailing level or note in parentheses ("Python (expert)") is ignored.</summary>
    public static bool TryFind(string name, [NotNullWhen(true)] out TaxonomySkill? skill)
    {
        ArgumentNullException.ThrowIfNull(name);
        if (Index.Value.TryGetValue(Key(name), out skill))
            return true;
        var open = name.IndexOf('(', StringComparison.Ordinal);
        return open > 0 && Index.Value.TryGetValue(Key(name[..open]), out skill);
    }

    public static TaxonomySkill? Find(string name) => TryFind(name, out var skill) ? skill : null;

    /// <summary>The comparison key: folded (case, diacritics), typographic apostrophes and hyphens unified, spaces collapsed.</summary>
    internal static string Key(string name)
    {
        var folded = CvText.Fold(name);
        var sb = new StringBuilder(folded.Length);
        foreach (var c in folded)
        {
            // PDFs print "d’équipe" and "problem‑solving" with typographic characters; CVs also vary "problem-solving"/"problem solving".
            var normal = c switch
            {
                '\u2019' or '\u2018' or '`' or '\u00B4' => '\'',
                '-' or '\u2010' or '\u2011' or '\u2013' or '_' => ' ',
                _ => c,
            };
            if (normal == ' ' && (sb.Length == 0 || sb[^1] == ' '))
                continue;
            sb.Append(char.IsWhiteSpace(normal) ? ' ' : normal);
        }

        return sb.ToString().TrimEnd();
    }

    /// <summary>Parses the taxonomy format (see the header of skills.tsv); throws on a malformed row.</summary>
    internal static List<TaxonomyRow> Parse(TextReader reader)
    {
        var rows = new List<TaxonomyRow>();
        var number = 0;
        while (reader.ReadLine() is { } line)
        {
            number++;
            if (line.Trim().Length == 0 || line.StartsWith('#'))
                continue;
            var columns = line.Split('\t');
            if (columns.Length is < 2 or > 3 || columns[0].Trim().Length == 0)
                throw new FormatException(string.Create(CultureInfo.InvariantCulture, $"skills.tsv line {number}: expected 'name<TAB>category<TAB>aliases'."));
            var category = columns[1].Trim() switch
            {
                "it" => SkillCategory.It,
                "hard" => SkillCategory.Hard,
                "soft" => SkillCategory.Soft,
                "field" => SkillCategory.Fields,
                var other => throw new FormatException(string.Create(CultureInfo.InvariantCulture, $"skills.tsv line {number}: unknown category '{other}'.")),
            };
            var canonical = columns[0].Trim();
            var names = new List<string> { canonical };
            if (columns.Length == 3)
                names.AddRange(columns[2].Split('|').Select(a => a.Trim()).Where(a => a.Length > 0));
            rows.Add(new TaxonomyRow(number, canonical, category, names));
        }

        return rows;
    }

    internal static List<TaxonomyRow> LoadRows()
    {
        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream(ResourceName)
            ?? throw new InvalidOperationException($"Embedded resource {ResourceName} is missing.");
        using var reader = new StreamReader(stream, Encoding.UTF8);
        return Parse(reader);
    }

    private static Dictionary<string, TaxonomySkill> BuildIndex()
    {
        var index = new Dictionary<string, TaxonomySkill>(StringComparer.Ordinal);
        foreach (var row in LoadRows())
        {
            var skill = new TaxonomySkill(row.Canonical, row.Category);
            // First row wins on a clash; the data-integrity test keeps the file free of clashes.
            foreach (var name in row.Names)
                index.TryAdd(Key(name), skill);
        }

        return index;
    }
}
