using System.IO.Compression;
using System.Net;
using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;
using ParseJobs.Api.Ats.Page;
using ParseJobs.Api.Ats.Projects;
using ParseJobs.Api.Tests.Ats.Projects;
using ParseJobs.Api.Tests.Infrastructure;

namespace ParseJobs.Api.Tests.Ats.Page;

/// <summary>GET /p/{projectId}/?t=… and its status JSON and downloads through the host: content, encoding, policy,
/// and the token as the only credential.</summary>
[Collection(ApiCollection.Name)]
public sealed partial class ProjectPageTests(ParseJobsAppFactory app)
{
    private static readonly SeedCandidate[] Mixed =
    [
        new("1001", CandidateStatus.Ready, "Sara Forconi", "Senior Data Engineer"),
        new("1002", CandidateStatus.Importing),
        new("1003", CandidateStatus.Failed, Reason: "HR4YOU does not know applicant 1003."),
    ];

    [Fact]
    public async Task Page_ShowsProjectJobPostAndCandidates_WithStatusSummaryAndDownloads()
    {
        var project = await SeedAsync("Data Engineer, Zurich", Mixed);
        using var client = app.CreateClient();

        using var response = await client.GetAsync(ProjectSeeds.PageUrl(app.Services, project));
        var html = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains("<h1>Data Engineer, Zurich</h1>", html, StringComparison.Ordinal);
        Assert.Contains("<p class=\"post-title\">Senior Data Engineer</p>", html, StringComparison.Ordinal);
        Assert.Contains("Required: Python, SQL and Kafka.", html, StringComparison.Ordinal);
        Assert.Equal(3, Regex.Count(html, "<li class=\"candidate\""));
        Assert.Contains($"data-candidate-id=\"{project.CandidateIds[0]}\" data-status=\"ready\"", html, StringComparison.Ordinal);
        Assert.Contains($"data-candidate-id=\"{project.CandidateIds[1]}\" data-status=\"importing\"", html, StringComparison.Ordinal);
        Assert.Contains($"data-candidate-id=\"{project.CandidateIds[2]}\" data-status=\"failed\"", html, StringComparison.Ordinal);
        // The ready candidate's summary: headline, latest (ongoing) position, top skills, languages.
        Assert.Contains("<span class=\"name\">Sara Forconi</span>", html, StringComparison.Ordinal);
        Assert.Contains("<p class=\"headline\">Senior Data Engineer</p>", html, StringComparison.Ordinal);
        Assert.Contains("<dd class=\"position\">Senior Data Engineer · Helvetic Analytics AG</dd>", html, StringComparison.Ordinal);
        Assert.Contains("<li class=\"tag\">Kafka</li>", html, StringComparison.Ordinal);
        Assert.Contains("<dd class=\"languages\">German C2 · English C1</dd>", html, StringComparison.Ordinal);
        Assert.Contains("HR4YOU does not know applicant 1003.", html, StringComparison.Ordinal);
        Assert.Contains("Applicant 1002", html, StringComparison.Ordinal); // no name until imported
        // Downloads carry the token; the page polls (an import still runs).
        var token = Token(html);
        Assert.Contains($"/p/{project.ProjectId}/candidates/{project.CandidateIds[0]}/pdf?t={token}&amp;anonymised=true", html, StringComparison.Ordinal);
        Assert.Contains($"/p/{project.ProjectId}/pdfs.zip?t={token}\"", html, StringComparison.Ordinal);
        Assert.Contains("Download all (ZIP)", html, StringComparison.Ordinal);
        Assert.Contains("data-live=\"polling\"", html, StringComparison.Ordinal);
        Assert.Contains($"data-status-url=\"/p/{project.ProjectId}/status?t={token}\"", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Page_EncodesEverythingFromCvsAndTheAts()
    {
        var project = await SeedAsync("<b>Project</b>",
            new SeedCandidate("<i>1</i>", CandidateStatus.Ready, "<script>alert(1)</script>", "\"><img src=x onerror=alert(2)>")
            {
                Profile = ProjectSeeds.Profile("x", itSkills: ["<svg onload=alert(3)>"]),
            },
            new SeedCandidate("1002", CandidateStatus.Failed, Reason: "<a href=javascript:alert(4)>bad</a>"));
        using var client = app.CreateClient();

        var html = await client.GetStringAsync(ProjectSeeds.PageUrl(app.Services, project));

        var body = html[html.IndexOf("<body>", StringComparison.Ordinal)..html.LastIndexOf("<script>", StringComparison.Ordinal)];
        Assert.Contains("&lt;script&gt;alert(1)&lt;/script&gt;", body, StringComparison.Ordinal);
        Assert.Contains("&quot;&gt;&lt;img src=x onerror=alert(2)&gt;", body, StringComparison.Ordinal);
        Assert.Contains("&lt;svg onload=alert(3)&gt;", body, StringComparison.Ordinal);
        Assert.Contains("&lt;a href=javascript:alert(4)&gt;bad&lt;/a&gt;", body, StringComparison.Ordinal);
        Assert.Contains("&lt;b&gt;Project&lt;/b&gt;", html, StringComparison.Ordinal);
        foreach (var raw in new[] { "<script", "<img", "<svg", "<b>", "<i>", "<a href=javascript" })
        {
            Assert.DoesNotContain(raw, body, StringComparison.OrdinalIgnoreCase);
        }

        Assert.Equal(1, Regex.Count(html, "<script>")); // the page's own, nothing else
    }

    [Fact]
    public async Task Page_AllowsExactlyItsScriptAndStylesheet_AndIsNeitherCachedNorReferred()
    {
        var project = await SeedAsync("Policy", Mixed);
        using var client = app.CreateClient();

        using var response = await client.GetAsync(ProjectSeeds.PageUrl(app.Services, project));
        var html = await response.Content.ReadAsStringAsync();

        var policy = string.Join(';', response.Headers.GetValues("Content-Security-Policy"));
        Assert.Contains("default-src 'none'", policy, StringComparison.Ordinal);
        Assert.Contains($"script-src '{Sha256(Between(html, "<script>", "</script>"))}'", policy, StringComparison.Ordinal);
        Assert.Contains($"style-src '{Sha256(Between(html, "<style>", "</style>"))}'", policy, StringComparison.Ordinal);
        Assert.Contains("connect-src 'self'", policy, StringComparison.Ordinal);
        Assert.DoesNotContain("unsafe", policy, StringComparison.Ordinal);
        Assert.Equal("no-store", response.Headers.CacheControl?.ToString());
        Assert.Equal("no-referrer", string.Join(',', response.Headers.GetValues("Referrer-Policy")));
        Assert.DoesNotMatch(InlineHandler(), html); // no onclick= and the like: the policy would refuse them anyway
        Assert.DoesNotContain(" style=", html, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task Page_RefusesLinksThatOpenNothing_WithAClearPage_Never500()
    {
        var project = await SeedAsync("Refusals", Mixed);
        var other = await SeedAsync("Another", Mixed);
        var foreignOrg = await SeedAsync("Foreign", Mixed);
        var valid = ProjectSeeds.Token(app.Services, project.OrganisationId, project.ProjectId);
        var tampered = valid[..^6] + (valid[^6] == 'A' ? 'B' : 'A') + valid[^5..];
        var expired = ProjectSeeds.Token(app.Services, project.OrganisationId, project.ProjectId, TimeSpan.FromSeconds(-5));
        var otherProject = ProjectSeeds.Token(app.Services, other.OrganisationId, other.ProjectId);
        // A token naming this project but another organisation (a forged pairing cannot be made; a real one reads as not found).
        var wrongOrganisation = ProjectSeeds.Token(app.Services, foreignOrg.OrganisationId, project.ProjectId);
        using var client = app.CreateClient();

        var cases = new (string Url, HttpStatusCode Status, string Says)[]
        {
            ($"/p/{project.ProjectId}/?t={Uri.EscapeDataString(tampered)}", HttpStatusCode.Forbidden, "Link not valid"),
            ($"/p/{project.ProjectId}/?t=garbage", HttpStatusCode.Forbidden, "Link not valid"),
            ($"/p/{project.ProjectId}/?t={new string('A', 5000)}", HttpStatusCode.Forbidden, "Link not valid"),
            ($"/p/{project.ProjectId}/", HttpStatusCode.Forbidden, "Link incomplete"),
            ($"/p/{project.ProjectId}/?t={Uri.EscapeDataString(expired)}", HttpStatusCode.Gone, "Link expired"),
            ($"/p/{project.ProjectId}/?t={Uri.EscapeDataString(otherProject)}", HttpStatusCode.Forbidden, "Link for another project"),
            ($"/p/{project.ProjectId}/?t={Uri.EscapeDataString(wrongOrganisation)}", HttpStatusCode.NotFound, "Project not found"),
            ($"/p/not-a-project/?t={Uri.EscapeDataString(valid)}", HttpStatusCode.NotFound, "Page not found"),
            ($"/p/{project.ProjectId}/status?t={Uri.EscapeDataString(expired)}", HttpStatusCode.Gone, "Link expired"),
            ($"/p/{project.ProjectId}/pdfs.zip?t={Uri.EscapeDataString(otherProject)}", HttpStatusCode.Forbidden, "Link for another project"),
            ($"/p/{project.ProjectId}/candidates/{project.CandidateIds[0]}/pdf?t={Uri.EscapeDataString(tampered)}", HttpStatusCode.Forbidden, "Link not valid"),
            // A valid link of one project does not download another project's candidate.
            ($"/p/{project.ProjectId}/candidates/{other.CandidateIds[0]}/pdf?t={Uri.EscapeDataString(valid)}", HttpStatusCode.NotFound, "Candidate not found"),
            ($"/p/{project.ProjectId}/candidates/{project.CandidateIds[1]}/pdf?t={Uri.EscapeDataString(valid)}", HttpStatusCode.Conflict, "Profile not ready"),
            ($"/p/{project.ProjectId}/candidates/x/pdf?t={Uri.EscapeDataString(valid)}", HttpStatusCode.NotFound, "Candidate not found"),
        };
        foreach (var (url, status, says) in cases)
        {
            using var response = await client.GetAsync(url);
            var html = await response.Content.ReadAsStringAsync();
            Assert.True(response.StatusCode == status, $"{url}: expected {(int)status}, got {(int)response.StatusCode}: {html}");
            Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
            Assert.Contains($"<h1>{says}</h1>", html, StringComparison.Ordinal);
            Assert.DoesNotContain("Sara Forconi", html, StringComparison.Ordinal);
            Assert.Equal("no-store", response.Headers.CacheControl?.ToString());
        }

        using var expiredPage = await client.GetAsync($"/p/{project.ProjectId}/?t={Uri.EscapeDataString(expired)}");
        Assert.Contains("Ask your ATS for a new link.", await expiredPage.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Status_ReturnsEachCandidatesStatusAndSummary_AndWhetherAllEnded()
    {
        var project = await SeedAsync("Status", Mixed);
        using var client = app.CreateClient();
        var statusUrl = $"/p/{project.ProjectId}/status?t={Uri.EscapeDataString(ProjectSeeds.Token(app.Services, project.OrganisationId, project.ProjectId))}";

        using var running = await client.GetAsync(statusUrl);
        var before = await running.ReadJsonAsync();
        await ProjectSeeds.CompleteAsync(app.Services, project, 1, new SeedCandidate("1002", CandidateStatus.Ready, "Luca Brunner", "Data Analyst"));
        var after = await (await client.GetAsync(statusUrl)).ReadJsonAsync();

        Assert.Equal(HttpStatusCode.OK, running.StatusCode);
        Assert.Equal("application/json", running.Content.Headers.ContentType?.MediaType);
        Assert.Equal("no-store", running.Headers.CacheControl?.ToString());
        Assert.False(before.GetProperty("done").GetBoolean());
        Assert.Equal(["ready", "importing", "failed"], before.GetProperty("candidates").EnumerateArray().Select(c => c.GetProperty("status").GetString()), StringComparer.Ordinal);
        var first = before.GetProperty("candidates")[0];
        Assert.Equal("Sara Forconi", first.GetProperty("name").GetString());
        Assert.Equal("Senior Data Engineer · Helvetic Analytics AG", first.GetProperty("latestPosition").GetString());
        Assert.Equal(["Python", "SQL", "Kafka", "Data modelling"], first.GetProperty("skills").EnumerateArray().Select(s => s.GetString()), StringComparer.Ordinal);
        Assert.Equal(["German C2", "English C1"], first.GetProperty("languages").EnumerateArray().Select(s => s.GetString()), StringComparer.Ordinal);
        Assert.True(after.GetProperty("done").GetBoolean());
        Assert.Equal("Luca Brunner", after.GetProperty("candidates")[1].GetProperty("name").GetString());
        Assert.Equal(2, after.GetProperty("counts").GetProperty("ready").GetInt32());
    }

    [Fact]
    public async Task PagePdf_DownloadsTheNamedAndAnonymisedPdf()
    {
        var project = await SeedAsync("Downloads", Mixed);
        using var client = app.CreateClient();
        var token = Uri.EscapeDataString(ProjectSeeds.Token(app.Services, project.OrganisationId, project.ProjectId));

        using var named = await client.GetAsync($"/p/{project.ProjectId}/candidates/{project.CandidateIds[0]}/pdf?t={token}");
        using var anonymised = await client.GetAsync($"/p/{project.ProjectId}/candidates/{project.CandidateIds[0]}/pdf?t={token}&anonymised=true");

        Assert.Equal(HttpStatusCode.OK, named.StatusCode);
        Assert.Equal("application/pdf", named.Content.Headers.ContentType?.MediaType);
        Assert.Equal("Profile - Sara Forconi.pdf", named.Content.Headers.ContentDisposition?.FileNameStar);
        Assert.Equal("Candidate 1.pdf", anonymised.Content.Headers.ContentDisposition?.FileNameStar);
        Assert.Contains("Named profile Sara Forconi", ProjectApiTests.Text(await named.Content.ReadAsByteArrayAsync()), StringComparison.Ordinal);
        Assert.Contains("Anonymised profile 1001", ProjectApiTests.Text(await anonymised.Content.ReadAsByteArrayAsync()), StringComparison.Ordinal);
        Assert.Equal("no-store", named.Headers.CacheControl?.ToString());
    }

    [Fact]
    public async Task Zip_HoldsTheReadyPdfsOnly_UnderUniqueSafeNames()
    {
        var project = await SeedAsync("Zürich / Data",
            new SeedCandidate("1001", CandidateStatus.Ready, "Anna Meier"),
            new SeedCandidate("1002", CandidateStatus.Pending),
            new SeedCandidate("1003", CandidateStatus.Ready, "Anna Meier"),
            new SeedCandidate("1004", CandidateStatus.Failed),
            new SeedCandidate("1005", CandidateStatus.Ready, "../../etc/Jürg Müller"));
        using var client = app.CreateClient();
        var token = Uri.EscapeDataString(ProjectSeeds.Token(app.Services, project.OrganisationId, project.ProjectId));

        using var named = await client.GetAsync($"/p/{project.ProjectId}/pdfs.zip?t={token}");
        using var anonymised = await client.GetAsync($"/p/{project.ProjectId}/pdfs.zip?t={token}&anonymised=true");

        Assert.Equal(HttpStatusCode.OK, named.StatusCode);
        Assert.Equal("application/zip", named.Content.Headers.ContentType?.MediaType);
        Assert.Equal("Zürich Data - profiles.zip", named.Content.Headers.ContentDisposition?.FileNameStar);
        var entries = await EntriesAsync(named);
        Assert.Equal(["Profile - Anna Meier.pdf", "Profile - Anna Meier (2).pdf", "Profile - etc Jürg Müller.pdf"], entries.Keys, StringComparer.Ordinal);
        Assert.All(entries.Values, pdf => Assert.Equal("%PDF", Encoding.ASCII.GetString(pdf[..4])));
        Assert.Contains("Named profile Anna Meier", ProjectApiTests.Text(entries["Profile - Anna Meier (2).pdf"]), StringComparison.Ordinal);
        var anonymous = await EntriesAsync(anonymised);
        Assert.Equal(["Candidate 1.pdf", "Candidate 3.pdf", "Candidate 5.pdf"], anonymous.Keys, StringComparer.Ordinal);
        Assert.Contains("Anonymised profile 1003", ProjectApiTests.Text(anonymous["Candidate 3.pdf"]), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Zip_IsRefusedWithAPage_WhileNoCandidateIsReady()
    {
        var project = await SeedAsync("Nothing yet", new SeedCandidate("1001", CandidateStatus.Pending));
        using var client = app.CreateClient();

        using var response = await client.GetAsync($"/p/{project.ProjectId}/pdfs.zip?t={Uri.EscapeDataString(ProjectSeeds.Token(app.Services, project.OrganisationId, project.ProjectId))}");

        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        Assert.Contains("<h1>No profile ready yet</h1>", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Token_NeverReachesTheLog()
    {
        var project = await SeedAsync("Logged", Mixed);
        var token = ProjectSeeds.Token(app.Services, project.OrganisationId, project.ProjectId);
        var expired = ProjectSeeds.Token(app.Services, project.OrganisationId, project.ProjectId, TimeSpan.FromSeconds(-5));
        using var client = app.CreateClient();

        using var page = await client.GetAsync($"/p/{project.ProjectId}/?t={Uri.EscapeDataString(token)}");
        using var status = await client.GetAsync($"/p/{project.ProjectId}/status?t={Uri.EscapeDataString(token)}");
        using var refused = await client.GetAsync($"/p/{project.ProjectId}/?t={Uri.EscapeDataString(expired)}");

        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Equal(HttpStatusCode.Gone, refused.StatusCode);
        // The refusal is logged (with the project, for support), so the log did see these requests.
        Assert.True(app.Logs.Contains($"Project page link refused for project \"{project.ProjectId}\": 410 \"Link expired\""), app.Logs.Describe());
        foreach (var secret in new[] { token, expired, token[..24] })
        {
            Assert.DoesNotContain(app.Logs.Events, e =>
                e.RenderMessage(System.Globalization.CultureInfo.InvariantCulture).Contains(secret, StringComparison.Ordinal)
                || e.Properties.Values.Any(v => v.ToString().Contains(secret, StringComparison.Ordinal))
                || (e.Exception?.ToString().Contains(secret, StringComparison.Ordinal) ?? false));
        }
    }

    private async Task<SeededProject> SeedAsync(string name, params SeedCandidate[] candidates)
    {
        var key = await app.CreateKeyAsync($"org-{Guid.NewGuid():N}"[..20], ParseJobs.Api.Auth.Scopes.ProjectsRead);
        return await ProjectSeeds.SeedAsync(app.Services, key.OrganisationId!.Value, name, candidates);
    }

    private static async Task<Dictionary<string, byte[]>> EntriesAsync(HttpResponseMessage response)
    {
        var bytes = await response.Content.ReadAsByteArrayAsync();
        using var zip = new ZipArchive(new MemoryStream(bytes), ZipArchiveMode.Read);
        var entries = new Dictionary<string, byte[]>(StringComparer.Ordinal);
        foreach (var entry in zip.Entries)
        {
            using var stream = entry.Open();
            using var copy = new MemoryStream();
            stream.CopyTo(copy);
            entries.Add(entry.FullName, copy.ToArray());
        }

        return entries;
    }

    private static string Token(string html) =>
        Regex.Match(html, "data-status-url=\"[^\"]*\\?t=([^\"]+)\"", RegexOptions.None, TimeSpan.FromSeconds(1)).Groups[1].Value is { Length: > 20 } token ? token : throw new InvalidOperationException("no token in the page");

    private static string Between(string html, string open, string close)
    {
        var start = html.IndexOf(open, StringComparison.Ordinal) + open.Length;
        return html[start..html.IndexOf(close, start, StringComparison.Ordinal)];
    }

    private static string Sha256(string text) => "sha256-" + Convert.ToBase64String(SHA256.HashData(Encoding.UTF8.GetBytes(text)));

    [GeneratedRegex(@"\son[a-z]+\s*=", RegexOptions.IgnoreCase, matchTimeoutMilliseconds: 1000)]
    private static partial Regex InlineHandler();
}
