using System.Net;
using ParseJobs.Api.Auth;
using ParseJobs.Api.Hosting;
using ParseJobs.Api.Tests.Infrastructure;

namespace ParseJobs.Api.Tests.Hosting;

[Collection(ApiCollection.Name)]
public sealed class HostingTests(ParseJobsAppFactory app)
{
    [Theory]
    [InlineData("/health/live")]
    [InlineData("/health/ready")]
    public async Task Health_IsHealthy_WithoutKey(string url)
    {
        using var client = app.CreateClient();

        using var response = await client.GetAsync(url);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task Swagger_DescribesTheApiWithAuth()
    {
        using var client = app.CreateClient();

        var document = await client.GetStringAsync("/swagger/v1/swagger.json");

        Assert.Contains("/v1/parse", document, StringComparison.Ordinal);
        Assert.Contains("/v1/jobs/{id}/resubmit", document, StringComparison.Ordinal);
        Assert.Contains("X-API-Key", document, StringComparison.Ordinal);
    }

    [Fact]
    public async Task UnknownRoute_IsProblemDetailsWithRequestId()
    {
        using var client = await app.CreateClientForNewOrganisationAsync();

        using var response = await client.GetAsync("/v1/nothing-here");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        var problem = await response.ReadJsonAsync();
        Assert.Equal(response.Headers.GetValues(RequestIdMiddleware.HeaderName).Single(), problem.GetProperty("request_id").GetString());
    }

    [Fact]
    public async Task KeysCreateCommand_PrintsAWorkingKeyOnTheLastLine()
    {
        using var output = new StringWriter();
        using var error = new StringWriter();

        var exit = await CommandLine.RunAsync(app.Services, ["keys", "create", "--org", "cli-org", "--scopes", "jobs:read"], output, error);

        Assert.Equal(0, exit);
        var key = output.ToString().TrimEnd().Split('\n')[^1].Trim();
        Assert.StartsWith(ApiKeySecret.KeyPrefix, key, StringComparison.Ordinal);
        using var client = app.CreateClientWithKey(key);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/v1/jobs")).StatusCode);

        using var listOutput = new StringWriter();
        Assert.Equal(0, await CommandLine.RunAsync(app.Services, ["keys", "list", "--org", "cli-org"], listOutput, error));
        Assert.DoesNotContain(key, listOutput.ToString(), StringComparison.Ordinal);
        Assert.Contains("cli-org", listOutput.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task KeysCreateCommand_Fails_WhenScopeIsUnknown()
    {
        using var output = new StringWriter();
        using var error = new StringWriter();

        var exit = await CommandLine.RunAsync(app.Services, ["keys", "create", "--org", "x", "--scopes", "everything"], output, error);

        Assert.Equal(2, exit);
        Assert.Contains("everything", error.ToString(), StringComparison.Ordinal);
    }
}
