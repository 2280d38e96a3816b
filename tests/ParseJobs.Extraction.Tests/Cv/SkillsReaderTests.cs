using ParseJobs.Extraction.Cv;
using ParseJobs.Extraction.Parsing;

namespace ParseJobs.Extraction.Tests.Cv;

/// <summary>Labels and fragments are not skills (issue 9); canonical names are public for matching.</summary>
public sealed class SkillsReaderTests
{
    private static SkillSet Read(params string[] lines) =>
        new CvExtractor().Extract(new ExtractedDocument(DocumentType.Txt, [new ExtractedPage(1, string.Join('\n', ["Ana Lima", "ana@example.com", "Technical Skills", .. lines]))])).Skills;

    [Fact]
    public void Read_DropsSubLabels_WhenTheyNameNoCategory()
    {
        var skills = Read("Frameworks: Django, React", "Cloud Platforms: AWS, Azure");
        var all = skills.ItSkills.Concat(skills.HardSkills).ToArray();

        Assert.Contains("Django", all, StringComparer.Ordinal);
        Assert.Contains("AWS", all, StringComparer.Ordinal);
        Assert.DoesNotContain(all, s => s.Contains(':', StringComparison.Ordinal));
    }

    [Fact]
    public void Read_SplitsConjunctions_AndDropsTheirFragments()
    {
        var skills = Read("• Spring Boot, Spring MVC, and Hibernate", "• Git and GitHub");
        var all = skills.ItSkills.Concat(skills.HardSkills).ToArray();

        Assert.Contains("Hibernate", all, StringComparer.Ordinal);
        Assert.Contains("Git", all, StringComparer.Ordinal);
        Assert.Contains("GitHub", all, StringComparer.Ordinal);
        Assert.DoesNotContain(all, s => s.StartsWith("and ", StringComparison.Ordinal) || s.Contains(" and ", StringComparison.Ordinal));
    }

    [Fact]
    public void Canonical_NamesTheTaxonomysSkill_OrNull()
    {
        Assert.Equal("JavaScript", SkillsReader.Canonical("JS"));
        Assert.Null(SkillsReader.Canonical("Underwater basket weaving"));
    }

    [Fact]
    public void DegreeLevels_TellTheLevel_FromTheDegreesName()
    {
        Assert.Equal(DegreeLevels.Master, DegreeLevels.Of("MSc Computer Science"));
        Assert.Equal(DegreeLevels.Apprenticeship, DegreeLevels.Of("Kauffrau EFZ"));
        Assert.Equal("", DegreeLevels.Of("Summer school"));
    }

    [Fact]
    public void Read_SortsItemsByOneWordSubLabels_AndKeepsNoLabelAsASkill()
    {
        var skills = Read("IT", "Sage 50", "DATEV", "Professional", "Procurement", "Data governance", "Personal", "Decision making");

        Assert.Equal(["Sage 50", "DATEV"], skills.ItSkills);
        Assert.Equal(["Procurement", "Data governance"], skills.HardSkills);
        Assert.Contains("Decision making", skills.SoftSkills, StringComparer.Ordinal);
        Assert.DoesNotContain(skills.ItSkills.Concat(skills.HardSkills).Concat(skills.SoftSkills), s => s is "Professional" or "Personal");
    }

    [Theory]
    [InlineData("Tecniche\tPianificazione della capacità, Elaborazione paghe", "Trasversali\tSpirito di iniziativa")]
    [InlineData("Fachlich: Pianificazione della capacità, Elaborazione paghe", "Persönlich: Spirito di iniziativa")]
    public void Read_SortsItemsByShortInlineLabels(string hard, string soft)
    {
        var skills = Read("Informatica\tHubSpot, DATEV", hard, soft);

        Assert.Equal(["HubSpot", "DATEV"], skills.ItSkills);
        Assert.Equal(["Pianificazione della capacità", "Elaborazione paghe"], skills.HardSkills);
        Assert.Equal(["Spirito di iniziativa"], skills.SoftSkills);
    }

    [Fact]
    public void Read_TypesUnknownItems_ByAnItSubLabelOrTheirKnownNeighbours()
    {
        var skills = Read("Languages: Python, C++, CUDA", "Infrastructure: Kubernetes, distributed training");

        Assert.Contains("CUDA", skills.ItSkills, StringComparer.Ordinal);
        Assert.Contains("distributed training", skills.ItSkills, StringComparer.Ordinal);
        Assert.Empty(skills.HardSkills);
    }

    [Fact]
    public void Read_KeepsAPhraseBesideKnownTools_AsAProfessionalSkill()
    {
        var skills = new CvExtractor().Extract(new ExtractedDocument(DocumentType.Txt, [new ExtractedPage(1,
            "Ana Lima\nana@example.com\nSkills\nC++, AWS, UX research")])).Skills;

        Assert.Contains("UX research", skills.HardSkills, StringComparer.Ordinal);
    }

    [Fact]
    public void Read_PutsKnownToolsUnderHardSkills_IntoItSkills()
    {
        var skills = new CvExtractor().Extract(new ExtractedDocument(DocumentType.Txt, [new ExtractedPage(1,
            "Ana Lima\nana@example.com\nHard skills\nJava, SQL, Project management")])).Skills;

        Assert.Equal(["Java", "SQL"], skills.ItSkills);
        Assert.Equal(["Project management"], skills.HardSkills);
    }

    [Fact]
    public void Read_DropsLabelOnlyItems_SpokenLanguages_AndLongLabelsBeforeKnownSkills()
    {
        var skills = Read("Programmation :", "Office:", "Englisch (Muttersprache)", "Ottima conoscenza dei seguenti linguaggi: Python, Java", "DevOps: Docker");
        var all = skills.ItSkills.Concat(skills.HardSkills).Concat(skills.SoftSkills).ToArray();

        Assert.Equal(["Python", "Java", "Docker"], all);
    }

    [Fact]
    public void Read_DropsClippedBadgeStubs_ButKeepsKnownSkills()
    {
        var skills = Read("Rab", "Julia", "Sha", "Micr", "Dyn", "Nex");

        Assert.Equal(["Julia"], skills.ItSkills.Concat(skills.HardSkills), StringComparer.Ordinal);
    }

    [Fact]
    public void Read_KeepsShortUnknownSkills_WhenFewItemsAreShort()
    {
        var skills = Read("Kibana, Zabbix, Figma, Nomad, Xray, Tekton");

        Assert.Contains("Xray", skills.ItSkills.Concat(skills.HardSkills), StringComparer.Ordinal);
    }

    [Fact]
    public void Hobbies_AreNone_WhenTheSectionIsAWrappedParagraph()
    {
        Assert.True(HobbiesReader.IsProse([
            "Sono una persona appassionata e curiosa,", "costantemente impegnata in progetti", "personali che abbracciano diverse aree, tra",
            "cui sviluppo, networking, domotica. Questo", "impegno mi consente di rimanere", "aggiornato sulle mie passioni. Nel tempo libero",
            "scrivo articoli e gioco a calcio."]));
        Assert.False(HobbiesReader.IsProse(["Climbing, chess, photography, travel", "Jazz piano", "Cooking for friends", "Cycling", "Volunteering at the food bank"]));
    }
}
