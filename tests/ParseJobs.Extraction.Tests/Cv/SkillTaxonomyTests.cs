using ParseJobs.Extraction.Cv;

namespace ParseJobs.Extraction.Tests.Cv;

public sealed class SkillTaxonomyTests
{
    [Theory]
    [InlineData("JS", "JavaScript")]
    [InlineData("k8s", "Kubernetes")]
    [InlineData("MS Excel", "Microsoft Excel")]
    [InlineData("S/4HANA", "SAP S/4HANA")]
    [InlineData("Navision", "Microsoft Dynamics NAV")]
    public void TryFind_FindsCanonical_WhenAbbreviation(string alias, string canonical) => AssertFinds(alias, canonical);

    [Theory]
    [InlineData("Teamfähigkeit", "Teamwork")]
    [InlineData("Kommunikationsstärke", "Communication")]
    [InlineData("Finanzbuchhaltung", "Financial accounting")]
    [InlineData("Lohnbuchhaltung", "Payroll")]
    [InlineData("Versicherungen", "Insurance")]
    public void TryFind_FindsCanonical_WhenGermanName(string alias, string canonical) => AssertFinds(alias, canonical);

    [Theory]
    [InlineData("esprit d'équipe", "Teamwork")]
    [InlineData("Contrôle de gestion", "Controlling")]
    [InlineData("Gestion de projet", "Project management")]
    [InlineData("secteur public", "Public sector")]
    public void TryFind_FindsCanonical_WhenFrenchName(string alias, string canonical) => AssertFinds(alias, canonical);

    [Theory]
    [InlineData("Lavoro di squadra", "Teamwork")]
    [InlineData("Controllo di gestione", "Controlling")]
    [InlineData("Metodologie agili", "Agile methods")]
    [InlineData("Assicurazioni", "Insurance")]
    public void TryFind_FindsCanonical_WhenItalianName(string alias, string canonical) => AssertFinds(alias, canonical);

    [Theory]
    [InlineData("TEAMFAHIGKEIT")]
    [InlineData("esprit d’équipe")]
    [InlineData("  Esprit  d'equipe ")]
    public void TryFind_IgnoresCaseDiacriticsAndTypography_WhenPrintedDifferently(string printed) => AssertFinds(printed, "Teamwork");

    [Fact]
    public void TryFind_IgnoresTrailingNote_WhenLevelInParentheses() => AssertFinds("Python (expert)", "Python");

    [Theory]
    [InlineData("Kubernetes", "It")]
    [InlineData("SAP FI/CO", "It")]
    [InlineData("AutoCAD", "It")]
    [InlineData("FMEA", "Hard")]
    [InlineData("Swiss GAAP FER", "Hard")]
    [InlineData("Key Account Management", "Hard")]
    [InlineData("Arbeitsrecht", "Hard")]
    [InlineData("Belastbarkeit", "Soft")]
    [InlineData("pensiero analitico", "Soft")]
    [InlineData("Pharma", "Fields")]
    [InlineData("Bankwesen", "Fields")]
    public void TryFind_GivesCategory_WhenKnownSkill(string name, string category)
    {
        Assert.True(SkillTaxonomy.TryFind(name, out var skill));
        Assert.Equal(Enum.Parse<SkillCategory>(category), skill.Category);
    }

    [Theory]
    [InlineData("Underwater basket weaving")]
    [InlineData("")]
    public void TryFind_ReturnsFalse_WhenUnknown(string name) => Assert.False(SkillTaxonomy.TryFind(name, out _));

    [Fact]
    public void Taxonomy_HasSeveralHundredSkillsInEveryCategory_WhenLoaded()
    {
        var rows = SkillTaxonomy.LoadRows();

        Assert.True(SkillTaxonomy.Count >= 500, $"{SkillTaxonomy.Count} skills");
        foreach (var category in new[] { SkillCategory.It, SkillCategory.Hard, SkillCategory.Soft, SkillCategory.Fields })
            Assert.True(rows.Count(r => r.Category == category) >= 40, $"{category}: {rows.Count(r => r.Category == category)}");
    }

    [Fact]
    public void Taxonomy_HasNoDuplicateCanonicalNamesOrAmbiguousAliases_WhenLoaded()
    {
        var rows = SkillTaxonomy.LoadRows();
        var owners = new Dictionary<string, TaxonomyRow>(StringComparer.Ordinal);
        var problems = new List<string>();

        foreach (var group in rows.GroupBy(r => SkillTaxonomy.Key(r.Canonical), StringComparer.Ordinal).Where(g => g.Count() > 1))
            problems.Add($"canonical '{group.First().Canonical}' on lines {string.Join(", ", group.Select(r => r.LineNumber))}");
        foreach (var row in rows)
        {
            foreach (var name in row.Names)
            {
                var key = SkillTaxonomy.Key(name);
                if (key.Length == 0)
                    problems.Add($"empty name on line {row.LineNumber}");
                else if (owners.TryGetValue(key, out var owner) && !ReferenceEquals(owner, row))
                    problems.Add($"'{name}' (line {row.LineNumber}, {row.Canonical}) also names {owner.Canonical} (line {owner.LineNumber})");
                else
                    owners[key] = row;
            }
        }

        Assert.Empty(problems);
    }

    [Fact]
    public void Parse_Throws_WhenCategoryUnknown()
    {
        using var reader = new StringReader("# comment\nPython\tit\tPy\nCobol\tlegacy\t\n");

        var error = Assert.Throws<FormatException>(() => SkillTaxonomy.Parse(reader));

        Assert.Contains("line 3", error.Message, StringComparison.Ordinal);
    }

    private static void AssertFinds(string name, string canonical)
    {
        Assert.True(SkillTaxonomy.TryFind(name, out var skill), $"'{name}' not found");
        Assert.Equal(canonical, skill.Canonical);
    }
}
