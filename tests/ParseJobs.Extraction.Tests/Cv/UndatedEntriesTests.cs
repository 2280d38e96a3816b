using ParseJobs.Extraction.Cv;
using ParseJobs.Extraction.Parsing;

namespace ParseJobs.Extraction.Tests.Cv;

/// <summary>Education sections that print no dates (issue 9): the school lines split the entries.</summary>
public sealed class UndatedEntriesTests
{
    private static List<EducationEntry> Education(params string[] entryLines)
    {
        string[] lines = ["Jane Sample", "jane.sample@example.com", "Education", .. entryLines, "Languages", "English: C2"];
        return new CvExtractor().Extract(new ExtractedDocument(DocumentType.Txt, [new ExtractedPage(1, string.Join('\n', lines))])).Education;
    }

    [Fact]
    public void Extract_SplitsTheEntries_AfterEachSchool_WhenTheDegreesComeFirst()
    {
        var education = Education("MSc, Sample Studies", "Sampleton University", "BA, Applied Examples", "Sample State College");

        Assert.Equal(2, education.Count);
        Assert.Equal(("Sampleton University", "Sample State College"), (education[0].Institution, education[1].Institution));
        Assert.StartsWith("MSc", education[0].Degree, StringComparison.Ordinal);
        Assert.StartsWith("BA", education[1].Degree, StringComparison.Ordinal);
    }

    [Fact]
    public void Extract_SplitsTheEntries_AtEachSchool_WhenTheSchoolsComeFirst()
    {
        var education = Education("Sampleton University", "MSc in Sample Studies", "• Thesis on worked examples.", "Sample State College", "BA in Applied Examples");

        Assert.Equal(2, education.Count);
        Assert.Equal(("Sampleton University", "Sample State College"), (education[0].Institution, education[1].Institution));
    }

    [Fact]
    public void Split_LeavesADatedSectionToTheEntryParser()
    {
        List<string> lines = ["MSc, Sample Studies", "Sampleton University", "2019", "BA, Applied Examples", "Sample State College"];

        Assert.Same(lines, Assert.Single(UndatedEntries.Split(lines)));
    }

    [Theory]
    [InlineData("BSc in Sample Studies, Sampleton University, Sampleton, USA, May 2016", "Sampleton University", "05.2016")]
    [InlineData("Laurea in Esempi, Università di Esempio, 07/2014", "Università di Esempio", "07.2014")]
    [InlineData("Sampleton University, 2012", "Sampleton University", "2012")]
    public void Extract_ReadsTheGraduationDate_WhenTheHeaderEndsInASingleDate(string header, string institution, string end)
    {
        var entry = Assert.Single(Education(header));

        Assert.Equal(("", end, institution), (entry.StartDate, entry.EndDate, entry.Institution));
    }

    [Fact]
    public void Extract_LeavesTheDates_WhenTheHeaderEndsInAPlaceAfterTheComma()
    {
        var entry = Assert.Single(Education("BSc in Sample Studies, Sampleton University, USA 2016"));

        Assert.Equal("", entry.EndDate);
    }

    [Theory]
    [InlineData("Beispiel-Gymnasium – Abitur", "Beispiel-Gymnasium", "Abitur")]
    [InlineData("Fachhochschule Beispielstadt — Bachelor of Arts", "Fachhochschule Beispielstadt", "Bachelor of Arts")]
    public void Extract_SplitsSchoolAndDegree_WhenADashSeparatesThem(string header, string institution, string degree)
    {
        var entry = Assert.Single(Education(header + "\t2010 – 2014"));

        Assert.Equal((institution, degree), (entry.Institution, entry.Degree));
    }
}
