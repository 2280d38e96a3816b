using System.Collections.Concurrent;
using System.Globalization;
using System.Text.Json;
using ParseJobs.Extraction.Cv;
using Xunit.Abstractions;

namespace ParseJobs.Extraction.Tests.Corpus;

/// <summary>One Theory per layout family of the widened corpus (tests/corpus): every committed document goes through
/// the layout extractor and the CV extractor and is checked against its truth for name, e-mail, mobile phone, the
/// number of experience entries and their start dates. Where today's extractor misses, the family's floor
/// (<see cref="CorpusFloors"/>) records the miss instead of skipping it, so that any further loss fails.</summary>
[Collection(CorpusCollection.Name)]
public sealed class CorpusFamilyTests(ITestOutputHelper output, CorpusProfiles profiles) : IClassFixture<CorpusProfiles>
{
    public static TheoryData<string> Documents(string family) => new(CorpusDocument.NamesIn(family));

    public static TheoryData<string> Families() => new(CorpusDocument.AllFamilies());

    [Theory]
    [MemberData(nameof(Documents), "theme-stackoverflow")]
    public void ThemeStackoverflow_MeetsItsFloor(string document) => AssertFloor(document);

    [Theory]
    [MemberData(nameof(Documents), "theme-flat")]
    public void ThemeFlat_MeetsItsFloor(string document) => AssertFloor(document);

    [Theory]
    [MemberData(nameof(Documents), "theme-paper")]
    public void ThemePaper_MeetsItsFloor(string document) => AssertFloor(document);

    [Theory]
    [MemberData(nameof(Documents), "theme-spartan")]
    public void ThemeSpartan_MeetsItsFloor(string document) => AssertFloor(document);

    [Theory]
    [MemberData(nameof(Documents), "theme-kendall")]
    public void ThemeKendall_MeetsItsFloor(string document) => AssertFloor(document);

    [Theory]
    [MemberData(nameof(Documents), "theme-elegant")]
    public void ThemeElegant_MeetsItsFloor(string document) => AssertFloor(document);

    [Theory]
    [MemberData(nameof(Documents), "theme-actual")]
    public void ThemeActual_MeetsItsFloor(string document) => AssertFloor(document);

    [Theory]
    [MemberData(nameof(Documents), "theme-class")]
    public void ThemeClass_MeetsItsFloor(string document) => AssertFloor(document);

    [Theory]
    [MemberData(nameof(Documents), "latex-moderncv-classic")]
    public void LatexModerncvClassic_MeetsItsFloor(string document) => AssertFloor(document);

    [Theory]
    [MemberData(nameof(Documents), "latex-moderncv-casual")]
    public void LatexModerncvCasual_MeetsItsFloor(string document) => AssertFloor(document);

    [Theory]
    [MemberData(nameof(Documents), "latex-moderncv-banking")]
    public void LatexModerncvBanking_MeetsItsFloor(string document) => AssertFloor(document);

    [Theory]
    [MemberData(nameof(Documents), "latex-moderncv-oldstyle")]
    public void LatexModerncvOldstyle_MeetsItsFloor(string document) => AssertFloor(document);

    [Theory]
    [MemberData(nameof(Documents), "latex-europasscv")]
    public void LatexEuropasscv_MeetsItsFloor(string document) => AssertFloor(document);

    [Theory]
    [MemberData(nameof(Documents), "html-sidebar")]
    public void HtmlSidebar_MeetsItsFloor(string document) => AssertFloor(document);

    [Theory]
    [MemberData(nameof(Documents), "html-lebenslauf")]
    public void HtmlLebenslauf_MeetsItsFloor(string document) => AssertFloor(document);

    [Theory]
    [MemberData(nameof(Documents), "docx-lebenslauf-pandoc")]
    public void DocxLebenslaufPandoc_MeetsItsFloor(string document) => AssertFloor(document);

    [Theory]
    [MemberData(nameof(Documents), "html-timeline")]
    public void HtmlTimeline_MeetsItsFloor(string document) => AssertFloor(document);

    [Theory]
    [MemberData(nameof(Documents), "docx-table")]
    public void DocxTable_MeetsItsFloor(string document) => AssertFloor(document);

    [Theory]
    [MemberData(nameof(Documents), "docx-word-md")]
    public void DocxWordMd_MeetsItsFloor(string document) => AssertFloor(document);

    [Theory]
    [MemberData(nameof(Documents), "txt-markdown")]
    public void TxtMarkdown_MeetsItsFloor(string document) => AssertFloor(document);

