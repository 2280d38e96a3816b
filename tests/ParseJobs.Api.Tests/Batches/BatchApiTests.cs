using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using ParseJobs.Api.Auth;
using ParseJobs.Api.Tests.Infrastructure;

namespace ParseJobs.Api.Tests.Batches;

/// <summary>The batch routes' contract: validation in the error envelope, auth, tenants, pagination, partial results.</summary>
[Collection(BatchCollection.Name)]
public sealed class BatchApiTests(BatchAppFactory app)
{
    private static readonly byte[] OneCv = BatchRequests.Zip(("a.txt", BatchRequests.TextCv("Ida Valid")));

    public static TheoryData<string, string?, bool, string?, string, string> InvalidSubmissions => new()
    {
        // case, input_type, with file, description, extra field name=value ("" for none), the field named in details
        { "no input type", null, true, BatchRequests.Description, "", "input_type" },
        { "unknown input type", "FTP_SERVER", true, BatchRequests.Description, "", "input_type" },
        { "no description", "ZIP_FILE", true, null, "", "job_description_text" },
        { "description too short", "ZIP_FILE", true, "Dev", "", "job_description_text" },
        { "metadata not an object", "ZIP_FILE", true, BatchRequests.Description, "metadata_json=[1,2]", "metadata_json" },
        { "metadata not json", "ZIP_FILE", true, BatchRequests.Description, "metadata_json={oops", "metadata_json" },
        { "zip without its file", "ZIP_FILE", false, BatchRequests.Description, "", "candidate_source_file" },
        { "zip with a config", "ZIP_FILE", true, BatchRequests.Description, "source_config_json={\"a\":1}", "source_config_json" },
        { "job id with a newline", "ZIP_FILE", true, BatchRequests.Description, "job_id=a\nb", "job_id" },
    };

    [Theory]
    [MemberData(nameof(InvalidSubmissions))]
    public async Task Submit_Answers400InvalidInput_NamingTheField(string @case, string? inputType, bool withFile, string? description, string extra, string field)
    {
        using var client = await app.BatchClientAsync();
        var fields = extra.Length == 0 ? [] : new[] { (extra[..extra.IndexOf('=', StringComparison.Ordinal)], extra[(extra.IndexOf('=', StringComparison.Ordinal) + 1)..]) };
        using var form = BatchRequests.Form(inputType, withFile ? OneCv : null, description, fields);

        using var response = await client.PostAsync("/api/v1/batch-jobs", form);

        var error = await response.ErrorAsync(HttpStatusCode.BadRequest);
        Assert.True(error.GetProperty("code").GetString() == "INVALID_INPUT", @case);
        Assert.Equal(field, error.GetProperty("details").GetProperty("field").GetString());
        Assert.True(error.GetProperty("details").TryGetProperty("expected", out _), @case);
        Assert.False(string.IsNullOrEmpty(error.GetProperty("message").GetString()));
    }

    [Fact]
    public async Task Submit_ListsTheInputTypes_WhenInputTypeIsMissing()
    {
        using var client = await app.BatchClientAsync();
        using var form = BatchRequests.Form(null, OneCv);

        using var response = await client.PostAsync("/api/v1/batch-jobs", form);

        var error = await response.ErrorAsync(HttpStatusCode.BadRequest);
        Assert.Equal("The 'input_type' field is required", error.GetProperty("message").GetString());
        Assert.Contains("zip_file", error.GetProperty("details").GetProperty("expected").EnumerateArray().Select(e => e.GetString()!), StringComparer.Ordinal);
    }

