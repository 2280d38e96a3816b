using ParseJobs.Extraction.Cv;
using ParseJobs.Extraction.Parsing;

namespace ParseJobs.Extraction.Tests.Cv;

/// <summary>Text layers that read a grid or a two-column list row by row (issue 9, theme-paper and theme-actual
/// shapes): a heading after its first rows, bullets whose second lines come after both bullets, and a contact block
/// read into the end of the experience section.</summary>
public sealed class CvRowOrderTests
{
    private readonly CvExtractor extractor = new();

    private CvProfile Extract(params string[] lines) =>
        extractor.Extract(new ExtractedDocument(DocumentType.Pdf, [new ExtractedPage(1, string.Join('\n', lines))]));

    [Fact]
    public void Extract_TakesLanguageRows_ReadBeforeTheirHeading()
    {
        var profile = Extract("Ada Lind", "ada.lind@example.org", "EDUCATION", "University of Nottingham", "Bachelor of Business Administration",
            "2016-03-01 TO 2019-03-01", "English\tC2", "French\tA1", "LANGUAGES", "PERSONAL");

        Assert.Equal<string>(["English:C2", "French:A1"], [.. profile.Languages.Select(l => $"{l.Language}:{l.StandardProficiency}")]);
        Assert.Equal("University of Nottingham", Assert.Single(profile.Education).Institution);
    }

    [Fact]
    public void Extract_PairsNamesAndLevels_WhenTheFirstNameStandsBeforeTheHeading()
    {
        var profile = Extract("Ada Lind", "ada.lind@example.org", "EDUCATION", "University of Nottingham", "2016-03-01 TO 2019-03-01",
            "English", "LANGUAGES", "German", "Native", "Good");

        Assert.Equal<string>(["English:Native", "German:Good"], [.. profile.Languages.Select(l => $"{l.Language}:{l.Proficiency}")]);
    }

    [Fact]
    public void Extract_KeepsASkillRow_ThatNamesNoLanguage()
    {
        var profile = Extract("Ada Lind", "ada.lind@example.org", "Skills", "Python", "Languages", "English\tC2");

        Assert.Equal("English", Assert.Single(profile.Languages).Language);
        Assert.Contains(profile.Skills.ItSkills, s => string.Equals(s, "Python", StringComparison.Ordinal));
    }

    [Fact]
    public void Extract_JoinsSecondLines_OfBulletsPrintedInTwoColumns()
    {
        var profile = Extract("Ada Lind", "ada.lind@example.org", "Experience",
            "Procurement Manager\tMar 2023 - Jun 2025", "Bradtke + Trantow Ltd · Oxford, United Kingdom",
            "· Coordinated a cross-site working group of 4", "· Trained 13 new hires in capacity planning.", "colleagues.",
            "Payroll Specialist\tAug 2020 - Jan 2023", "Wuckert Outsourcing LLP · Oxford, United Kingdom", "· Trained 3 new hires.");

        Assert.Equal(2, profile.Experience.Count);
        Assert.Equal("Coordinated a cross-site working group of 4 colleagues.\nTrained 13 new hires in capacity planning.",
            profile.Experience[0].Description);
        Assert.Equal("Wuckert Outsourcing LLP", profile.Experience[1].Company);
    }

    [Theory]
    [InlineData("Leeds, England, GB")]
    [InlineData("Portland")]
    public void Extract_TakesNoJob_FromAPlaceLineOfAContactBlockAfterTheEntries(string place)
    {
        var profile = Extract("Ada Lind", "Experience", "Procurement Manager\tMar 2023 - Jun 2025", "Bradtke + Trantow Ltd",
            "· Presented quarterly results to the executive board.", "+44 7700 900310", "ada.lind@example.org", place, "Skills", "Python");

        var job = Assert.Single(profile.Experience);
        Assert.Equal("Bradtke + Trantow Ltd", job.Company);
    }
}
