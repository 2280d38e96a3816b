using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.Logging.Abstractions;
using ParseJobs.Api.Tests.Infrastructure;
using ParseJobs.Extraction.Isolation;
using ParseJobs.Extraction.Parsing;

namespace ParseJobs.Api.Tests.Parsers;

/// <summary>The real host whose parser children misbehave on request (tests/ParseJobs.TestParser).</summary>
public sealed class ChaosAppFactory : ParseJobsAppFactory
{
    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureTestServices(services => services.AddSingleton<IDocumentParser>(new ParserProcessPool(new ParserProcessOptions
        {
            FileName = Environment.ProcessPath is { } path && Path.GetFileNameWithoutExtension(path) == "dotnet" ? path : "dotnet",
            Arguments = [Path.Combine(AppContext.BaseDirectory, "ParseJobs.TestParser.dll")],
            PoolSize = 2,
            // Covers a child's cold start on a loaded CI machine (2 s timed good documents out in the full suite).
            ParseTimeout = TimeSpan.FromSeconds(5),
            MemoryLimitMb = 128,
        }, NullLogger.Instance)));
    }
}

[CollectionDefinition(Name)]
public sealed class ChaosCollection : ICollectionFixture<ChaosAppFactory>
{
    public const string Name = "chaos";
}

[Collection(ChaosCollection.Name)]
public sealed class ChaosParserTests(ChaosAppFactory app)
{
    [Theory]
    [InlineData("hang", ParseErrorCodes.ParseTimeout)]
    [InlineData("crash", ParseErrorCodes.ParserCrashed)]
    [InlineData("stackoverflow", ParseErrorCodes.ParserCrashed)]
    [InlineData("oom", ParseErrorCodes.ParserOutOfMemory)]
    public async Task Job_FailsWithClearCode_WhenTheParserMisbehaves_AndTheWorkerKeepsWorking(string behaviour, string expectedCode)
    {
        using var client = await app.CreateClientForNewOrganisationAsync();

        var bad = await client.UploadAsync(Encoding.UTF8.GetBytes(behaviour), "cv.txt");
        var badStatus = await client.WaitForTerminalStatusAsync(bad);
        var good = await client.UploadAsync(Encoding.UTF8.GetBytes("Jane Doe\njane@example.com"), "cv.txt");
        var goodStatus = await client.WaitForTerminalStatusAsync(good);

        Assert.Equal("failed", badStatus.GetProperty("status").GetString());
        Assert.Equal(expectedCode, badStatus.GetProperty("error").GetProperty("code").GetString());
        Assert.Equal("completed", goodStatus.GetProperty("status").GetString());
    }

    [Fact]
    public async Task CvJob_CompletesWithExtractionPartial_WhenTheExtractorThrowsInTheChild()
    {
        // Issue 9's rule holds where the extraction now runs: a reader's bug empties the profile, it fails no job.
        using var client = await app.CreateClientForNewOrganisationAsync();
        var id = await client.UploadAsync("cvbug"u8.ToArray(), "cv.txt");

        var status = await client.WaitForTerminalStatusAsync(id);
        var results = await client.GetFromJsonAsync<JsonElement>($"/v1/parse/{id}/results");

        Assert.Equal("completed", status.GetProperty("status").GetString());
        Assert.Contains(results.GetProperty("meta").GetProperty("warnings").EnumerateArray(), w => w.GetProperty("code").GetString() == "EXTRACTION_PARTIAL");
        Assert.Equal(JsonValueKind.Object, results.GetProperty("data").ValueKind);
    }

    [Fact]
    public async Task Status_ShowsPageProgress_WhileTheDocumentIsParsed()
    {
        using var client = await app.CreateClientForNewOrganisationAsync();
        var jobId = await client.UploadAsync("slow:10:150"u8.ToArray(), "cv.txt");

        var seen = new HashSet<int>();
        var deadline = DateTime.UtcNow.AddSeconds(60);
        JsonElement status;
        do
        {
            Assert.True(DateTime.UtcNow < deadline, $"Job {jobId} did not end within 60 s.");
            status = await client.GetFromJsonAsync<JsonElement>($"/v1/parse/{jobId}/status");
            if (status.GetProperty("progress").GetProperty("processed_pages") is { ValueKind: JsonValueKind.Number } processed)
            {
                seen.Add(processed.GetInt32());
            }

            await Task.Delay(50);
        }
        while (status.GetProperty("status").GetString() is "pending" or "running");

        Assert.Equal("completed", status.GetProperty("status").GetString());
        Assert.Contains(seen, p => p is > 0 and < 10);
        Assert.Equal(10, status.GetProperty("progress").GetProperty("processed_pages").GetInt32());
    }
}
