using System.Net;
using Microsoft.EntityFrameworkCore;
using ParseJobs.Api.Auth;
using ParseJobs.Api.Persistence;
using ParseJobs.Api.Tests.Infrastructure;
using ParseJobs.Api.Tests.Samples;

namespace ParseJobs.Api.Tests.Auth;

[Collection(ApiCollection.Name)]
public sealed class AuthTests(ParseJobsAppFactory app)
{
    [Fact]
    public async Task Request_Returns401WithProblem_WhenNoKeyIsSent()
    {
        using var client = app.CreateClient();

        using var response = await client.GetAsync("/v1/jobs");

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Contains("No API key", (await response.ReadJsonAsync()).GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("sk_live_notarealkeynotarealkeynotarealkey1234")]
    [InlineData("garbage")]
    public async Task Request_Returns401_WhenKeyIsInvalid(string key)
    {
        using var client = app.CreateClientWithKey(key);

        using var response = await client.GetAsync("/v1/jobs");

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task Request_Returns401_WhenKeyDiffersFromAStoredKeyInItsLastCharacter()
    {
        var created = await app.CreateKeyAsync("near-miss", Scopes.JobsRead);
        var last = created.Key[^1];
        using var client = app.CreateClientWithKey(created.Key[..^1] + (last == 'a' ? 'b' : 'a'));

        using var response = await client.GetAsync("/v1/jobs");

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task Request_Succeeds_WithXApiKeyHeader()
    {
        var created = await app.CreateKeyAsync("header-org", Scopes.JobsRead);
        using var client = app.CreateClient();
        client.DefaultRequestHeaders.Add("X-API-Key", created.Key);

        using var response = await client.GetAsync("/v1/jobs");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task Request_Returns401_WhenKeyIsRevoked()
    {
        var created = await app.CreateKeyAsync("revoked-org", Scopes.JobsRead);
        using var client = app.CreateClientWithKey(created.Key);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/v1/jobs")).StatusCode);

        using (var scope = app.Services.CreateScope())
        {
            await scope.ServiceProvider.GetRequiredService<ApiKeyAdmin>().RevokeAsync(created.KeyId.ToString(), CancellationToken.None);
        }

        Assert.Equal(HttpStatusCode.Unauthorized, (await client.GetAsync("/v1/jobs")).StatusCode);
    }

    [Fact]
    public async Task Upload_Returns403_WhenKeyLacksWriteScope()
    {
        using var client = await app.CreateClientForNewOrganisationAsync(Scopes.JobsRead);

        using var response = await client.PostFileAsync("/v1/parse", SampleDocuments.Txt(), "cv.txt");

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Contains(Scopes.JobsWrite, (await response.ReadJsonAsync()).GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Read_Returns403_WhenKeyLacksReadScope()
    {
        using var client = await app.CreateClientForNewOrganisationAsync(Scopes.JobsWrite);

        using var response = await client.GetAsync("/v1/jobs");

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }

    [Fact]
    public async Task EveryJobEndpoint_Returns404_WhenJobBelongsToAnotherOrganisation()
    {
        using var owner = await app.CreateClientForNewOrganisationAsync();
        using var other = await app.CreateClientForNewOrganisationAsync();
        var jobId = await owner.UploadAsync(SampleDocuments.Txt(), "cv.txt");
        await owner.WaitForTerminalStatusAsync(jobId);
        var unknown = Guid.NewGuid();

        foreach (var (method, url) in new[]
                 {
                     (HttpMethod.Get, $"/v1/parse/{jobId}/status"), (HttpMethod.Get, $"/v1/parse/{jobId}/results"),
                     (HttpMethod.Get, $"/v1/jobs/{jobId}"), (HttpMethod.Post, $"/v1/jobs/{jobId}/resubmit"), (HttpMethod.Delete, $"/v1/jobs/{jobId}"),
                 })
        {
            using var foreign = await other.SendAsync(new HttpRequestMessage(method, url));
            using var missing = await other.SendAsync(new HttpRequestMessage(method, url.Replace(jobId.ToString(), unknown.ToString(), StringComparison.Ordinal)));
            Assert.Equal(HttpStatusCode.NotFound, foreign.StatusCode);
            Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
            Assert.Equal("Job not found", (await foreign.ReadJsonAsync()).GetProperty("title").GetString());
        }

        var list = await (await other.GetAsync("/v1/jobs")).ReadJsonAsync();
        Assert.DoesNotContain(list.GetProperty("items").EnumerateArray(), j => j.GetProperty("job_id").GetGuid() == jobId);
        Assert.Equal(HttpStatusCode.OK, (await owner.GetAsync($"/v1/jobs/{jobId}")).StatusCode);
    }

    [Fact]
    public async Task Dashboard_IsForbidden_ForOrganisationKeysEvenWithAdminScope()
    {
        using var user = await app.CreateClientForNewOrganisationAsync();
        using var admin = await app.CreateClientForNewOrganisationAsync(Scopes.Admin);

        using var forbidden = await user.GetAsync("/hangfire");
        using var adminForbidden = await admin.GetAsync("/hangfire");

        Assert.Equal(HttpStatusCode.Forbidden, forbidden.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, adminForbidden.StatusCode);
        Assert.Contains("operator", (await adminForbidden.ReadJsonAsync()).GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Request_Returns401SayingHowToSendTheKey_WhenTheBearerSchemeIsMissing()
    {
        var created = await app.CreateKeyAsync("no-bearer", Scopes.JobsRead);
        using var client = app.CreateClient();
        client.DefaultRequestHeaders.TryAddWithoutValidation("Authorization", created.Key);

        using var response = await client.GetAsync("/v1/jobs");

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        var detail = (await response.ReadJsonAsync()).GetProperty("detail").GetString();
        Assert.Contains("without the 'Bearer' scheme", detail, StringComparison.Ordinal);
        Assert.DoesNotContain("No API key was sent", detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Upload_Returns403NamingOnlyTheMissingScope_WhenTheKeyIsReadOnly()
    {
        using var reader = await app.CreateClientForNewOrganisationAsync(Scopes.JobsRead);

        using var response = await reader.PostFileAsync("/v1/parse", SampleDocuments.Txt(), "cv.txt");

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        var detail = (await response.ReadJsonAsync()).GetProperty("detail").GetString();
        Assert.Contains("lacks the scope jobs:write", detail, StringComparison.Ordinal);
        Assert.DoesNotContain("jobs:read", detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ApiKey_IsStoredOnlyAsHash()
    {
        var created = await app.CreateKeyAsync($"org-{Guid.NewGuid():N}"[..20], Scopes.JobsRead);

        // Read the stored row back: only the SHA-256 of the key and its non-secret prefix are there.
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ParseJobsDbContext>();
        var row = await db.ApiKeys.AsNoTracking().SingleAsync(k => k.Id == created.KeyId);
        Assert.Equal(ApiKeySecret.Hash(created.Key), row.Hash);
        Assert.Equal(32, row.Hash.Length);
        Assert.True(row.Prefix.Length < created.Key.Length - 16, "the prefix must not carry the secret part");
        Assert.True(ApiKeySecret.Matches(created.Key, row.Hash));
        Assert.False(ApiKeySecret.Matches(created.Key + "x", row.Hash));
    }
}
