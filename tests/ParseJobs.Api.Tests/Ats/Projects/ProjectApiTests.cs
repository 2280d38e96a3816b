using System.Net;
using System.Text.Json;
using ParseJobs.Api.Ats.Projects;
using ParseJobs.Api.Auth;
using ParseJobs.Api.Tests.Infrastructure;
using UglyToad.PdfPig;

namespace ParseJobs.Api.Tests.Ats.Projects;

/// <summary>GET /v1/projects/{id}, /v1/projects/{id}/candidates, /v1/candidates/{id} and its PDFs through the host.</summary>
[Collection(ApiCollection.Name)]
public sealed class ProjectApiTests(ParseJobsAppFactory app)
{
    private static readonly SeedCandidate[] Mixed =
    [
        new("1001", CandidateStatus.Ready, "Sara Forconi", "Senior Data Engineer"),
        new("1002", CandidateStatus.Importing),
        new("1003", CandidateStatus.Failed, Reason: "HR4YOU does not know applicant 1003."),
        new("1004", CandidateStatus.Pending),
    ];

    [Fact]
    public async Task GetProject_ReturnsNameOwnerJobPostCountsAndLinks_InCamelCase()
    {
        var (client, org) = await NewOrganisationAsync(Scopes.ProjectsRead);
        var project = await ProjectSeeds.SeedAsync(app.Services, org, "Data Engineer, Zurich", Mixed);

        using var response = await client.GetAsync($"/v1/projects/{project.ProjectId}");
        var body = await response.ReadJsonAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(project.ProjectId, body.GetProperty("id").GetGuid());
        Assert.Equal("Data Engineer, Zurich", body.GetProperty("name").GetString());
        Assert.Equal("Julia Berger", body.GetProperty("owner").GetProperty("name").GetString());
        Assert.StartsWith("julia.berger.", body.GetProperty("owner").GetProperty("email").GetString(), StringComparison.Ordinal);
        Assert.Equal("501", body.GetProperty("jobPost").GetProperty("id").GetString());
        Assert.Equal("Senior Data Engineer", body.GetProperty("jobPost").GetProperty("title").GetString());
        Assert.Equal(ProjectSeeds.JobPostDescription, body.GetProperty("jobPost").GetProperty("description").GetString());
        var counts = body.GetProperty("counts");
        Assert.Equal((1, 1, 1, 1, 4), (counts.GetProperty("pending").GetInt32(), counts.GetProperty("importing").GetInt32(),
            counts.GetProperty("ready").GetInt32(), counts.GetProperty("failed").GetInt32(), counts.GetProperty("total").GetInt32()));
        Assert.Equal(project.JobId, body.GetProperty("importJobId").GetGuid());
        Assert.Equal($"/v1/projects/{project.ProjectId}/candidates", body.GetProperty("links").GetProperty("candidates").GetString());
        Assert.True(body.TryGetProperty("createdAt", out _));
        Assert.False(body.TryGetProperty("created_at", out _));
    }

    [Fact]
    public async Task ListCandidates_ReturnsStatusReasonNameHeadline_AndPdfLinksOnlyWhenReady()
    {
        var (client, org) = await NewOrganisationAsync(Scopes.ProjectsRead);
        var project = await ProjectSeeds.SeedAsync(app.Services, org, "Data Engineer, Zurich", Mixed);

        using var response = await client.GetAsync($"/v1/projects/{project.ProjectId}/candidates");
        var body = await response.ReadJsonAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var candidates = body.GetProperty("candidates").EnumerateArray().ToList();
        Assert.Equal(["1001", "1002", "1003", "1004"], candidates.Select(c => c.GetProperty("applicantId").GetString()), StringComparer.Ordinal);
        Assert.Equal(["ready", "importing", "failed", "pending"], candidates.Select(c => c.GetProperty("status").GetString()), StringComparer.Ordinal);
        Assert.Equal(project.CandidateIds, candidates.Select(c => c.GetProperty("candidateId").GetGuid()));
        Assert.Equal("Sara Forconi", candidates[0].GetProperty("name").GetString());
        Assert.Equal("Senior Data Engineer", candidates[0].GetProperty("headline").GetString());
        Assert.Equal("HR4YOU does not know applicant 1003.", candidates[2].GetProperty("reason").GetString());
        Assert.Equal(JsonValueKind.Null, candidates[0].GetProperty("reason").ValueKind);
        Assert.Equal($"/v1/candidates/{project.CandidateIds[0]}/pdf", candidates[0].GetProperty("links").GetProperty("pdf").GetString());
        Assert.Equal($"/v1/candidates/{project.CandidateIds[0]}/pdf?anonymised=true", candidates[0].GetProperty("links").GetProperty("pdfAnonymised").GetString());
        foreach (var notReady in candidates.Skip(1))
        {
            Assert.Equal(JsonValueKind.Null, notReady.GetProperty("links").GetProperty("pdf").ValueKind);
            Assert.Equal(JsonValueKind.Null, notReady.GetProperty("links").GetProperty("pdfAnonymised").ValueKind);
        }

        Assert.False(candidates[0].TryGetProperty("profile", out _)); // the list stays light
        Assert.Equal(4, body.GetProperty("counts").GetProperty("total").GetInt32());
    }

