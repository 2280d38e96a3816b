using ParseJobs.Extraction.Cv;
using ParseJobs.Extraction.Documents;
using ParseJobs.Extraction.Parsing;

namespace ParseJobs.Extraction.Tests.Cv;

/// <summary>Summaries printed without a heading (issue 9).</summary>
public sealed class SummaryReaderTests
{
    [Theory]
    [InlineData("Je suis une ingénieure de 27 ans, diplômée en mécanique", "de l’École d’exemple et je cherche un poste en Suisse.")]
    [InlineData("I am a sample engineer with six years of building", "bridges, looking for a role in design and review.")]
    public void Extract_ReadsASelfIntroduction_PrintedBesideTheEntriesWithoutAHeading(string first, string second)
    {
        var profile = Extract("Mia Sample", "mia.sample@example.org", "Education", "MSc Sample Engineering", "Sample University",
            "2018 – 2020", first, second, "Languages", "English: C1");

        Assert.Equal(first + " " + second, profile.ProfessionalSummary);
    }

    [Fact]
    public void Extract_LeavesTheSummaryEmpty_WhenAFirstPersonLineIsPartOfAJob()
    {
        var profile = Extract("Mia Sample", "mia.sample@example.org", "Experience", "Engineer, Sample Works", "2018 – 2020",
            "I am proud of the twelve bridges our team designed and reviewed in those two years.", "Languages", "English: C1");

        Assert.Equal("", profile.ProfessionalSummary);
    }

    private static CvProfile Extract(params string[] lines) =>
        new CvExtractor().Extract(new ExtractedDocument(DocumentType.Txt, [new ExtractedPage(1, string.Join('\n', lines))]));
}