    [Theory]
    [MemberData(nameof(Documents), "txt-columns")]
    public void TxtColumns_MeetsItsFloor(string document) => AssertFloor(document);

    /// <summary>The family's share of start dates over all its documents: where one document finds none today,
    /// the per-document floor is 0, and this is what still guards the family.</summary>
    [Theory]
    [MemberData(nameof(Families))]
    public void Family_KeepsItsShareOfStartDates(string family)
    {
        var floor = CorpusFloors.ByFamily[family];
        int found = 0, total = 0;
        foreach (var doc in CorpusDocument.NamesIn(family).Select(CorpusDocument.Load))
        {
            var (f, t) = CorpusChecks.StartDates(doc.ExperienceStarts, profiles.Of(doc).Experience);
            found += f;
            total += t;
        }

        var share = total == 0 ? 1.0 : (double)found / total;
        Assert.True(share >= floor.FamilyStartDates,
            string.Create(CultureInfo.InvariantCulture, $"{family}: {found} of {total} start dates found ({share:0.000}), floor {floor.FamilyStartDates:0.00}"));
    }

    [Fact]
    public void Floors_CoverEveryFamily_WhenCorpusIsRegenerated()
    {
        var families = CorpusDocument.AllFamilies();
        Assert.NotEmpty(families);
        Assert.Equal(families.Order(StringComparer.Ordinal), CorpusFloors.ByFamily.Keys.Order(StringComparer.Ordinal));
        foreach (var family in families)
            Assert.True(CorpusDocument.NamesIn(family).Count >= 3, $"{family}: fewer than three documents");
    }

    private void AssertFloor(string document)
    {
        var doc = CorpusDocument.Load(document);
        var floor = CorpusFloors.ByFamily[doc.Family];
        var profile = profiles.Of(doc);
        var person = profile.PersonalInfo;
        var (found, total) = CorpusChecks.StartDates(doc.ExperienceStarts, profile.Experience);
        var result = new
        {
            document,
            name = doc.FullName.Length == 0 || CorpusChecks.SameName(doc.FullName, person.FullName),
            email = doc.Email.Length == 0 || CorpusChecks.SameEmail(doc.Email, person.Email),
            phone = doc.MobilePhone.Length == 0 || CorpusChecks.SamePhone(doc.MobilePhone, person.MobilePhone),
            count_diff = Math.Abs(profile.Experience.Count - doc.ExperienceStarts.Count),
            start_dates = total == 0 ? 1.0 : (double)found / total,
            found,
            total,
        };
        output.WriteLine(JsonSerializer.Serialize(result));
        // PARSEJOBS_CORPUS_MEASURE=FILE appends each result as a JSON line: how the floors were measured
        if (Environment.GetEnvironmentVariable("PARSEJOBS_CORPUS_MEASURE") is { Length: > 0 } measure)
            File.AppendAllText(measure, JsonSerializer.Serialize(result) + "\n");

        if (!floor.NameGaps.Contains(document))
            Assert.True(result.name, $"{document}: full_name '{person.FullName}', expected '{doc.FullName}'");
        if (!floor.EmailGaps.Contains(document))
            Assert.True(result.email, $"{document}: email '{person.Email}', expected '{doc.Email}'");
        if (!floor.PhoneGaps.Contains(document))
            Assert.True(result.phone, $"{document}: mobile_phone '{person.MobilePhone}', expected '{doc.MobilePhone}'");
        Assert.True(result.count_diff <= floor.MaxCountDifference,
            $"{document}: {profile.Experience.Count} experience entries, truth {doc.ExperienceStarts.Count} (floor: off by at most {floor.MaxCountDifference})");
        Assert.True(result.start_dates >= floor.StartDates,
            string.Create(CultureInfo.InvariantCulture, $"{document}: {found} of {total} start dates found, floor {floor.StartDates:0.00}: ")
            + string.Join(", ", profile.Experience.Select(e => e.StartDate)));
    }
}

/// <summary>105 extractions keep both cores busy for tens of seconds: run them alone, after the parallel tests, so
/// that the time-limited parser-process tests do not starve beside them.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class CorpusCollection
{
    public const string Name = "Corpus";
}

/// <summary>Each document's profile, extracted once for the per-document and the per-family tests.</summary>
public sealed class CorpusProfiles
{
    private readonly ConcurrentDictionary<string, Lazy<CvProfile>> _profiles = new(StringComparer.Ordinal);

    internal CvProfile Of(CorpusDocument doc) => _profiles.GetOrAdd(doc.Name, _ => new Lazy<CvProfile>(doc.Extract)).Value;
}