    [Fact]
    public async Task GetCandidate_EmbedsTheStoredProfileAsStored()
    {
        var (client, org) = await NewOrganisationAsync(Scopes.ProjectsRead);
        var project = await ProjectSeeds.SeedAsync(app.Services, org, "Profiles", Mixed);

        var ready = await (await client.GetAsync($"/v1/candidates/{project.CandidateIds[0]}")).ReadJsonAsync();
        var pending = await (await client.GetAsync($"/v1/candidates/{project.CandidateIds[3]}")).ReadJsonAsync();

        Assert.Equal("ready", ready.GetProperty("status").GetString());
        var profile = ready.GetProperty("profile");
        // The profile's own contract (snake_case, its documented key order), not the camelCase of the wrapper.
        Assert.Equal("Sara Forconi", profile.GetProperty("personal_info").GetProperty("full_name").GetString());
        Assert.Equal(["personal_info", "professional_summary", "personal_impression", "experience"], profile.EnumerateObject().Take(4).Select(p => p.Name), StringComparer.Ordinal);
        Assert.Equal("Senior Data Engineer", profile.GetProperty("experience")[0].GetProperty("position").GetString());
        Assert.Equal(project.ProjectId, ready.GetProperty("projectId").GetGuid());
        Assert.Equal("pending", pending.GetProperty("status").GetString());
        Assert.False(pending.TryGetProperty("profile", out _));
    }

