using System.Net;
using System.Text;
using ParseJobs.Api.Auth;
using ParseJobs.Api.Tests.Infrastructure;

namespace ParseJobs.Api.Tests.Hosting;

/// <summary>The real host on Kestrel (body limits are Kestrel's): a small server-wide limit, raised per upload endpoint.</summary>
public sealed class KestrelAppFactory : ParseJobsAppFactory
{
    public KestrelAppFactory() => UseKestrel(0);
}

// Its own host: run after the parallel collections, so that it adds no load to the timing-sensitive chaos tests.
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class KestrelCollection : ICollectionFixture<KestrelAppFactory>
{
    public const string Name = "kestrel";
}

[Collection(KestrelCollection.Name)]
public sealed class UploadLimitTests(KestrelAppFactory app)
{
    private const int Megabyte = 1024 * 1024;

    [Fact]
    public async Task Upload_IsAccepted_AboveTheServerDefaultWithinTheEndpointLimit()
    {
        using var client = await app.CreateClientForNewOrganisationAsync();

        using var response = await client.PostFileAsync("/v1/parse", Text((3 * Megabyte) / 2), "cv.txt");

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
    }

    [Fact]
    public async Task Upload_Returns413NamingTheEndpointLimit_WhenTheBodyExceedsIt()
    {
        using var client = await app.CreateClientForNewOrganisationAsync();
        // The client waits for "100 Continue" before sending the body, as curl does for large uploads: the 413 comes
        // back at once instead of a broken pipe halfway through the body.
        client.DefaultRequestHeaders.ExpectContinue = true;

        using var response = await client.PostFileAsync("/v1/parse", Text(4 * Megabyte), "cv.txt");

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Contains("/v1/parse accepts files of at most 2 MB", (await response.ReadJsonAsync()).GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task FormEndpointWithoutUploadLimit_Returns413_AboveTheServerDefault()
    {
        using var client = app.CreateClient();
        using var form = new FormUrlEncodedContent([new KeyValuePair<string, string>("key", new string('k', (3 * Megabyte) / 2))]);

        using var response = await client.PostAsync(OperatorLogin.LoginPath, form);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Contains("accepts at most 1024 KB", (await response.ReadJsonAsync()).GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    private static byte[] Text(int bytes)
    {
        var line = Encoding.ASCII.GetBytes("Jane Doe, software engineer in Berlin.\n");
        var content = new byte[bytes];
        for (var i = 0; i < bytes; i++)
        {
            content[i] = line[i % line.Length];
        }

        return content;
    }
}
