using System.Net;
using System.Net.Http.Json;
using ParseJobs.Api.Ats.Connections;
using ParseJobs.Api.Ats.Hr4You;
using ParseJobs.Api.Auth;
using ParseJobs.Api.Tests.Infrastructure;

namespace ParseJobs.Api.Tests.Ats.Connections;

/// <summary><c>/v1/admin/ats-connections/hr4you</c> through the real host: an admin key manages its own organisation's
/// connection only, and no answer carries the base URL or the token.</summary>
[Collection(ApiCollection.Name)]
public sealed class AtsConnectionEndpointTests(ParseJobsAppFactory app)
{
    private const string Path = AtsConnectionEndpoints.Hr4YouPath;
    private const string Token = "admin-token-8c6e4a2f0d";
    private const string BaseUrl = "https://acme-admin.hr4you.example/api/";

    [Fact]
    public async Task Put_Creates201_ThenReplaces200_AndGetAndDeleteFollow()
    {
        var (client, organisationId) = await AdminAsync();

        var created = await client.PutAsJsonAsync(Path, new { baseUrl = BaseUrl, token = Token });
        var replaced = await client.PutAsJsonAsync(Path, new { baseUrl = "https://other.hr4you.example/", token = "replacement-token" });
        var read = await client.GetAsync(Path);
        var stored = await ConnectionAsync(organisationId);
        var deleted = await client.DeleteAsync(Path);
        var readAfter = await client.GetAsync(Path);
        var deletedAgain = await client.DeleteAsync(Path);

        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        Assert.Equal(Path, created.Headers.Location?.OriginalString);
        var body = await created.ReadJsonAsync();
        Assert.Equal("hr4you", body.GetProperty("system").GetString());
        Assert.True(body.GetProperty("configured").GetBoolean());
        Assert.True(body.TryGetProperty("updatedAt", out _));
        Assert.Equal(HttpStatusCode.OK, replaced.StatusCode);
        Assert.Equal(HttpStatusCode.OK, read.StatusCode);
        Assert.True((await read.ReadJsonAsync()).GetProperty("configured").GetBoolean());
        Assert.Equal(new Hr4YouConnection(new Uri("https://other.hr4you.example/"), "replacement-token"), stored);
        Assert.Equal(HttpStatusCode.NoContent, deleted.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, readAfter.StatusCode);
        Assert.Contains("ats connect", (await readAfter.ReadJsonAsync()).GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, deletedAgain.StatusCode);
        foreach (var response in new[] { created, replaced, read })
        {
            var text = await response.Content.ReadAsStringAsync();
            Assert.DoesNotContain(Token, text, StringComparison.Ordinal);
            Assert.DoesNotContain("replacement-token", text, StringComparison.Ordinal);
            Assert.DoesNotContain("hr4you.example", text, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task AnotherOrganisation_NeitherReadsNorDeletesTheConnection()
    {
        var (owner, ownerId) = await AdminAsync();
        var (other, _) = await AdminAsync();
        Assert.Equal(HttpStatusCode.Created, (await owner.PutAsJsonAsync(Path, new { baseUrl = BaseUrl, token = Token })).StatusCode);

        var read = await other.GetAsync(Path);
        var deleted = await other.DeleteAsync(Path);

        Assert.Equal(HttpStatusCode.NotFound, read.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, deleted.StatusCode);
        Assert.Equal(Token, (await ConnectionAsync(ownerId))?.Token);
        Assert.Equal(HttpStatusCode.OK, (await owner.GetAsync(Path)).StatusCode);
    }

    [Fact]
    public async Task Endpoints_Answer401WithoutKey_And403WithoutAdminScope()
    {
        using var anonymous = app.CreateClient();
        using var reader = await app.CreateClientForNewOrganisationAsync(Scopes.JobsRead, Scopes.ProjectsRead, Scopes.AtsCreatePdf);

        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.PutAsJsonAsync(Path, new { baseUrl = BaseUrl, token = Token })).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.GetAsync(Path)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await reader.PutAsJsonAsync(Path, new { baseUrl = BaseUrl, token = Token })).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await reader.GetAsync(Path)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await reader.DeleteAsync(Path)).StatusCode);
    }

    [Theory]
    [InlineData("""{"token": "t0k3n"}""", "baseUrl")]
    [InlineData("""{"baseUrl": "not a url", "token": "t0k3n"}""", "baseUrl")]
    [InlineData("""{"baseUrl": "file:///etc/passwd", "token": "t0k3n"}""", "baseUrl")]
    [InlineData("""{"baseUrl": "https://hr4you.example/?token=t0k3n", "token": "t0k3n"}""", "baseUrl")]
    [InlineData("""{"baseUrl": "https://hr4you.example/"}""", "token")]
    [InlineData("""{"baseUrl": "https://hr4you.example/", "token": "line\nbreak"}""", "token")]
    [InlineData("""{}""", "baseUrl,token")]
    public async Task Put_Answers422WithTheFields_WhenTheInputIsInvalid(string json, string fields)
    {
        var (client, organisationId) = await AdminAsync();

        var response = await client.PutAsync(Path, new StringContent(json, System.Text.Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var errors = (await response.ReadJsonAsync()).GetProperty("errors");
        Assert.Equal(fields.Split(','), errors.EnumerateObject().Select(e => e.Name).Order(StringComparer.Ordinal), StringComparer.Ordinal);
        Assert.DoesNotContain("t0k3n", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Null(await ConnectionAsync(organisationId));
    }

    [Fact]
    public async Task Put_Answers4xxNot5xx_WhenTheBodyIsNotJson()
    {
        var (client, _) = await AdminAsync();

        var response = await client.PutAsync(Path, new StringContent("{not json", System.Text.Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Fact]
    public async Task PutWithVerify_Answers422AndStoresNothing_WhenHr4YouRefusesTheToken_AndStoresAVerifiedOne()
    {
        await using var hr4you = await FakeHr4YouServer.StartAsync();
        var (client, organisationId) = await AdminAsync();

        var refused = await client.PutAsJsonAsync($"{Path}?verify=true", new { baseUrl = hr4you.BaseUrl.ToString(), token = "wrong-token-4d2b" });
        var nothing = await ConnectionAsync(organisationId);
        var accepted = await client.PutAsJsonAsync($"{Path}?verify=true", new { baseUrl = hr4you.BaseUrl.ToString(), token = FakeHr4YouServer.Token });
        var tested = await client.PostAsync($"{Path}/test", null);

        Assert.Equal(HttpStatusCode.UnprocessableEntity, refused.StatusCode);
        var problem = await refused.ReadJsonAsync();
        Assert.Equal("HR4YOU_TOKEN_REFUSED", problem.GetProperty("code").GetString());
        Assert.Contains("refused the API token", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Null(nothing);
        Assert.Equal(HttpStatusCode.Created, accepted.StatusCode);
        Assert.True((await accepted.ReadJsonAsync()).GetProperty("verified").GetBoolean());
        Assert.Equal(HttpStatusCode.OK, tested.StatusCode);
        Assert.True((await tested.ReadJsonAsync()).GetProperty("verified").GetBoolean());
        Assert.Equal(3, hr4you.CountRequests($"/consultants/{Hr4YouConnectionCheck.ProbeConsultantId}")); // one call per check, no retries
        Assert.False(app.Logs.Contains(FakeHr4YouServer.Token));
        Assert.False(app.Logs.Contains("wrong-token-4d2b"));
    }

    [Fact]
    public async Task Test_Answers404_WithoutAConnection()
    {
        var (client, _) = await AdminAsync();

        var response = await client.PostAsync($"{Path}/test", null);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("ATS_CONNECTION_NOT_FOUND", (await response.ReadJsonAsync()).GetProperty("code").GetString());
    }

    private async Task<(HttpClient Client, Guid OrganisationId)> AdminAsync()
    {
        var key = await app.CreateKeyAsync($"adm-{Guid.NewGuid():N}"[..20], Scopes.Admin);
        return (app.CreateClientWithKey(key.Key), key.OrganisationId!.Value);
    }

    private async Task<Hr4YouConnection?> ConnectionAsync(Guid organisationId)
    {
        await using var scope = app.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<AtsConnectionStore>().GetHr4YouAsync(organisationId, CancellationToken.None);
    }
}
