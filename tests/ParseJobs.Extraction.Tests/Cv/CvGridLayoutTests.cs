using ParseJobs.Extraction.Cv;
using ParseJobs.Extraction.Parsing;

namespace ParseJobs.Extraction.Tests.Cv;

/// <summary>Layout classes that misfired after the reader split: labelled address forms, grid layouts that print the
/// headings before their values, title cells beside a description, and French education headings.</summary>
public sealed class CvGridLayoutTests
{
    private readonly CvExtractor extractor = new();

    private CvProfile Extract(params string[] lines) =>
        extractor.Extract(new ExtractedDocument(DocumentType.Pdf, [new ExtractedPage(1, string.Join('\n', lines))]));

    [Fact]
    public void Extract_FindsTheCityUnderItsOwnLabel_WhenTheAddressLabelHoldsOnlyTheStreet()
    {
        var profile = Extract(
            "Lena Brandt", "lena.brandt@example.org", "Address\t12 Quarry Lane", "Postal Code & City\t4051 Basel", "Region\tBS");

        Assert.Equal("Basel", profile.PersonalInfo.City);
        Assert.Equal("4051", profile.PersonalInfo.PostalCode);
        Assert.Equal("12 Quarry Lane", profile.PersonalInfo.StreetAndNumber);
    }

    [Fact]
    public void Extract_KeepsTheDatedJobs_WhenTheExperienceSectionHoldsOnlyDateRanges()
    {
        var profile = Extract(
            "Omar Lind", "omar.lind@example.org", "EXPERIENCE", "2020-02-01 TO 2024-06-01", "2016-09-01 TO 2019-12-01",
            "EDUCATION", "2012-09-01 TO 2016-06-01");

        Assert.Equal<string>(["02.2020", "09.2016"], [.. profile.Experience.Select(e => e.StartDate)]);
        Assert.Equal<string>(["exp_1", "exp_2"], [.. profile.Experience.Select(e => e.Id)]);
    }

    [Fact]
    public void Extract_DropsALoneDatedLine_WhenTheOtherJobsHaveTitles()
    {
        var profile = Extract(
            "Omar Lind", "omar.lind@example.org", "Experience", "Harbour Tools Ltd", "Quality Engineer\t03/2019 - 05/2023",
            "Ran the supplier audits for the north plant.", "06/2017 - 08/2017",
            "Fenwick Labs Inc", "Lab Technician\t01/2015 - 02/2019", "Kept the test benches calibrated.");

        Assert.Equal<string>(["Quality Engineer", "Lab Technician"], [.. profile.Experience.Select(e => e.Position)]);
    }

    [Fact]
    public void Extract_SplitsTheTitleCell_WhenTheDescriptionStartsBesideItAndWrapsAroundTheDates()
    {
        var profile = Extract(
            "Ida Moreau", "ida.moreau@example.org", "Work",
            "Harbour Tools Ltd", "Quality Engineer\t2019-03-01 - 2023-05-01", "Ran the supplier audits for the north plant.",
            "Fenwick Labs Inc", "Lab Technician\tKept the test benches calibrated for", "2015-01-01 - 2019-02-01",
            "three product lines.", "Trained two apprentices in the clean room.");

        Assert.Equal(2, profile.Experience.Count);
        var second = profile.Experience[1];
        Assert.Equal("Lab Technician", second.Position);
        Assert.Equal("Fenwick Labs Inc", second.Company);
        Assert.Equal("01.2015", second.StartDate);
        Assert.StartsWith("Kept the test benches calibrated for three product lines.", second.Description, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Diplômes")]
    [InlineData("Diplomi")]
    [InlineData("Abschlüsse")]
    public void Extract_ReadsTheSchoolsAsEducation_WhenTheHeadingNamesTheDiplomas(string heading)
    {
        var profile = Extract(
            "Noé Favre", "noe.favre@example.ch", "Expériences", "Atelier Rivaz Sàrl", "Chef de projet\tjanv. 2019 – mars 2023",
            "Pilotage des chantiers de la région.", heading, "Haute école de Genève", "Bachelor en architecture\tsept. 2014 – juin 2018");

        Assert.Single(profile.Experience);
        Assert.Single(profile.Education);
    }

    [Fact]
    public void Extract_PairsLanguagesWithTheirLevelsInTurn_WhenTheNamesComeBeforeTheLevels()
    {
        var profile = Extract(
            "Omar Lind", "omar.lind@example.org", "Languages", "Swedish", "English", "Dutch", "Native", "Fluent", "Basic (A2)");

        Assert.Equal<string>(["Swedish", "English", "Dutch"], [.. profile.Languages.Select(l => l.Language)]);
        Assert.Equal<string>(["C2", "C1", "A2"], [.. profile.Languages.Select(l => l.StandardProficiency)]);
    }
    [Fact]
    public void Extract_ReadsACompanyEndingInItsLegalFormsStop_AsTheNextEntrysHeader()
    {
        var profile = Extract(
            "Ada Quill", "ada.quill@example.org", "Work Experience",
            "Brightwater Foods Ltd", "March 2020 – Present", "Leeds, UK", "Buyer", "Negotiated the yearly supplier contracts.",
            "Holloway Print Shop Co.", "May 2016 – February 2020", "York, UK", "Print Planner", "Planned the night shifts for two presses.");

        Assert.Equal(2, profile.Experience.Count);
        Assert.Equal("Holloway Print Shop Co.", profile.Experience[1].Company);
        Assert.Equal("Print Planner", profile.Experience[1].Position);
        Assert.Equal("05.2016", profile.Experience[1].StartDate);
        Assert.DoesNotContain("Holloway", profile.Experience[0].Description, StringComparison.Ordinal);
    }
    [Fact]
    public void Extract_KeepsTheBulletsWithTheirEntry_WhenASubHeadingStandsOverThem()
    {
        var profile = Extract(
            "Ada Quill", "ada.quill@example.org", "Work Experience",
            "Brightwater Foods Ltd", "March 2020 – Present", "Leeds, UK", "Buyer", "Part of the dairy team.", "Highlights",
            "Negotiated the yearly supplier contracts.", "Cut the packaging costs by a tenth.",
            "Holloway Print Shop", "May 2016 – February 2020", "York, UK", "Print Planner", "Planned the night shifts for two presses.");

        Assert.Equal<string>(["Buyer", "Print Planner"], [.. profile.Experience.Select(e => e.Position)]);
        Assert.Contains("Cut the packaging costs by a tenth.", profile.Experience[0].Description, StringComparison.Ordinal);
    }
}
