using ParseJobs.Extraction.Cv;
using ParseJobs.Extraction.Parsing;

namespace ParseJobs.Extraction.Tests.Cv;

/// <summary>Entry header shapes of issue 9: "Title at Company" or "Title, Company" beside a place or a duration, the
/// place and the duration never taken for the company or the title.</summary>
public sealed class ExperienceHeaderTests
{
    private readonly CvExtractor extractor = new();

    private CvProfile Extract(params string[] lines) =>
        extractor.Extract(new ExtractedDocument(DocumentType.Pdf, [new ExtractedPage(1, string.Join('\n', lines))]));

    [Theory]
    [InlineData("Procurement Manager, South Coy Foods Co.\tDenver", "Denver")]
    [InlineData("Procurement Manager at South Coy Foods Co. · Denver", "Denver")]
    [InlineData("Procurement Manager, South Coy Foods Co. | Zürich, CH", "Zürich")]
    public void Extract_SplitsTitleAndCompany_WhenAPlaceStandsBesideThem(string header, string city)
    {
        var profile = Extract("Ada Lind", "ada.lind@example.org", "Work Experience", header, "01/2021 – 04/2025",
            "Ran the sourcing of packaging for three plants.");

        var job = Assert.Single(profile.Experience);
        Assert.Equal("Procurement Manager", job.Position);
        Assert.Equal("South Coy Foods Co.", job.Company);
        Assert.Equal(city, job.City);
        Assert.Equal("01.2021", job.StartDate);
    }

    [Theory]
    [InlineData("3 Jahre 8 Mt.")]
    [InlineData("1 Jahr 7 Mt.")]
    [InlineData("2 yrs 3 mos")]
    [InlineData("4 years 1 month")]
    public void Extract_DropsTheDuration_BesideATitleAtCompanyHeader(string duration)
    {
        var profile = Extract("Ada Lind", "ada.lind@example.org", "Berufliche Stationen",
            $"Projektkoordinatorin bei Gross + Hoffmann GmbH\t{duration}", "11.2021 – 07.2025", "Leitung der Lieferantenaudits im Werk Nord.");

        var job = Assert.Single(profile.Experience);
        Assert.Equal("Projektkoordinatorin", job.Position);
        Assert.Equal("Gross + Hoffmann GmbH", job.Company);
    }

    [Fact]
    public void Extract_TakesTheDateCellBesideTheFirstBullet_ForTheEntryAndDropsTheDurationCell()
    {
        var profile = Extract("Ada Lind", "ada.lind@example.org", "Experience",
            "Nexus Labs, Co-Founder & CTO\tSan Francisco, CA",
            "• Built the model serving platform for two million monthly requests with 99.9%\tJune 2023 – present",
            "uptime\t2 years 10 months",
            "• Raised the seed round and hired the first twelve engineers.",
            "Harbour Research, Research Intern\tLondon, UK",
            "• Designed a sparse attention kernel for the vision models\tMay 2022 – Aug 2022");

        Assert.Equal<string>(["Nexus Labs", "Harbour Research"], [.. profile.Experience.Select(e => e.Company)]);
        Assert.Equal<string>(["06.2023", "05.2022"], [.. profile.Experience.Select(e => e.StartDate)]);
        Assert.Equal("Built the model serving platform for two million monthly requests with 99.9% uptime\nRaised the seed round and hired the first twelve engineers.",
            profile.Experience[0].Description);
    }

    [Fact]
    public void Extract_JoinsADateColumnWrappedOverThreeOrFourLines_BesideTheEntry()
    {
        var profile = Extract("Ada Lind", "ada.lind@example.org", "Beruflicher Werdegang",
            "November\tMobile-Entwicklerin, Alt Ismael Automation KG, Hannover",
            "2021 – Mai\tSchulung von elf neuen Mitarbeitenden im Datenschutz.",
            "2025\tEinführung eines Monitorings für drei produktive Systeme.",
            "Dezember\tLohnbuchhalterin, Tanner Holzbau GmbH, Rapperswil-Jona",
            "2017 –\tMonatliche Lohnabrechnung für rund vierhundert Mitarbeitende.",
            "Dezember",
            "2019");

        Assert.Equal<string>(["11.2021", "12.2017"], [.. profile.Experience.Select(e => e.StartDate)]);
        Assert.Equal<string>(["05.2025", "12.2019"], [.. profile.Experience.Select(e => e.EndDate)]);
        Assert.Equal<string>(["Alt Ismael Automation KG", "Tanner Holzbau GmbH"], [.. profile.Experience.Select(e => e.Company)]);
    }

    [Theory]
    [InlineData("Architecte logiciel, Lefebvre + Nguyen SA\tYverdon-les-Bains", "Architecte logiciel", "Lefebvre + Nguyen SA", "Yverdon-les-Bains")]
    [InlineData("Capo cantiere, Cammarata Robotica AG · La Chaux-de-Fonds", "Capo cantiere", "Cammarata Robotica AG", "La Chaux-de-Fonds")]
    [InlineData("Conducteur de travaux, Rivière Emballages SA\tDijon", "Conducteur de travaux", "Rivière Emballages SA", "Dijon")]
    public void Extract_ReadsFrenchAndItalianTitles_AndHyphenatedPlaces(string header, string position, string company, string city)
    {
        var profile = Extract("Ada Lind", "ada.lind@example.org", "Expérience professionnelle", header, "03/2021 – 05/2025",
            "Conception des interfaces entre les systèmes de production.");

        var job = Assert.Single(profile.Experience);
        Assert.Equal((position, company, city), (job.Position, job.Company, job.City));
    }

    [Fact]
    public void Extract_MakesNoJob_OfAContactColumnReadIntoTheExperienceSection()
    {
        var profile = Extract("Ada Lind", "Experience", "Lynch + Bartoletti Inc. · Denver, USA", "Test Automation Engineer\t01/2019 – 12/2022",
            "· Moved eight legacy services to the new monitoring without downtime.", "+1 404 555 0142", "ada.lind@example.org", "Skills", "Python");

        var job = Assert.Single(profile.Experience);
        Assert.Equal("Test Automation Engineer", job.Position);
    }

    [Theory]
    [InlineData("Sample Works AG – Project Manager")]
    [InlineData("Project Manager – Sample Works AG")]
    public void Extract_SplitsTitleAndCompany_WhenADashJoinsThem(string header)
    {
        var profile = Extract("Ada Lind", "ada.lind@example.org", "Work Experience", "2021 – 2024\t" + header,
            "Ran the sourcing of packaging for three plants.");

        var job = Assert.Single(profile.Experience);
        Assert.Equal(("Project Manager", "Sample Works AG"), (job.Position, job.Company));
    }

    [Fact]
    public void Extract_KeepsATitleWhole_WhenBothSidesOfItsDashAreTitles()
    {
        var profile = Extract("Ada Lind", "ada.lind@example.org", "Work Experience", "Sample Works AG", "2021 – 2024\tProject Manager – Team Lead",
            "Ran the sourcing of packaging for three plants.");

        Assert.Equal("Project Manager – Team Lead", Assert.Single(profile.Experience).Position);
    }
}
