using ParseJobs.Extraction.Cv;
using ParseJobs.Extraction.Parsing;

namespace ParseJobs.Extraction.Tests.Cv;

/// <summary>Care and trade CVs (issue 9, gaps the matching work found): German occupational titles beside their employer,
/// a vocational degree that names its field by a label, and bullets under a combined further-education heading.</summary>
public sealed class VocationalCvTests
{
    private readonly CvExtractor extractor = new();

    private CvProfile Extract(DocumentType type, params string[] lines) =>
        extractor.Extract(new ExtractedDocument(type, [new ExtractedPage(1, string.Join('\n', lines))]));

    [Theory]
    [InlineData("Pflegefachkraft — Klinikum Nordstadt | 03/2020 – heute", "Pflegefachkraft", "Klinikum Nordstadt")]
    [InlineData("Gesundheits- und Krankenpfleger — Klinikum Nordstadt | 03/2020 – heute", "Gesundheits- und Krankenpfleger", "Klinikum Nordstadt")]
    [InlineData("Elektroniker – Nordport Logistik GmbH | 03/2020 – heute", "Elektroniker", "Nordport Logistik GmbH")]
    [InlineData("Staatlich geprüfter Elektrotechniker — Rhein Capital Bank | 03/2020 – heute", "Staatlich geprüfter Elektrotechniker", "Rhein Capital Bank")]
    [InlineData("Disponent — CargoLink GmbH, Bremen | 03/2020 – heute", "Disponent", "CargoLink GmbH")]
    public void Extract_SplitsAGermanTitleFromItsEmployer_AtTheDash(string header, string position, string company)
    {
        var profile = Extract(DocumentType.Txt, "Anna Schmidt", "anna.schmidt@example.org", "Berufserfahrung", header,
            "- Regelmäßige Abstimmung mit der Teamleitung.");

        var job = Assert.Single(profile.Experience);
        Assert.Equal((position, company), (job.Position, job.Company));
        Assert.Equal("03.2020", job.StartDate);
    }

    [Theory]
    [InlineData("Mercy Regional Clinic, a regional clinic", "Mercy Regional Clinic")]
    [InlineData("Klinikum Nordstadt, ein städtisches Krankenhaus", "Klinikum Nordstadt")]
    public void Extract_DropsWhatTheCompanyIs_AfterItsName(string employer, string company)
    {
        var profile = Extract(DocumentType.Txt, "Anna Schmidt", "anna.schmidt@example.org", "Experience",
            $"Registered Nurse — {employer} | 03/2020 – present", "- Ran the night shift of the ward.");

        Assert.Equal(company, Assert.Single(profile.Experience).Company);
    }

    [Fact]
    public void Extract_KeepsAPlaceAfterTheDash_OutOfTheTitle()
    {
        var profile = Extract(DocumentType.Txt, "Anna Schmidt", "anna.schmidt@example.org", "Experience", "Nexus AI – San Francisco, CA",
            "03/2020 – present", "- Ran the night shift of the ward.");

        var job = Assert.Single(profile.Experience);
        Assert.Equal(("Nexus AI", "San Francisco", ""), (job.Company, job.City, job.Position));
    }

    [Theory]
    [InlineData("Staatlich geprüfter Techniker, Fachrichtung Elektrotechnik", "Staatlich geprüfter Techniker", "Elektrotechnik")]
    [InlineData("Bachelor of Science, Schwerpunkt Controlling", "Bachelor of Science", "Controlling")]
    [InlineData("BA (Major: Economics)", "BA", "Economics")]
    [InlineData("Diplôme de technicien, spécialité Électronique", "Diplôme de technicien", "Électronique")]
    public void Split_ReadsAFieldNamedByItsLabel(string printed, string degree, string field) =>
        Assert.Equal((degree, field), DegreeSplitter.Split(printed));

    [Fact]
    public void Split_TakesALabelWord_OnlyAtTheStartOrAfterASeparator() =>
        Assert.Equal(("Master of Science", "Major Depressive Disorder"), DegreeSplitter.Split("Master of Science in Major Depressive Disorder"));

    [Fact]
    public void Read_KeepsTheDegreeAndItsLabelledField_BesideTheSchool()
    {
        var profile = Extract(DocumentType.Txt, "Anna Schmidt", "anna.schmidt@example.org", "Ausbildung",
            "Staatlich geprüfter Techniker, Fachrichtung Elektrotechnik, Berufsschule Hamburg, 2015");

        var entry = Assert.Single(profile.Education);
        Assert.Equal(("Berufsschule Hamburg", "Staatlich geprüfter Techniker", "Elektrotechnik", "2015"),
            (entry.Institution, entry.Degree, entry.FieldOfStudy, entry.EndDate));
    }

    [Theory]
    [InlineData(DocumentType.Pdf, "- ")]
    [InlineData(DocumentType.Docx, "• ")]
    public void Extract_KeepsCourseBullets_UnderACombinedFurtherEducationHeading(DocumentType type, string bullet)
    {
        var profile = Extract(type, "Anna Schmidt", "anna.schmidt@example.org", "Ausbildung",
            "Staatlich geprüfter Techniker, Fachrichtung Elektrotechnik, Berufsschule Hamburg, 2015",
            "Weiterbildung und Projekte", bullet + "Zertifikatslehrgang (300 Stunden, 2024): Intensivpflege, Pflegedokumentation",
            "Kenntnisse", "Wundmanagement");

        Assert.Equal(2, profile.Education.Count);
        var course = profile.Education[1];
        Assert.Equal("Zertifikatslehrgang (300 Stunden, 2024): Intensivpflege, Pflegedokumentation", course.Degree);
        Assert.True(course.IsFurtherEducation);
    }

    [Fact]
    public void Extract_JoinsAWrappedCourseBullet_AndLeavesVendorTitlesOut()
    {
        var profile = Extract(DocumentType.Pdf, "Anna Schmidt", "anna.schmidt@example.org", "Certifications",
            "• Oracle Certified Professional, Java SE 8 Programmer",
            "• Certificate in Wound Care, Mercy Regional",
            "College, 2023");

        var course = Assert.Single(profile.Education);
        Assert.Equal(("Mercy Regional College", "Certificate in Wound Care", "2023"), (course.Institution, course.Degree, course.EndDate));
    }
}
