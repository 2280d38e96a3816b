using ParseJobs.Extraction.Cv;

namespace ParseJobs.Extraction.Tests.Cv;

/// <summary>contracts/language-levels.md: a printed CEFR code wins; else a level word maps by the table; else "".</summary>
public sealed class LanguageLevelMapperTests
{
    [Theory]
    [InlineData("Muttersprache", "C2")]
    [InlineData("gut", "B2")]
    [InlineData("sehr gute Kenntnisse", "C1")]
    [InlineData("erweiterte Grundkenntnisse", "B1")]
    [InlineData("Grundkenntnisse", "A2")]
    [InlineData("fliessend", "C1")]
    [InlineData("Native speaker", "C2")]
    [InlineData("Very good", "C1")]
    [InlineData("Upper intermediate", "B2")]
    [InlineData("Intermediate", "B1")]
    [InlineData("good working knowledge", "B2")]
    [InlineData("langue maternelle", "C2")]
    [InlineData("très bonnes connaissances", "C1")]
    [InlineData("notions", "A2")]
    [InlineData("madrelingua", "C2")]
    [InlineData("buona conoscenza", "B2")]
    [InlineData("scolastico", "A2")]
    [InlineData("Débutant", "A1")]
    [InlineData("fluent (B2)", "B2")]
    [InlineData("C1 – business fluent", "C1")]
    public void Standard_MapsTheLevel_ByTheContractTable(string printed, string expected) =>
        Assert.Equal(expected, LanguageLevelMapper.Standard(printed));

    [Theory]
    [InlineData("")]
    [InlineData("advanced")]
    [InlineData("5 years in Berlin")]
    [InlineData("goodwill")]
    public void Standard_LeavesTheLevelEmpty_WhenNoCodeOrTableWordIsPrinted(string printed) =>
        Assert.Equal("", LanguageLevelMapper.Standard(printed));
}
