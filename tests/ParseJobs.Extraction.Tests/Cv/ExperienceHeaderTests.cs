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
}
