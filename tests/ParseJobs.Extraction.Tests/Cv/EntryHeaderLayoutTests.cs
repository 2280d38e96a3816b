using ParseJobs.Extraction.Cv;
using ParseJobs.Extraction.Parsing;

namespace ParseJobs.Extraction.Tests.Cv;

/// <summary>Entry headers as a PDF text layer leaves them (issue 9, round 2): justified lines whose stretched spaces read as
/// tabs, headers wrapped inside a word, "Title, Company, City." with a title the word lists do not know and a closing stop.</summary>
public sealed class EntryHeaderLayoutTests
{
    private readonly CvExtractor extractor = new();

    private CvProfile Extract(params string[] lines) =>
        extractor.Extract(new ExtractedDocument(DocumentType.Pdf, [new ExtractedPage(1, string.Join('\n', lines))]));

    [Theory]
    [InlineData("Einkäufer, Gerber Druck GmbH, Rapperswil-Jona.\t10.2021 – 04.2024", "Einkäufer", "Gerber Druck GmbH", "Rapperswil-Jona")]
    [InlineData("Projektkoordinatorin, Brun Messtechnik AG, Mendrisio.\t08.2018 – 03.2021", "Projektkoordinatorin", "Brun Messtechnik AG", "Mendrisio")]
    public void Extract_ReadsTitleCompanyCity_WhenTheTitleIsUnknownAndTheHeaderEndsInAStop(string header, string position, string company, string city)
    {
        var profile = Extract("Ada Lind", "ada.lind@example.org", "Praxis", header, "Präsentation der Quartalszahlen vor der Geschäftsleitung.");

        var job = Assert.Single(profile.Experience);
        Assert.Equal(position, job.Position);
        Assert.Equal(company, job.Company);
        Assert.Equal(city, job.City);
    }

    [Fact]
    public void Extract_KeepsATitleWithACompanyMarker_ForTheTitle()
    {
        // "&" marks company names too ("Gross & Co"), but a title word beside it makes it the title.
        var profile = Extract("Ada Lind", "ada.lind@example.org", "Experience", "Nexus AI, Co-Founder & CTO\t06.2023 – Present",
            "Built the first product with a team of four engineers.");

        var job = Assert.Single(profile.Experience);
        Assert.Equal("Co-Founder & CTO", job.Position);
        Assert.Equal("Nexus AI", job.Company);
    }

    [Fact]
    public void Extract_JoinsAJustifiedHeaderWhoseSpacesReadAsTabs()
    {
        var profile = Extract("Ada Lind", "ada.lind@example.org", "Praxis",
            "Personalassistentin,\tLustenberger\tMesstechnik\tSA,\t07.2021 – 05.2025", "Frauenfeld.",
            "Monatliche Lohnabrechnung für rund 600 Mitarbeitende.");

        var job = Assert.Single(profile.Experience);
        Assert.Equal("Personalassistentin", job.Position);
        Assert.Equal("Lustenberger Messtechnik SA", job.Company);
        Assert.Equal("Frauenfeld", job.City);
        Assert.Equal("07.2021", job.StartDate);
        Assert.Equal("05.2025", job.EndDate);
    }

    [Fact]
    public void Extract_JoinsAHeaderWrappedInsideAWord()
    {
        var profile = Extract("Ada Lind", "ada.lind@example.org", "Ausbildung",
            "Bachelor of Engineering, Hochschule für Technik Rap-\t06.2013 – 06.2016", "perswil, Wirtschaftsrecht.");

        var school = Assert.Single(profile.Education);
        Assert.Equal("Hochschule für Technik Rapperswil", school.Institution);
        Assert.Equal("06.2013", school.StartDate);
    }

    [Fact]
    public void Extract_TakesThePlaceAfterADash_ForTheCity()
    {
        var profile = Extract("Ada Lind", "ada.lind@example.org", "Experience",
            "June 2023 – present\tCo-Founder & CTO, Nexus AI – San Francisco, CA", "Built the first product with a team of four engineers.");

        var job = Assert.Single(profile.Experience);
        Assert.Equal("Co-Founder & CTO", job.Position);
        Assert.Equal("Nexus AI", job.Company);
        Assert.Equal("San Francisco", job.City);
    }

    [Fact]
    public void Extract_KeepsTheCommasOfTheName_WhenACityAndACountryFollowIt()
    {
        var profile = Extract("Ada Lind", "ada.lind@example.org", "Employment History",
            "Full Stack Java Developer, ABC Company, Inc., Anywhere, USA, June 2018 - Present", "Built the billing service for the whole group.");

        var job = Assert.Single(profile.Experience);
        Assert.Equal("Full Stack Java Developer", job.Position);
        Assert.Equal("ABC Company, Inc.", job.Company);
        Assert.Equal("Anywhere", job.City);
        Assert.Equal("US", job.Country);
    }

    [Fact]
    public void Extract_ReadsAnUndecidedHeader_InTheOrderTheOtherEntriesUse()
    {
        // "Systems Engineer" leans to a company as much as to a title; the entries around it print the company first.
        var profile = Extract("Ada Lind", "ada.lind@example.org", "Employment History",
            "Red Hat", "DevOps Engineer\t01/2022 - Present", "Ran the build farm for forty product teams.",
            "New Relic Inc", "Site Reliability Engineer\t05/2019 - 12/2021", "Kept the ingest pipeline within its error budget.",
            "IBM", "Systems Engineer\t03/2017 - 04/2019", "Moved the mainframe batch jobs to containers.");

        Assert.Equal(3, profile.Experience.Count);
        Assert.Equal("IBM", profile.Experience[2].Company);
        Assert.Equal("Systems Engineer", profile.Experience[2].Position);
    }

    [Theory]
    [InlineData("A,\tB\tC\t01.2020 – 02.2021", "A, B C\t01.2020 – 02.2021")]
    [InlineData("Engineer\tAcme AG", "Engineer\tAcme AG")]
    [InlineData("Senior Engineer\tAcme AG\tZürich", "Senior Engineer\tAcme AG\tZürich")]
    public void Unjustify_JoinsOnlyOneWordCells(string line, string expected) =>
        Assert.Equal(expected, EntryLines.Unjustify(line));

    [Fact]
    public void Parse_KeepsEachRangeWithItsEntry_WhenTheDatesMoveFromUnderTheSubtitleToUnderTheTitle()
    {
        var entries = EntryParser.Parse(["Sampleton University", "MSc: Sample Studies", "2019-09-01 TO 2021-06-01",
            "Sample State College", "2016-09-01 TO 2019-06-01", "BA: Applied Examples"]);

        Assert.Equal(2, entries.Count);
        Assert.Equal(("09.2019", "Sampleton University"), (entries[0].Dates?.Start, entries[0].Headers[0]));
        Assert.Equal(("09.2016", "Sample State College"), (entries[1].Dates?.Start, entries[1].Headers[0]));
    }
}