    [Fact]
    public async Task GetPdf_ReturnsTheNamedAndTheAnonymisedPdf_AsAttachmentsWithSafeNames()
    {
        var (client, org) = await NewOrganisationAsync(Scopes.ProjectsRead);
        var project = await ProjectSeeds.SeedAsync(app.Services, org, "Profiles", Mixed);
        var id = project.CandidateIds[0];

        using var named = await client.GetAsync($"/v1/candidates/{id}/pdf");
        using var anonymised = await client.GetAsync($"/v1/candidates/{id}/pdf?anonymised=true");

        Assert.Equal(HttpStatusCode.OK, named.StatusCode);
        Assert.Equal("application/pdf", named.Content.Headers.ContentType?.MediaType);
        Assert.Equal("attachment", named.Content.Headers.ContentDisposition?.DispositionType);
        Assert.Equal("Profile - Sara Forconi.pdf", FileName(named));
        Assert.Equal("Candidate 1.pdf", FileName(anonymised));
        Assert.Contains("Named profile Sara Forconi", Text(await named.Content.ReadAsByteArrayAsync()), StringComparison.Ordinal);
        Assert.Contains("Anonymised profile 1001", Text(await anonymised.Content.ReadAsByteArrayAsync()), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(1, "importing")]
    [InlineData(2, "failed")]
    [InlineData(3, "pending")]
    public async Task GetPdf_Returns409WithTheCandidatesStatus_WhenNotReady(int index, string status)
    {
        var (client, org) = await NewOrganisationAsync(Scopes.ProjectsRead);
        var project = await ProjectSeeds.SeedAsync(app.Services, org, "Profiles", Mixed);

        using var response = await client.GetAsync($"/v1/candidates/{project.CandidateIds[index]}/pdf");
        var problem = await response.ReadJsonAsync();

        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("CANDIDATE_NOT_READY", problem.GetProperty("code").GetString());
        Assert.Equal(409, problem.GetProperty("status").GetInt32());
        Assert.Equal(status, problem.GetProperty("candidate_status").GetString());
        Assert.Contains(status == "failed" ? "HR4YOU does not know applicant 1003." : $"is {status}", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.True(problem.TryGetProperty("request_id", out _));
    }

    [Fact]
    public async Task GetPdf_Returns404_WhenTheVariantWasNotStored()
    {
        var (client, org) = await NewOrganisationAsync(Scopes.ProjectsRead);
        var project = await ProjectSeeds.SeedAsync(app.Services, org, "Profiles",
            new SeedCandidate("1001", CandidateStatus.Ready, "Sara Forconi") { WithoutAnonymisedPdf = true });

        using var response = await client.GetAsync($"/v1/candidates/{project.CandidateIds[0]}/pdf?anonymised=true");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("PDF_NOT_FOUND", (await response.ReadJsonAsync()).GetProperty("code").GetString());
    }

    [Fact]
    public async Task Projects_Return404_ForAnotherOrganisationsProjectAndCandidates()
    {
        var (owner, org) = await NewOrganisationAsync(Scopes.ProjectsRead);
        var (other, _) = await NewOrganisationAsync(Scopes.ProjectsRead, Scopes.AtsCreatePdf);
        var project = await ProjectSeeds.SeedAsync(app.Services, org, "Mine", Mixed);

        foreach (var url in new[]
        {
            $"/v1/projects/{project.ProjectId}", $"/v1/projects/{project.ProjectId}/candidates",
            $"/v1/candidates/{project.CandidateIds[0]}", $"/v1/candidates/{project.CandidateIds[0]}/pdf",
        })
        {
            using var foreign = await other.GetAsync(url);
            using var own = await owner.GetAsync(url);
            Assert.Equal(HttpStatusCode.NotFound, foreign.StatusCode);
            Assert.Equal(HttpStatusCode.OK, own.StatusCode);
            Assert.Contains((await foreign.ReadJsonAsync()).GetProperty("code").GetString(), new[] { "PROJECT_NOT_FOUND", "CANDIDATE_NOT_FOUND" }, StringComparer.Ordinal);
        }

        using var unknown = await owner.GetAsync($"/v1/projects/{Guid.NewGuid()}");
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
    }

    [Fact]
    public async Task Projects_Return401WithoutAKey_And403ForAKeyWithoutTheScopes()
    {
        var slug = $"org-{Guid.NewGuid():N}"[..20];
        var jobsOnly = await app.CreateKeyAsync(slug, Scopes.JobsRead, Scopes.JobsWrite, Scopes.BatchesRead);
        var project = await ProjectSeeds.SeedAsync(app.Services, jobsOnly.OrganisationId!.Value, "Closed", Mixed);
        using var anonymous = app.CreateClient();
        using var unscoped = app.CreateClientWithKey(jobsOnly.Key);

        using var noKey = await anonymous.GetAsync($"/v1/projects/{project.ProjectId}");
        using var wrongKey = await anonymous.SendAsync(WithSharedSecret(HttpMethod.Get, $"/v1/projects/{project.ProjectId}", "sk_live_wrong"));
        using var noScope = await unscoped.GetAsync($"/v1/projects/{project.ProjectId}");
        using var noScopePdf = await unscoped.GetAsync($"/v1/candidates/{project.CandidateIds[0]}/pdf");

        Assert.Equal(HttpStatusCode.Unauthorized, noKey.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, wrongKey.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, noScope.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, noScopePdf.StatusCode);
        Assert.Contains(Scopes.ProjectsRead, (await noScope.ReadJsonAsync()).GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Projects_AreRead_WithProjectsRead_AndWithTheAtsSharedSecret()
    {
        var slug = $"org-{Guid.NewGuid():N}"[..20];
        var projectsRead = await app.CreateKeyAsync(slug, Scopes.ProjectsRead);
        var atsSecret = await app.CreateKeyAsync(slug, Scopes.AtsCreatePdf);
        var project = await ProjectSeeds.SeedAsync(app.Services, projectsRead.OrganisationId!.Value, "Both", Mixed);
        using var client = app.CreateClient();
        using var bearer = app.CreateClientWithKey(projectsRead.Key);

        using var byKey = await bearer.GetAsync($"/v1/projects/{project.ProjectId}/candidates");
        using var bySecret = await client.SendAsync(WithSharedSecret(HttpMethod.Get, $"/v1/projects/{project.ProjectId}/candidates", atsSecret.Key));
        using var pdfBySecret = await client.SendAsync(WithSharedSecret(HttpMethod.Get, $"/v1/candidates/{project.CandidateIds[0]}/pdf", atsSecret.Key));

        Assert.Equal(HttpStatusCode.OK, byKey.StatusCode);
        Assert.Equal(HttpStatusCode.OK, bySecret.StatusCode);
        Assert.Equal(HttpStatusCode.OK, pdfBySecret.StatusCode);
        Assert.Equal("%PDF", System.Text.Encoding.ASCII.GetString((await pdfBySecret.Content.ReadAsByteArrayAsync())[..4]));
    }

    private async Task<(HttpClient Client, Guid OrganisationId)> NewOrganisationAsync(params string[] scopes)
    {
        var key = await app.CreateKeyAsync($"org-{Guid.NewGuid():N}"[..20], scopes);
        return (app.CreateClientWithKey(key.Key), key.OrganisationId!.Value);
    }

    private static HttpRequestMessage WithSharedSecret(HttpMethod method, string url, string secret)
    {
        var request = new HttpRequestMessage(method, url);
        request.Headers.Add("X-Shared-Secret", secret);
        return request;
    }

    private static string? FileName(HttpResponseMessage response) =>
        response.Content.Headers.ContentDisposition is { } disposition
            ? (disposition.FileNameStar ?? disposition.FileName)?.Trim('"')
            : null;

    internal static string Text(byte[] pdf)
    {
        using var document = PdfDocument.Open(pdf);
        return string.Join('\n', document.GetPages().Select(p => p.Text));
    }
}