    [Theory]
    [InlineData("zip_file")]
    [InlineData("Zip_File")]
    [InlineData("ZIP_FILE")]
    public async Task Submit_AcceptsTheInputTypeInAnyCase(string inputType)
    {
        using var client = await app.BatchClientAsync();
        using var form = BatchRequests.Form(inputType, OneCv);

        using var response = await client.PostAsync("/api/v1/batch-jobs", form);

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        var body = await response.ReadJsonAsync();
        Assert.Equal("pending", body.GetProperty("status").GetString());
        Assert.True(body.GetProperty("user_id").GetInt64() > 0);
        Assert.EndsWith($"/api/v1/batch-jobs/{body.GetProperty("batch_job_id").GetGuid()}/status", response.Headers.Location!.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Submit_Answers413WithTheEndpointsLimit_ForAnOversizeFile()
    {
        using var client = await app.BatchClientAsync();
        using var form = BatchRequests.Form("ZIP_FILE", new byte[(int)(1.5 * 1024 * 1024)]);

        using var response = await client.PostAsync("/api/v1/batch-jobs", form);

        var error = await response.ErrorAsync(HttpStatusCode.RequestEntityTooLarge);
        Assert.Contains("1 MB", error.GetProperty("message").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Routes_Answer401InTheEnvelope_WithoutAKey_And403_WithoutTheScope()
    {
        using var anonymous = app.CreateClient();
        using var jobsOnly = await app.CreateClientForNewOrganisationAsync(Scopes.JobsRead, Scopes.JobsWrite);
        using var readOnly = await app.CreateClientForNewOrganisationAsync(Scopes.BatchesRead);

        using var noKey = await anonymous.GetAsync($"/api/v1/batch-jobs/{Guid.NewGuid()}/status");
        using var noScope = await jobsOnly.GetAsync($"/api/v1/batch-jobs/{Guid.NewGuid()}/results");
        using var form = BatchRequests.Form("ZIP_FILE", OneCv);
        using var noWrite = await readOnly.PostAsync("/api/v1/batch-jobs", form);

        Assert.Equal("UNAUTHORIZED", (await noKey.ErrorAsync(HttpStatusCode.Unauthorized)).GetProperty("code").GetString());
        Assert.Equal("FORBIDDEN", (await noScope.ErrorAsync(HttpStatusCode.Forbidden)).GetProperty("code").GetString());
        Assert.Equal("FORBIDDEN", (await noWrite.ErrorAsync(HttpStatusCode.Forbidden)).GetProperty("code").GetString());
    }

    [Fact]
    public async Task Submit_AcceptsTheXApiKeyHeader()
    {
        var key = await app.CreateKeyAsync($"xkey-{Guid.NewGuid():N}"[..20], Scopes.BatchesRead, Scopes.BatchesWrite);
        using var client = app.CreateClient();
        client.DefaultRequestHeaders.Add(ApiKeyAuthenticationHandler.HeaderName, key.Key);
        using var form = BatchRequests.Form("ZIP_FILE", OneCv);

        using var response = await client.PostAsync("/api/v1/batch-jobs", form);

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
    }

    [Fact]
    public async Task AnotherOrganisationsBatch_Is404InTheEnvelope()
    {
        using var owner = await app.BatchClientAsync();
        using var other = await app.BatchClientAsync();
        var id = await owner.SubmitZipAsync(OneCv);

        using var status = await other.GetAsync($"/api/v1/batch-jobs/{id}/status");
        using var results = await other.GetAsync($"/api/v1/batch-jobs/{id}/results");
        using var unknown = await owner.GetAsync($"/api/v1/batch-jobs/{Guid.NewGuid()}/status");

        Assert.Equal("NOT_FOUND", (await status.ErrorAsync(HttpStatusCode.NotFound)).GetProperty("code").GetString());
        Assert.Equal("NOT_FOUND", (await results.ErrorAsync(HttpStatusCode.NotFound)).GetProperty("code").GetString());
        Assert.Equal("NOT_FOUND", (await unknown.ErrorAsync(HttpStatusCode.NotFound)).GetProperty("code").GetString());
    }

    [Fact]
    public async Task Results_PageThroughTheRankedList_AndFilterByMinScore()
    {
        using var client = await app.BatchClientAsync();
        var names = new[] { "Jana Alpha", "Karl Beta", "Lena Gamma", "Marc Delta", "Nina Epsilon", "Omar Zeta", "Paula Eta" };
        var zip = BatchRequests.Zip([.. names.Select(n => ($"{n}.txt", BatchRequests.TextCv(n))), ("logo.png", Samples.SampleDocuments.Png())]);
        var id = await client.SubmitZipAsync(zip);
        await client.WaitForBatchAsync(id);

        var all = Items(await client.ResultsAsync(id, "?limit=500"));
        var paged = new List<JsonElement>();
        for (var skip = 0; skip < 9; skip += 3)
        {
            var page = await client.ResultsAsync(id, $"?skip={skip}&limit=3");
            Assert.Equal(8, page.GetProperty("summary_stats").GetProperty("total_candidates").GetInt32()); // the whole batch on every page
            paged.AddRange(Items(page));
        }

        Assert.Equal(8, all.Count);
        Assert.Equal(all.Select(Name), paged.Select(Name), StringComparer.Ordinal);
        Assert.Equal("logo.png", Name(all[^1])); // errors after the scored ones
        var scores = all.Take(7).Select(Score).ToList();
        Assert.Equal(scores.OrderDescending(), scores);
        var threshold = scores[3];
        var filtered = Items(await client.ResultsAsync(id, $"?min_score={threshold.ToString(System.Globalization.CultureInfo.InvariantCulture)}"));
        Assert.Equal(scores.Count(s => s >= threshold), filtered.Count);
        Assert.All(filtered, i => Assert.True(Score(i) >= threshold));
        var first = Items(await client.ResultsAsync(id));
        Assert.Equal(8, first.Count); // default limit 100
    }

    [Theory]
    [InlineData("?limit=0", "limit")]
    [InlineData("?limit=501", "limit")]
    [InlineData("?limit=ten", "limit")]
    [InlineData("?skip=-1", "skip")]
    [InlineData("?min_score=101", "min_score")]
    [InlineData("?min_score=NaN", "min_score")]
    public async Task Results_Answer400InvalidInput_ForBadPaging(string query, string field)
    {
        using var client = await app.BatchClientAsync();
        var id = await client.SubmitZipAsync(OneCv);

        using var response = await client.GetAsync($"/api/v1/batch-jobs/{id}/results{query}");

        var error = await response.ErrorAsync(HttpStatusCode.BadRequest);
        Assert.Equal(("INVALID_INPUT", field), (error.GetProperty("code").GetString(), error.GetProperty("details").GetProperty("field").GetString()));
    }

    [Fact]
    public async Task Results_ShowTheCandidatesFinishedSoFar_WhileTheBatchRuns()
    {
        using var client = await app.BatchClientAsync();
        // Chunks of two: the held CV keeps its chunk (and the batch) running; the other chunk ends.
        var zip = BatchRequests.Zip(("held.txt", BatchRequests.TextCv("Quinn Held", ParserGate.HoldMarker, Guid.NewGuid().ToString())),
            ("after-held.txt", BatchRequests.TextCv("Rita After", Guid.NewGuid().ToString())),
            ("free-1.txt", BatchRequests.TextCv("Sven Free", Guid.NewGuid().ToString())),
            ("free-2.txt", BatchRequests.TextCv("Tara Free", Guid.NewGuid().ToString())));
        app.Gate.Hold();
        var id = await client.SubmitZipAsync(zip);
        try
        {
            var deadline = DateTime.UtcNow.AddSeconds(60);
            JsonElement status;
            do
            {
                await Task.Delay(50);
                status = await client.GetFromJsonAsync<JsonElement>($"/api/v1/batch-jobs/{id}/status");
            }
            while (status.GetProperty("processed_candidates").GetInt32() < 2 && DateTime.UtcNow < deadline);

            var partial = await client.ResultsAsync(id);

            Assert.Equal(("processing", 4), (status.GetProperty("status").GetString(), status.GetProperty("total_candidates").GetInt32()));
            Assert.Equal(50.0, status.GetProperty("progress_percentage").GetDouble());
            Assert.Equal("processing", partial.GetProperty("status").GetString());
            Assert.Equal(["free-1.txt", "free-2.txt"], Items(partial).Select(Name).Order(StringComparer.Ordinal).ToArray());
        }
        finally
        {
            app.Gate.Release();
        }

        Assert.Equal("completed", (await client.WaitForBatchAsync(id)).GetProperty("status").GetString());
        Assert.Equal(4, Items(await client.ResultsAsync(id)).Count);
    }

    [Fact]
    public async Task Sync_Answers200WithEveryResult_ForASmallBatch()
    {
        using var client = await app.BatchClientAsync();
        using var form = BatchRequests.Form("ZIP_FILE", BatchRequests.Zip(("u.txt", BatchRequests.TextCv("Uwe Sync")), ("v.png", Samples.SampleDocuments.Png())),
            BatchRequests.Description, ("timeout", "60"));

        using var response = await client.PostAsync("/api/v1/batch-jobs/sync", form);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = await response.ReadJsonAsync();
        Assert.Equal("completed", body.GetProperty("status").GetString());
        Assert.Equal(["u.txt", "v.png"], Items(body).Select(Name).ToArray());
        Assert.Equal(1, body.GetProperty("summary_stats").GetProperty("successful_matches").GetInt32());
    }

    [Fact]
    public async Task Sync_Answers413WithAHint_ForMoreThan100Candidates()
    {
        using var client = await app.BatchClientAsync();
        var zip = BatchRequests.Zip([.. Enumerable.Range(0, 101).Select(i => ($"c{i}.txt", BatchRequests.TextCv($"Many {i}")))]);
        using var form = BatchRequests.Form("ZIP_FILE", zip);

        using var response = await client.PostAsync("/api/v1/batch-jobs/sync", form);

        var error = await response.ErrorAsync(HttpStatusCode.RequestEntityTooLarge);
        Assert.Equal("TOO_MANY_CANDIDATES", error.GetProperty("code").GetString());
        Assert.Contains("POST /api/v1/batch-jobs", error.GetProperty("message").GetString(), StringComparison.Ordinal);
        await using var db = app.CreateDb();
        var organisationId = await OrganisationOfAsync(client);
        Assert.False(await db.Jobs.AnyAsync(j => j.OrganisationId == organisationId), "no batch was created");
    }

    [Fact]
    public async Task Sync_Answers202WithTheBatchId_WhenTheTimeoutPasses_AndTheBatchGoesOn()
    {
        using var client = await app.BatchClientAsync();
        using var form = BatchRequests.Form("ZIP_FILE", BatchRequests.Zip(("slow.txt", BatchRequests.TextCv("Vera Slow", ParserGate.HoldMarker, Guid.NewGuid().ToString()))),
            BatchRequests.Description, ("timeout", "1"));
        Guid id;
        app.Gate.Hold();
        try
        {
            using var response = await client.PostAsync("/api/v1/batch-jobs/sync", form);

            Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
            var body = await response.ReadJsonAsync();
            id = body.GetProperty("batch_job_id").GetGuid();
            Assert.Contains(body.GetProperty("status").GetString()!, new[] { "pending", "processing" }, StringComparer.Ordinal);
        }
        finally
        {
            app.Gate.Release();
        }

        Assert.Equal("completed", (await client.WaitForBatchAsync(id)).GetProperty("status").GetString());
    }

    [Theory]
    [InlineData("0")]
    [InlineData("601")]
    [InlineData("soon")]
    public async Task Sync_Answers400_ForABadTimeout(string timeout)
    {
        using var client = await app.BatchClientAsync();
        using var form = BatchRequests.Form("ZIP_FILE", OneCv, BatchRequests.Description, ("timeout", timeout));

        using var response = await client.PostAsync("/api/v1/batch-jobs/sync", form);

        Assert.Equal("timeout", (await response.ErrorAsync(HttpStatusCode.BadRequest)).GetProperty("details").GetProperty("field").GetString());
    }

    private static List<JsonElement> Items(JsonElement results) => [.. results.GetProperty("processed_items").EnumerateArray()];

    private static string Name(JsonElement item) => item.GetProperty("original_filename").GetString()!;

    private static double Score(JsonElement item) => item.GetProperty("match_score").GetProperty("overall_score").GetDouble();

    private async Task<Guid> OrganisationOfAsync(HttpClient client)
    {
        var key = client.DefaultRequestHeaders.Authorization!.Parameter!;
        await using var db = app.CreateDb();
        var keys = await db.ApiKeys.AsNoTracking().ToListAsync();
        return keys.Single(k => key.Contains(k.Prefix, StringComparison.Ordinal)).OrganisationId!.Value;
    }
}
