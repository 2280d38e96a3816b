using ParseJobs.Extraction.Cv;

namespace ParseJobs.Extraction.Tests.Cv;

/// <summary>Section headings under other names (issue 9): the head word decides, job titles and level words do not.</summary>
public sealed class SectionHeadingTests
{
    [Theory]
    [InlineData("Work", "Experience")]
    [InlineData("Employment History", "Experience")]
    [InlineData("Career", "Experience")]
    [InlineData("Professional Experience & Internships", "Experience")]
    [InlineData("Berufliche Tätigkeiten", "Experience")]
    [InlineData("Praktika", "Experience")]
    [InlineData("Hochschulstudium", "Education")]
    [InlineData("Academic Background", "Education")]
    [InlineData("Technical Skills and Tools", "Skills")]
    [InlineData("IT-Kenntnisse", "Skills")]
    [InlineData("Honors & Awards", "Other")]
    [InlineData("Selected Projects", "Other")]
    [InlineData("Berufliche Stationen", "Experience")]
    [InlineData("Berufliche Laufbahn", "Experience")]
    [InlineData("Background", "Experience")]
    [InlineData("Parcours", "Experience")]
    [InlineData("Carriera", "Experience")]
    [InlineData("Schule und Studium", "Education")]
    [InlineData("Educational Background", "Education")]
    [InlineData("Cursus", "Education")]
    [InlineData("Percorso di studi", "Education")]
    [InlineData("Capacità", "Skills")]
    [InlineData("Praxis", "Experience")]
    public void Classify_OpensTheSection_ForHeadingsUnderOtherNames(string heading, string kind) =>
        Assert.Equal(Enum.Parse<SectionKind>(kind), SectionDetector.Classify(heading));

    [Theory]
    [InlineData("Education Consultant")]
    [InlineData("Grundkenntnisse")]
    [InlineData("Gute Kenntnisse")]
    [InlineData("Led the migration of our skills.")]
    [InlineData("Senior Software Engineer")]
    [InlineData("Kantonsschule")]
    public void Classify_ReturnsNull_ForLinesThatAreNoHeadings(string line) => Assert.Null(SectionDetector.Classify(line));
}
