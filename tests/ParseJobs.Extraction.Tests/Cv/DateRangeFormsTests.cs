using ParseJobs.Extraction.Cv;
using ParseJobs.Extraction.Parsing;

namespace ParseJobs.Extraction.Tests.Cv;

/// <summary>Date ranges in the forms CVs print them in EN/DE/FR/IT (issue 9), each as a small synthetic line.</summary>
public sealed class DateRangeFormsTests
{
    [Theory]
    // month names and abbreviations, with and without dots or commas
    [InlineData("Feb, 2023 - Present", "02.2023", "")]
    [InlineData("Sept 2023 – Dec 2024", "09.2023", "12.2024")]
    [InlineData("Sept. 2019 – Jan. 2021", "09.2019", "01.2021")]
    [InlineData("Dec 2023 - Current", "12.2023", "")]
    [InlineData("Januar 2018 – März 2020", "01.2018", "03.2020")]
    [InlineData("Okt. 2015 - Feb. 2017", "10.2015", "02.2017")]
    [InlineData("févr. 2016 – juil. 2019", "02.2016", "07.2019")]
    [InlineData("janvier 2020 à décembre 2021", "01.2020", "12.2021")]
    [InlineData("gennaio 2017 – ottobre 2019", "01.2017", "10.2019")]
    [InlineData("giu 2018 - dic 2020", "06.2018", "12.2020")]
    // numeric and ISO
    [InlineData("03/2019 - 11/2021", "03.2019", "11.2021")]
    [InlineData("01.03.2019 – 31.10.2021", "03.2019", "10.2021")]
    [InlineData("2021-01-01 — 2023-06-01", "01.2021", "06.2023")]
    [InlineData("2018-04 – 2020-09", "04.2018", "09.2020")]
    [InlineData("2015 - 2019", "2015", "2019")]
    [InlineData("09-2023 – 03/2024", "09.2023", "03.2024")]
    [InlineData("6 mois : 05-2023 – 08-2023", "05.2023", "08.2023")]
    // seasons stand for their year
    [InlineData("Summer 2021 – Fall 2022", "2021", "2022")]
    [InlineData("Sommer 2019 - Herbst 2020", "2019", "2020")]
    // open ends in four languages
    [InlineData("2020 – today", "2020", "")]
    [InlineData("05.2021 – heute", "05.2021", "")]
    [InlineData("mars 2022 – aujourd’hui", "03.2022", "")]
    [InlineData("2019 – actuel", "2019", "")]
    [InlineData("aprile 2021 – oggi", "04.2021", "")]
    [InlineData("2018 – attuale", "2018", "")]
    [InlineData("Weber Mobilität Sagl 2024-07-01 —", "07.2024", "")]
    [InlineData("März 2021 –", "03.2021", "")]
    // open starts
    [InlineData("since 2022", "2022", "")]
    [InlineData("seit März 2021", "03.2021", "")]
    [InlineData("depuis 2020", "2020", "")]
    [InlineData("dal 2019", "2019", "")]
    // other dash characters
    [InlineData("2019 ‑ 2021", "2019", "2021")]
    [InlineData("2019 ‒ 2021", "2019", "2021")]
    [InlineData("2019 − 2021", "2019", "2021")]
    public void Find_ReadsTheRange_InEveryCommonForm(string line, string start, string end)
    {
        var range = DateRangeParser.Find(line);

        Assert.NotNull(range);
        Assert.Equal((start, end), (range.Start, range.End));
    }

    [Fact]
    public void Find_ReadsTheRange_WhenASoftHyphenIsTheDash()
    {
        var range = DateRangeParser.Find(CvText.Clean("01/2019 \u00AD 03/2021"));

        Assert.NotNull(range);
        Assert.Equal(("01.2019", "03.2021"), (range.Start, range.End));
    }

    [Fact]
    public void Clean_DropsASoftHyphen_InsideAWord() => Assert.Equal("Entwicklung", CvText.Clean("Ent\u00ADwick\u00ADlung"));

    [Theory]
    [InlineData("Abdec 2020")]
    [InlineData("ISO 9001 certified since the start")]
    public void Find_ReturnsNull_WhenNoRangeIsPrinted(string line) => Assert.Null(DateRangeParser.Find(line));

