using ParseJobs.Extraction.Cv;
using ParseJobs.Extraction.Parsing;

namespace ParseJobs.Extraction.Tests.Cv;

/// <summary>Degree, field of study and school in the header shapes of issue 9 point 6, in EN/DE/FR/IT.</summary>
public sealed class EducationFieldTests
{
    private static EducationEntry Single(params string[] entryLines)
    {
        string[] lines = ["Jane Doe", "jane.doe@example.com", "", "Education", .. entryLines];
        var profile = new CvExtractor().Extract(new ExtractedDocument(DocumentType.Txt, [new ExtractedPage(1, string.Join('\n', lines))]));
        return Assert.Single(profile.Education);
    }

    [Theory]
    [InlineData("B.Sc. in Computer Science", "B.Sc.", "Computer Science")]
    [InlineData("Bachelor of Science in Computer Science", "Bachelor of Science", "Computer Science")]
    [InlineData("Master of Engineering – Architecture", "Master of Engineering", "Architecture")]
    [InlineData("MEng, Accounting and Finance", "MEng", "Accounting and Finance")]
    [InlineData("Master of Science Physics", "Master of Science", "Physics")]
    [InlineData("PhD Civil Engineering", "PhD", "Civil Engineering")]
    [InlineData("Bachelor of Science HES-SO, Relations internationales", "Bachelor of Science HES-SO", "Relations internationales")]
    [InlineData("Laurea magistrale in Ingegneria informatica", "Laurea magistrale", "Ingegneria informatica")]
    [InlineData("Master universitario di secondo livello, Relazioni internazionali", "Master universitario di secondo livello", "Relazioni internazionali")]
    [InlineData("Licence en droit", "Licence", "droit")]
    [InlineData("Mastère spécialisé, Droit des affaires", "Mastère spécialisé", "Droit des affaires")]
    [InlineData("Diplôme d'ingénieur en génie civil", "Diplôme d'ingénieur", "génie civil")]
    [InlineData("Certificate of Advanced Studies (CAS) Data Science", "Certificate of Advanced Studies (CAS)", "Data Science")]
    [InlineData("Studium der Informatik", "Studium der Informatik", "")]
    public void Split_SeparatesTheDegreeFromItsField(string printed, string degree, string field) =>
        Assert.Equal((degree, field), DegreeSplitter.Split(printed));

    [Theory]
    [InlineData("CAS in Project Management")]
    [InlineData("DAS en management de la qualité")]
    [InlineData("AFC di logistico")]
    [InlineData("Postgraduate Certificate")]
    [InlineData("Master of Management")]
    [InlineData("Bachelorarbeit über Datenbanken")]
    public void Split_KeepsAWholeTitle_WhenItNamesACertificateOrNoKnownDegree(string printed) =>
        Assert.Equal((printed, ""), DegreeSplitter.Split(printed));

    [Fact]
    public void Read_SplitsFieldDegreeAndSchool_PrintedInOneCommaLine()
    {
        var entry = Single("Chemical Engineering, Master of Engineering, Fachhochschule Graubünden", "2019 - 2021");

        Assert.Equal(("Fachhochschule Graubünden", "Master of Engineering", "Chemical Engineering"), (entry.Institution, entry.Degree, entry.FieldOfStudy));
    }

    [Fact]
    public void Read_JoinsASchoolNameWrappedBeforeItsSchoolWord()
    {
        var entry = Single("Riverbend Valley State\t2016-09-01 - 2018-06-01", "University");

        Assert.Equal(("Riverbend Valley State University", ""), (entry.Institution, entry.Degree));
    }

    [Fact]
    public void Read_KeepsTheDegree_WhenAWrappedSchoolNameFollowsIt()
    {
        var entry = Single("BSc Economics\t2016 - 2018", "Riverbend Valley State", "College");

        Assert.Equal(("Riverbend Valley State College", "BSc Economics"), (entry.Institution, entry.Degree));
    }

