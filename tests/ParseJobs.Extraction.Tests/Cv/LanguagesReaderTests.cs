using ParseJobs.Extraction.Cv;

namespace ParseJobs.Extraction.Tests.Cv;

/// <summary>Languages printed several to a line (issue 9).</summary>
public sealed class LanguagesReaderTests
{
    [Theory]
    [InlineData("Deutsch: Muttersprache · Englisch: Verhandlungssicher (C1) · Französisch: Grundkenntnisse")]
    [InlineData("Deutsch: Muttersprache • Englisch: Verhandlungssicher (C1) • Französisch: Grundkenntnisse")]
    [InlineData("Deutsch: Muttersprache | Englisch: Verhandlungssicher (C1) | Französisch: Grundkenntnisse")]
    public void Read_SplitsTheLanguages_WhenALineListsThemBetweenDots(string line)
    {
        var languages = LanguagesReader.Read([new CvSection(SectionKind.Languages, "Sprachen", [line])]);

        Assert.Equal("Deutsch|Englisch|Französisch", string.Join("|", languages.Select(l => l.Language)));
        Assert.Equal("C2|C1|A2", string.Join("|", languages.Select(l => l.StandardProficiency)));
    }

    [Fact]
    public void Read_KeepsTheLevelWrappedOntoTheNextLine_WithTheLastLanguage()
    {
        var languages = LanguagesReader.Read([new CvSection(SectionKind.Languages, "Languages", ["English: Native (C2) · Dutch: Conversational", "(B1)"])]);

        Assert.Equal(("Dutch", "B1"), (languages[^1].Language, languages[^1].StandardProficiency));
    }

    [Fact]
    public void Read_KeepsOneLanguage_WhenItsLevelHasADotInside()
    {
        var languages = LanguagesReader.Read([new CvSection(SectionKind.Languages, "Languages", ["English: spoken · written"])]);

        Assert.Equal(("English", "spoken · written"), (Assert.Single(languages).Language, languages[0].Proficiency));
    }

    [Fact]
    public void Read_TakesTheLanguagesFromTheContactBlock_WhenACellListsOnlyLanguageNames()
    {
        var languages = LanguagesReader.Read([new CvSection(SectionKind.Header, "", ["Sam Sample", "Sampleton\t+41 79 000 00 00\tGerman, Dutch"]),
            new CvSection(SectionKind.Skills, "Skills", ["Baking"])]);

        Assert.Equal("German|Dutch", string.Join("|", languages.Select(l => l.Language)));
    }

    [Fact]
    public void Read_FindsNoLanguages_WhenTheContactBlockNamesOnlyOne()
    {
        var languages = LanguagesReader.Read([new CvSection(SectionKind.Header, "", ["Sam Sample", "Nationality\tGerman"])]);

        Assert.Empty(languages);
    }
}
