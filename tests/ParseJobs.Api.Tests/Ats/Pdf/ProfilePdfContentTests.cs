using ParseJobs.Api.Ats.Pdf;
using ParseJobs.Extraction.Cv;
using static ParseJobs.Api.Tests.Ats.Pdf.ProfilePdfFiles;

namespace ParseJobs.Api.Tests.Ats.Pdf;

/// <summary>What the profile PDF says, read back from real PDFs printed by Chromium.</summary>
public sealed class ProfilePdfContentTests(RendererFixture fixture) : IClassFixture<RendererFixture>
{
    private static readonly Guid Organisation = Guid.NewGuid();

    private Task<byte[]> RenderAsync(CvProfile profile, bool anonymised = false) =>
        fixture.Renderer.RenderAsync(
            new ProfilePdfRequest(profile, Organisation, "Alpen Personal AG") { Anonymised = anonymised, AnonymousLabel = "Candidate 3" },
            CancellationToken.None);

    [Fact]
    public async Task Render_PrintsTheGermanProfile_WithUmlautsSharpSAndAccents()
    {
        var pdf = await RenderAsync(ProfileSamples.German());

        var text = Text(pdf);
        Assert.StartsWith("%PDF-", System.Text.Encoding.ASCII.GetString(pdf, 0, 5), StringComparison.OrdinalIgnoreCase);
        foreach (var expected in new[]
        {
            ProfileSamples.Name, "Position 01 Projektleiter", "Bühler AG", "Nestlé Suisse SA", "Müller", "Straße", "Zürich",
            "École polytechnique fédérale", "Master of Science, Maschinenbau", "Französisch", "B2 · gut", "C2 · Muttersprache",
            "SAP S/4HANA", "IT-Kenntnisse", "Berufserfahrung", "Ausbildung", "Sprachen", ProfileSamples.Email, "+49 170 1234567",
            "01.2022 – heute", "Verfügbarkeit", "Bergsteigen", "Seite 1 / 2", "Alpen Personal AG",
        })
        {
            Assert.True(text.Contains(Squash(expected), StringComparison.OrdinalIgnoreCase), $"'{expected}' is missing from the PDF text");
        }

        var (width, height) = PageSize(pdf);
        Assert.Equal(595, Math.Round(width));
        Assert.Equal(842, Math.Round(height));
    }

