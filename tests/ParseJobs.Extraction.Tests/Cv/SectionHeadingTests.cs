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
    public void Classify_OpensTheSection_ForHeadingsUnderOtherNames(string heading, string kind) =>
        Assert.Equal(Enum.Parse<SectionKind>(kind), SectionDetector.Classify(heading));

    [Theory]
    [InlineData("Education Consultant")]
    [InlineData("Grundkenntnisse")]
    [InlineData("Gute Kenntnisse")]
    [InlineData("Led the migration of our skills.")]
    [InlineData("Senior Software Engineer")]
    public void Classify_ReturnsNull_ForLinesThatAreNoHeadings(string line) => Assert.Null(SectionDetector.Classify(line));
}