    [Fact]
    public void Parse_DropsTheDuration_WhenItFollowsTheRange()
    {
        var entry = Assert.Single(EntryParser.Parse(["Data Analyst, Contoso Ltd\tJan 2020 – Dec 2022 · 2 years 11 months"]));

        Assert.Equal(("01.2020", "12.2022"), (entry.Dates?.Start, entry.Dates?.End));
        Assert.DoesNotContain(entry.Headers, h => h.Contains("years", StringComparison.Ordinal));
    }

    [Fact]
    public void Extract_ReadsDatesAndTitle_WhenTheRangeIsInIsoForm()
    {
        var document = new ExtractedDocument(DocumentType.Txt, [new ExtractedPage(1, string.Join('\n',
            "Lena Vogt", "lena.vogt@example.de", "Experience", "Backend Engineer, Fabrikam GmbH", "2021-01-01 — 2023-06-01",
            "Built the billing services in Go and ran them on Kubernetes."))]);

        var job = Assert.Single(new CvExtractor().Extract(document).Experience);

        Assert.Equal(("01.2021", "06.2023"), (job.StartDate, job.EndDate));
        Assert.Equal(("Fabrikam GmbH", "Backend Engineer"), (job.Company, job.Position));
    }
}

/// <summary>Entry headers in the shapes real templates print them (issue 9), each as a small synthetic section.</summary>
public sealed class EntryHeaderShapesTests
{
    private static List<ExperienceEntry> Jobs(params string[] lines) =>
        new CvExtractor().Extract(new ExtractedDocument(DocumentType.Pdf, [new ExtractedPage(1, string.Join('\n', ["Ana Lima", "ana@example.com", "Experience", .. lines]))])).Experience;

    [Fact]
    public void Extract_SplitsTitleAndCompany_WhenTitleAtCompany()
    {
        var job = Assert.Single(Jobs("Data Analyst @BetaSoft Technologies", "2023 – Present\tSan Francisco, CA", "• Built dashboards in Tableau for the sales team."));

        Assert.Equal(("BetaSoft Technologies", "Data Analyst", "2023", ""), (job.Company, job.Position, job.StartDate, job.EndDate));
        Assert.Equal("San Francisco", job.City);
    }

    [Fact]
    public void Extract_GivesPlaceAndDatesToTheirEntry_WhenPrintedUnderTheBullets()
    {
        var jobs = Jobs(
            "Nexus AI, Co-Founder & CTO", "• Built the model serving platform for two million monthly requests.", "San Francisco, CA", "June 2023 – present", "2 years 10 months",
            "NVIDIA Research, Research Intern", "• Designed a sparse attention mechanism for transformers.", "Santa Clara, CA", "May 2022 – Aug 2022");

        Assert.Equal([("Nexus AI", "06.2023", ""), ("NVIDIA Research", "05.2022", "08.2022")], jobs.Select(j => (j.Company, j.StartDate, j.EndDate)).ToArray());
        Assert.Equal(["San Francisco", "Santa Clara"], jobs.Select(j => j.City).ToArray());
    }

    [Fact]
    public void Extract_KeepsAWrappedBulletInItsEntry_WhenTheWrapStartsWithACapital()
    {
        var job = Assert.Single(Jobs(
            "Nexus AI, Co-Founder & CTO", "June 2023 – present",
            "• Raised an eighteen million Series A round led by Sequoia Capital with participation from the",
            "Founders Fund and two further investors.", "• Scaled the team."));

        Assert.Contains("Founders Fund", job.Description, StringComparison.Ordinal);
    }

    [Fact]
    public void Extract_SplitsDegreeAndSchool_WhenDegreeAtSchool()
    {
        var school = Assert.Single(new CvExtractor().Extract(new ExtractedDocument(DocumentType.Pdf, [new ExtractedPage(1, string.Join('\n',
            "Ana Lima", "ana@example.com", "Education", "Master of Science in Informatik @Universität von Kalifornien", "09/2020 – 09/2022"))])).Education);

        Assert.Equal(("Universität von Kalifornien", "Master of Science in Informatik"), (school.Institution, school.Degree));
        Assert.Equal(("09.2020", "09.2022"), (school.StartDate, school.EndDate));
    }
}