    [Fact]
    public async Task Render_BreaksALongProfileAcrossPages_WithoutCuttingAnEntry()
    {
        const int jobs = 14;
        var pages = PageTexts(await RenderAsync(ProfileSamples.German(jobs)));

        Assert.True(pages.Count > 1, $"a profile with {jobs} jobs fits on {pages.Count} page");
        for (var n = 1; n <= jobs; n++)
        {
            var first = PagesWith(pages, $"Position {n:00} Projektleiter");
            var last = PagesWith(pages, $"Ende Eintrag {n:00}");
            Assert.Single(first);
            Assert.Equal(first, last);
        }

        // A heading is never the last line of a page: it starts the page of its first entry.
        Assert.Equal(PagesWith(pages, "Berufserfahrung"), PagesWith(pages, "Position 01 Projektleiter"));
        Assert.Equal(PagesWith(pages, "Ausbildung"), PagesWith(pages, "École polytechnique"));
        Assert.Contains(Squash($"Seite 2 / {pages.Count}"), pages[1], StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task Render_LeavesOutTheCandidatesIdentity_WhenAnonymised()
    {
        var text = Text(await RenderAsync(ProfileSamples.German(), anonymised: true));

        Assert.Contains("Candidate3", text, StringComparison.OrdinalIgnoreCase);
        foreach (var leak in new[]
        {
            "Jörg", "Müller", ProfileSamples.Email, "1701234567", "14.07.1988", "1988-07-14", "Untere Straße", "linkedin", "joerg-mueller", "8001",
        })
        {
            Assert.False(text.Contains(Squash(leak), StringComparison.OrdinalIgnoreCase), $"the anonymised PDF shows '{leak}'");
        }

        // The rest of the profile is all there.
        foreach (var expected in new[] { "Position 01 Projektleiter", "Bühler AG", "Berufserfahrung", "Französisch", "B2 · gut", "Großprojekte" })
        {
            Assert.Contains(Squash(expected), text, StringComparison.OrdinalIgnoreCase);
        }
    }

    [Fact]
    public async Task Render_PrintsMarkupInCvTextAsText()
    {
        var profile = ProfileSamples.German(jobs: 1);
        profile.ProfessionalSummary = "Vorher <script>document.body.innerHTML='PWNED'</script> nachher.";
        profile.Experience[0].Description = "Siehe <img src=x onerror=alert(1)> und <b>fett</b> & Co.";
        profile.Skills.ItSkills = ["<style>body{display:none}</style>"];

        var text = Text(await RenderAsync(profile));

        Assert.Contains(Squash("<script>document.body.innerHTML='PWNED'</script>"), text, StringComparison.OrdinalIgnoreCase);
        Assert.Contains(Squash("<img src=x onerror=alert(1)>"), text, StringComparison.OrdinalIgnoreCase);
        Assert.Contains(Squash("<b>fett</b> & Co."), text, StringComparison.OrdinalIgnoreCase);
        Assert.Contains(Squash("<style>body{display:none}</style>"), text, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("Position01Projektleiter", text, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task Render_PrintsNoEmptySection_WhenTheProfileIsEmpty()
    {
        var pages = PageTexts(await RenderAsync(new CvProfile()));

        Assert.Single(pages);
        foreach (var heading in new[] { "Profil", "Berufserfahrung", "Ausbildung", "Kompetenzen", "Sprachen", "Interessen", "Verfügbarkeit", "Geburtsdatum", "E-Mail" })
        {
            Assert.DoesNotContain(heading, pages[0], StringComparison.OrdinalIgnoreCase);
        }

        Assert.Contains("AlpenPersonalAG", pages[0], StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task Render_LeavesOutEmptyEntriesAndSections_OfAPartialProfile()
    {
        var profile = new CvProfile
        {
            PersonalInfo = new PersonalInfo { FullName = "Ana Ruiz" },
            Experience = [new ExperienceEntry(), new ExperienceEntry { Position = "Buchhalterin", StartDate = "05.2019" }],
            Languages = [new LanguageSkill { Language = "Spanisch", StandardProficiency = "C2" }],
        };

        var text = Text(await RenderAsync(profile));

        Assert.Contains("Buchhalterin", text, StringComparison.OrdinalIgnoreCase);
        Assert.Contains(Squash("C2 · Muttersprache"), text, StringComparison.OrdinalIgnoreCase); // the contract's level word
        Assert.DoesNotContain("Ausbildung", text, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("Kompetenzen", text, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("Profil", text, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task Render_PaintsTheHeader_OnTheFirstPagePng()
    {
        var pdf = await RenderAsync(ProfileSamples.German(jobs: 6));

        // The whole page, to look at; then the header band alone (the top 120 px at 60 dpi: about 5 cm).
        var page = Pixels(FirstPagePng(pdf, Path.Combine(fixture.Artifacts, "german-profile")));
        var header = Pixels(FirstPagePng(pdf, Path.Combine(fixture.Artifacts, "german-profile-header"), cropHeight: 120));

        Assert.InRange(page.Width, 495, 497); // A4 at 60 dpi: 8.27 in × 60
        Assert.InRange(page.Height, 701, 703);
        var notWhite = (header.Width * header.Height) - header.Count(255, 255, 255);
        Assert.True(notWhite > header.Width * header.Height / 50, $"only {notWhite} painted pixels in the header");
        Assert.True(header.Count(0x8a, 0x15, 0x38) > 20, "the accent colour is not in the header");
    }
}
