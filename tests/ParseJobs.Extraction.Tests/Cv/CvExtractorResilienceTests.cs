using ParseJobs.Extraction.Cv;
using ParseJobs.Extraction.Documents;
using ParseJobs.Extraction.Parsing;

namespace ParseJobs.Extraction.Tests.Cv;

/// <summary>A document never fails for its content: the crash of issue 9, and what happens when a reader throws.</summary>
public sealed class CvExtractorResilienceTests
{
    private static ExtractedDocument Text(params string[] lines) =>
        new(DocumentType.Txt, [new ExtractedPage(1, string.Join('\n', lines))]);

    [Fact]
    public void EntryParser_ReadsTheRange_WhenABulletLineEndsInAParenthesisedRange()
    {
        // The range was found in the line with its bullet and cut from the text without it: ArgumentOutOfRangeException.
        var entry = Assert.Single(EntryParser.Parse(["• MSc Data Science, Università di Bologna (2022 - 2023)"]));

        Assert.Equal("2022", entry.Dates?.Start);
        Assert.Equal("2023", entry.Dates?.End);
        Assert.Equal(["MSc Data Science, Università di Bologna"], entry.Headers);
    }

    [Fact]
    public void Extract_ReadsTheEducation_WhenItsBulletsEndInParenthesisedRanges()
    {
        var education = new CvExtractor().Extract(Text(
            "Marta Rossi", "marta.rossi@example.it", "Education",
            "• MSc Data Science, University of Bologna (2022 - 2023)", "• BSc Statistics, University of Padua (2018 - 2021)")).Education;

        Assert.Equal(["University of Bologna", "University of Padua"], education.Select(e => e.Institution).ToArray());
        Assert.Equal(["2023", "2021"], education.Select(e => e.EndDate).ToArray());
    }

    [Fact]
    public void Extract_KeepsTheOtherParts_AndWarns_WhenOneReaderThrows()
    {
        CvFieldReader[] readers =
        [
            new("personal_info", (d, p) => PersonalInfoReader.Fill(p.PersonalInfo, d)),
            new("experience", (_, _) => throw new InvalidOperationException("a reader bug")),
            new("languages", (d, p) => p.Languages = LanguagesReader.Read(d.Sections)),
        ];
        var warnings = new List<DocumentWarning>();

        var profile = new CvExtractor(readers).Extract(
            Text("Marta Rossi", "marta.rossi@example.it", "Experience", "2020 – 2023 Analyst, Acme SpA", "Languages", "Italian (C2)"), warnings);

        Assert.Equal("Marta Rossi", profile.PersonalInfo.FullName);
        Assert.Equal("Italian", Assert.Single(profile.Languages).Language);
        Assert.Empty(profile.Experience);
        var warning = Assert.Single(warnings);
        Assert.Equal(CvExtractor.PartialWarning, warning.Code);
        Assert.Contains("experience", warning.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Pipeline_CompletesWithAnEmptyProfileAndAWarning_WhenTheExtractorThrows()
    {
        var result = new CvPipeline(new ThrowingExtractor()).Run(Text("Marta Rossi", "marta.rossi@example.it"));

        Assert.Equal("", result.Profile.PersonalInfo.FullName);
        Assert.Equal(CvExtractor.PartialWarning, Assert.Single(result.Meta.Warnings).Code);
        Assert.Equal(DocumentType.Txt, result.Meta.DocumentType);
    }

    [Fact]
    public void Pipeline_ReportsLanguageAndNoWarnings_WhenTheCvReadsCleanly()
    {
        var result = new CvPipeline().Run(Text("Jana Keller", "jana.keller@example.ch", "Berufserfahrung",
            "seit 2021 Verkaufsberaterin bei der Casali AG", "Beratung von Geschäftskunden und Betreuung der Filialen."));

        Assert.Equal("de", result.Meta.Language);
        Assert.Empty(result.Meta.Warnings);
        Assert.Equal("Jana Keller", result.Profile.PersonalInfo.FullName);
    }

    private sealed class ThrowingExtractor : ICvExtractor
    {
        public CvProfile Extract(ExtractedDocument document, ICollection<DocumentWarning> warnings) => throw new InvalidOperationException("boom");
    }
}