    [Fact]
    public void Read_JoinsACampusWrappedUnderAStateUniversity()
    {
        var entry = Single("University of Colorado\t2014-03-01 - 2017-03-01", "Boulder");

        Assert.Equal(("University of Colorado Boulder", ""), (entry.Institution, entry.Degree));
    }

    [Fact]
    public void Read_TakesALonePlaceUnderASchool_ForItsTownNotADegree()
    {
        var entry = Single("Universität Hamburg\t2014 - 2017", "Hamburg");

        Assert.Equal(("Universität Hamburg", "", "Hamburg"), (entry.Institution, entry.Degree, entry.City));
    }

    [Theory]
    [InlineData("Januar", "Fachhochschule")]
    [InlineData("Riverbend Valley", "Oak-Gymnasium")]
    public void Read_DoesNotJoinAOneWordLineOrANamedSchool_ToTheLineBefore(string before, string school)
    {
        var entry = Single("BSc Economics\t2016 - 2018", before, school);

        Assert.Equal(school, entry.Institution);
    }

    [Fact]
    public void Read_SplitsDegreeSchoolAndField_InModerncvOrder()
    {
        var entry = Single("Master of Arts, University of Bath, Geoinformatik.\t06.2016 – 06.2018");

        Assert.Equal(("University of Bath", "Master of Arts", "Geoinformatik"), (entry.Institution, entry.Degree, entry.FieldOfStudy));
    }

    [Fact]
    public void Read_TakesTheFieldFromItsOwnLine_BesideSchoolAndDegree()
    {
        var entry = Single("Hochschule für Technik Rapperswil 2018-01-01 — 2021-01-01", "Statistics", "Bachelor of Business Administration");

        Assert.Equal(("Hochschule für Technik Rapperswil", "Bachelor of Business Administration", "Statistics"), (entry.Institution, entry.Degree, entry.FieldOfStudy));
    }

    [Fact]
    public void Read_SplitsDegreeFieldAndSchool_JoinedByAt()
    {
        var entry = Single("BA in Accounting and Finance at Georgia Institute of Technology", "2015 - 2018");

        Assert.Equal(("Georgia Institute of Technology", "BA in Accounting and Finance", "Accounting and Finance"), (entry.Institution, entry.Degree, entry.FieldOfStudy));
    }

    [Fact]
    public void Read_KeepsASchoolWithItsCampus_WhenNoDegreeStandsInTheCommaList()
    {
        var entry = Single("University of California, Berkeley", "Bachelor of Science in Computer Science", "2012 - 2016");

        Assert.Equal(("University of California, Berkeley", "Bachelor of Science in Computer Science", "Computer Science"), (entry.Institution, entry.Degree, entry.FieldOfStudy));
    }

    [Fact]
    public void Read_SplitsSchoolAndSubject_WhenTheDegreeStandsOnItsOwnLine()
    {
        var entry = Single("PhD", "Princeton University, Computer Science", "2015 - 2020");

        Assert.Equal(("Princeton University", "PhD", "Computer Science"), (entry.Institution, entry.Degree, entry.FieldOfStudy));
    }

    [Theory]
    [InlineData("Logistiker EFZ bei Berufsfachschule Uster", "Logistiker EFZ", "Berufsfachschule Uster")]
    [InlineData("Elektroniker EFZ, Carl-Benz-Schule Mannheim", "Elektroniker EFZ", "Carl-Benz-Schule Mannheim")]
    [InlineData("AFC di logistico, Centre professionnel du Littoral neuchâtelois", "AFC di logistico", "Centre professionnel du Littoral neuchâtelois")]
    [InlineData("Bachelor of Science HES-SO chez IMT Atlantique", "Bachelor of Science HES-SO", "IMT Atlantique")]
    public void Read_SplitsAVocationalOrUnmarkedSchool_OffALoneDegreeLine(string line, string degree, string school)
    {
        var entry = Single(line, "2015 - 2018");

        Assert.Equal((school, degree), (entry.Institution, entry.Degree));
    }
}
