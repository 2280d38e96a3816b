using ParseJobs.Extraction.Cv;
using ParseJobs.Extraction.Parsing;

namespace ParseJobs.Extraction.Tests.Cv;

public sealed class CvExtractorSkillsTests
{
    private readonly CvExtractor extractor = new();

    [Fact]
    public void Skills_CategorisedByTaxonomy_WhenListedUnderUncategorisedHeading()
    {
        var profile = Extract("""
            Anna Muster

            KENNTNISSE
            Python, Teamfähigkeit, Finanzbuchhaltung, Bankwesen, Kubernetes, Esprit d'équipe
            Unterwasser-Korbflechten
            """);

        Assert.Equal(["Python", "Kubernetes"], profile.Skills.ItSkills);
        Assert.Equal(["Finanzbuchhaltung", "Unterwasser-Korbflechten"], profile.Skills.HardSkills);
        Assert.Equal(["Teamfähigkeit"], profile.Skills.SoftSkills);
        Assert.Equal(["Bankwesen"], profile.Skills.FieldsOfExpertise);
    }

    [Fact]
    public void Skills_ListedOnce_WhenAliasAndCanonicalBothPrinted()
    {
        var profile = Extract("""
            Jane Doe

            SKILLS
            IT skills: JavaScript, Python, JS, MS Excel, Excel
            """);

        Assert.Equal(["JavaScript", "Python", "MS Excel"], profile.Skills.ItSkills);
    }

    [Fact]
    public void Skills_KeepPrintedCategory_WhenItAndProfessionalOverlap()
    {
        var profile = Extract("""
            Jane Doe

            SKILLS
            Professional skills: SAP FI/CO, Budgeting
            Soft skills: Leadership
            """);

        Assert.Equal(["SAP FI/CO", "Budgeting"], profile.Skills.HardSkills);
        Assert.Equal(["Leadership"], profile.Skills.SoftSkills);
    }

    [Fact]
    public void Skills_TakeTaxonomyCategory_WhenSoftSkillUnderIndustriesLabel()
    {
        var profile = Extract("""
            Jane Doe

            SKILLS
            Industries
            Energy, Creativity
            """);

        Assert.Equal(["Energy"], profile.Skills.FieldsOfExpertise);
        Assert.Equal(["Creativity"], profile.Skills.SoftSkills);
    }

    [Fact]
    public void Skills_UseLabel_WhenLabelSplitOverTwoLinesOrGluedToItem()
    {
        var profile = Extract("""
            Mario Rossi

            COMPETENZE
            Competenze tecnicheGestione dei progetti, Contabilità
            Competenze
            personali
            Puntualità, Ostinazione
            """);

        Assert.Equal(["Gestione dei progetti", "Contabilità"], profile.Skills.HardSkills);
        Assert.Equal(["Puntualità", "Ostinazione"], profile.Skills.SoftSkills);
    }

    [Fact]
    public void Skills_RejoinItem_WhenWrappedOntoNextLine()
    {
        var profile = Extract("""
            Jane Doe

            SKILLS
            Professional skills
            Lean management
            Requirements
            engineering
            Supply chain
            management
            Six Sigma
            """);

        Assert.Equal(["Lean management", "Requirements engineering", "Supply chain management", "Six Sigma"], profile.Skills.HardSkills);
    }

    private CvProfile Extract(string text) =>
        extractor.Extract(new ExtractedDocument(DocumentType.Txt, [new ExtractedPage(1, text.Replace("\r\n", "\n", StringComparison.Ordinal))]));
}
