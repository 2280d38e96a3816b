using System.Net;
using System.Text.Json;
using ParseJobs.Api.Auth;
using ParseJobs.Api.Tests.Infrastructure;

namespace ParseJobs.Api.Tests.Batches.Analytics;

/// <summary>GET /api/v1/analytics over batches seeded in the real PostgreSQL, through the host.</summary>
[Collection(ApiCollection.Name)]
public sealed class AnalyticsTests(ParseJobsAppFactory app)
{
    private static readonly DateTimeOffset Now = DateTimeOffset.UtcNow;

    [Fact]
    public async Task Analytics_CountsTheBatchesOfEachTimeRange_DefaultMonth()
    {
        var (client, org) = await NewOrganisationAsync();
        foreach (var daysAgo in new[] { 2, 20, 60, 200, 400 })
        {
            await SeededBatches.SeedAsync(app.Services, org, Now.AddDays(-daysAgo), "dev", [SeedCandidate.Scored("a.pdf", 50)]);
        }

        Assert.Equal(1, (await GetAsync(client, "?time_range=WEEK")).GetProperty("total_batches").GetInt32());
        Assert.Equal(2, (await GetAsync(client, "?time_range=month")).GetProperty("total_batches").GetInt32());
        Assert.Equal(3, (await GetAsync(client, "?time_range=Quarter")).GetProperty("total_batches").GetInt32());
        Assert.Equal(4, (await GetAsync(client, "?time_range=YEAR")).GetProperty("total_batches").GetInt32());
        var byDefault = await GetAsync(client, "");
        Assert.Equal("MONTH", byDefault.GetProperty("time_range").GetString());
        Assert.Equal(2, byDefault.GetProperty("total_batches").GetInt32());
        Assert.Equal(2, byDefault.GetProperty("candidates_scored").GetInt32());
    }

    [Fact]
    public async Task Analytics_ComputesScoresBucketsGapsAndTimePerCandidate()
    {
        var (client, org) = await NewOrganisationAsync();
        await SeededBatches.SeedAsync(app.Services, org, Now.AddDays(-1), "backend",
        [
            SeedCandidate.Scored("a.pdf", 95, ("Kubernetes", true), ("Go", false)),
            SeedCandidate.Scored("b.pdf", 85, ("Kubernetes", true), ("Docker", true), ("Go", false)),
            SeedCandidate.Scored("c.docx", 72, ("Go", false)),
            SeedCandidate.Scored("d.txt", 50, ("Kubernetes", true), ("Docker", true), ("Go", false), ("AWS", true)),
            SeedCandidate.Scored("e.pdf", 100),
            SeedCandidate.Scored("f.pdf", 5, ("Go", false)),
            SeedCandidate.Failed("photo.png"),
        ], executionSeconds: 14);

        var body = await GetAsync(client, "?time_range=week");

        Assert.Equal(1, body.GetProperty("total_batches").GetInt32());
        Assert.Equal(1, body.GetProperty("completed_batches").GetInt32());
        Assert.Equal(7, body.GetProperty("candidates_processed").GetInt32());
        Assert.Equal(6, body.GetProperty("candidates_scored").GetInt32());
        Assert.Equal(1, body.GetProperty("candidates_failed").GetInt32());
        Assert.Equal(67.8, body.GetProperty("average_score").GetDouble()); // 407 / 6
        Assert.Equal(4, body.GetProperty("candidates_above_70").GetInt32());
        Assert.Equal(3, body.GetProperty("candidates_above_80").GetInt32());
        Assert.Equal(2, body.GetProperty("candidates_above_90").GetInt32());
        var buckets = body.GetProperty("score_distribution").EnumerateArray().ToList();
        Assert.Equal(10, buckets.Count);
        Assert.Equal("0-10", buckets[0].GetProperty("range").GetString());
        Assert.Equal(90, buckets[9].GetProperty("min").GetInt32());
        Assert.Equal([1, 0, 0, 0, 0, 1, 0, 1, 1, 2], buckets.Select(b => b.GetProperty("count").GetInt32()).ToArray());
        var gaps = body.GetProperty("top_core_skill_gaps").EnumerateArray()
            .Select(g => (g.GetProperty("name").GetString(), g.GetProperty("candidates").GetInt32(), g.GetProperty("percentage").GetDouble())).ToArray();
        Assert.Equal([("Kubernetes", 3, 50.0), ("Docker", 2, 33.3), ("AWS", 1, 16.7)], gaps); // Go is no core skill
        Assert.Equal(2.0, body.GetProperty("average_processing_seconds_per_candidate").GetDouble()); // 14 s / 7
    }

    [Fact]
    public async Task Analytics_FiltersByJobId_AndBreaksDownPerJobId()
    {
        var (client, org) = await NewOrganisationAsync();
        await SeededBatches.SeedAsync(app.Services, org, Now.AddDays(-3), "backend", [SeedCandidate.Scored("a.pdf", 80), SeedCandidate.Scored("b.pdf", 60)], executionSeconds: 4);
        await SeededBatches.SeedAsync(app.Services, org, Now.AddDays(-2), "backend", [SeedCandidate.Scored("c.pdf", 90)], executionSeconds: 2);
        await SeededBatches.SeedAsync(app.Services, org, Now.AddDays(-1), "frontend", [SeedCandidate.Scored("d.pdf", 30)], executionSeconds: 9);
        await SeededBatches.SeedAsync(app.Services, org, Now.AddHours(-1), null, [SeedCandidate.Scored("e.pdf", 10)]);

        var filtered = await GetAsync(client, "?job_filter=backend");
        Assert.Equal("backend", filtered.GetProperty("job_filter").GetString());
        Assert.Equal(2, filtered.GetProperty("total_batches").GetInt32());
        Assert.Equal(3, filtered.GetProperty("candidates_scored").GetInt32());
        Assert.Equal(76.7, filtered.GetProperty("average_score").GetDouble());
        Assert.Equal(2.0, filtered.GetProperty("average_processing_seconds_per_candidate").GetDouble()); // (4 + 2) s / 3
        Assert.Equal("backend", Assert.Single(filtered.GetProperty("by_job_id").EnumerateArray()).GetProperty("job_id").GetString());

        var all = await GetAsync(client, "");
        Assert.Equal(4, all.GetProperty("total_batches").GetInt32());
        Assert.False(all.GetProperty("by_job_id_truncated").GetBoolean());
        var perJob = all.GetProperty("by_job_id").EnumerateArray().ToList();
        // Most recently used first; batches without a job_id under null.
        Assert.Equal("(null),frontend,backend", string.Join(',', perJob.Select(j => j.GetProperty("job_id").GetString() ?? "(null)")));
        var backend = perJob[2];
        Assert.Equal(2, backend.GetProperty("total_batches").GetInt32());
        Assert.Equal(3, backend.GetProperty("candidates_processed").GetInt32());
        Assert.Equal(2, backend.GetProperty("candidates_above_80").GetInt32());
        Assert.Equal(9.0, perJob[1].GetProperty("average_processing_seconds_per_candidate").GetDouble());

        Assert.Equal(0, (await GetAsync(client, "?job_filter=nobody")).GetProperty("total_batches").GetInt32());
    }

    [Fact]
    public async Task Analytics_CountsOnlyTheKeysOrganisation()
    {
        var (owner, ownerOrg) = await NewOrganisationAsync();
        var (other, otherOrg) = await NewOrganisationAsync();
        await SeededBatches.SeedAsync(app.Services, ownerOrg, Now.AddDays(-1), "shared-id", [SeedCandidate.Scored("a.pdf", 90, ("Rust", true))]);
        await SeededBatches.SeedAsync(app.Services, otherOrg, Now.AddDays(-1), "shared-id", [SeedCandidate.Scored("b.pdf", 10, ("Java", true)), SeedCandidate.Scored("c.pdf", 20)]);

        var mine = await GetAsync(owner, "?job_filter=shared-id");
        var theirs = await GetAsync(other, "?job_filter=shared-id");

        Assert.Equal((1, 90.0, "Rust"), (mine.GetProperty("candidates_scored").GetInt32(), mine.GetProperty("average_score").GetDouble(),
            mine.GetProperty("top_core_skill_gaps")[0].GetProperty("name").GetString()));
        Assert.Equal((2, 15.0, "Java"), (theirs.GetProperty("candidates_scored").GetInt32(), theirs.GetProperty("average_score").GetDouble(),
            Assert.Single(theirs.GetProperty("top_core_skill_gaps").EnumerateArray()).GetProperty("name").GetString()));
    }

    [Fact]
    public async Task Analytics_IsZeros_ForAnOrganisationWithoutBatches()
    {
        var (client, _) = await NewOrganisationAsync();

        var body = await GetAsync(client, "?time_range=YEAR");

        foreach (var field in new[] { "total_batches", "completed_batches", "failed_batches", "candidates_processed", "candidates_scored",
                     "candidates_failed", "candidates_above_70", "candidates_above_80", "candidates_above_90" })
        {
            Assert.Equal(0, body.GetProperty(field).GetInt32());
        }

        Assert.Equal(JsonValueKind.Null, body.GetProperty("average_score").ValueKind);
        Assert.Equal(JsonValueKind.Null, body.GetProperty("average_processing_seconds_per_candidate").ValueKind);
        Assert.All(body.GetProperty("score_distribution").EnumerateArray(), b => Assert.Equal(0, b.GetProperty("count").GetInt32()));
        Assert.Equal(10, body.GetProperty("score_distribution").GetArrayLength());
        Assert.Equal(0, body.GetProperty("top_core_skill_gaps").GetArrayLength());
        Assert.Equal(0, body.GetProperty("by_job_id").GetArrayLength());
    }

    [Fact]
    public async Task Analytics_CountsAFailedBatch_WithoutItsTimeInTheAverage()
    {
        var (client, org) = await NewOrganisationAsync();
        await SeededBatches.SeedAsync(app.Services, org, Now.AddDays(-1), "ops", [SeedCandidate.Scored("a.pdf", 40)], executionSeconds: 3);
        await SeededBatches.SeedAsync(app.Services, org, Now.AddDays(-1), "ops", [], executionSeconds: 500, failBatchWith: "The source could not be read.");

        var body = await GetAsync(client, "");

        Assert.Equal((2, 1, 1), (body.GetProperty("total_batches").GetInt32(), body.GetProperty("completed_batches").GetInt32(), body.GetProperty("failed_batches").GetInt32()));
        Assert.Equal(3.0, body.GetProperty("average_processing_seconds_per_candidate").GetDouble());
    }

    [Theory]
    [InlineData("?time_range=DECADE", "time_range", "DECADE")]
    [InlineData("?time_range=7", "time_range", "7")]
    public async Task Analytics_Returns400InvalidInputWithTheExpectedValues_WhenTheRangeIsUnknown(string query, string field, string provided)
    {
        var (client, _) = await NewOrganisationAsync();

        using var response = await client.GetAsync(AnalyticsPath + query);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var error = (await response.ReadJsonAsync()).GetProperty("error");
        Assert.Equal("INVALID_INPUT", error.GetProperty("code").GetString());
        var details = error.GetProperty("details");
        Assert.Equal(field, details.GetProperty("field").GetString());
        Assert.Equal(provided, details.GetProperty("provided").GetString());
        Assert.Equal("WEEK,MONTH,QUARTER,YEAR", string.Join(',', details.GetProperty("expected").EnumerateArray().Select(e => e.GetString())));
    }

    [Fact]
    public async Task Analytics_Returns400_WhenTheJobFilterIsLongerThanAnyJobId()
    {
        var (client, _) = await NewOrganisationAsync();

        using var response = await client.GetAsync($"{AnalyticsPath}?job_filter={new string('j', 257)}");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("job_filter", (await response.ReadJsonAsync()).GetProperty("error").GetProperty("details").GetProperty("field").GetString());
    }

    [Fact]
    public async Task Analytics_Returns401InTheEnvelope_WithoutAKey_And403_WithoutTheBatchesReadScope()
    {
        using var anonymous = app.CreateClient();
        using var jobsOnly = await app.CreateClientForNewOrganisationAsync(Scopes.JobsRead);

        using var unauthorized = await anonymous.GetAsync(AnalyticsPath);
        using var forbidden = await jobsOnly.GetAsync(AnalyticsPath);

        Assert.Equal(HttpStatusCode.Unauthorized, unauthorized.StatusCode);
        Assert.Equal("UNAUTHORIZED", (await unauthorized.ReadJsonAsync()).GetProperty("error").GetProperty("code").GetString());
        Assert.Equal(HttpStatusCode.Forbidden, forbidden.StatusCode);
        Assert.Equal("FORBIDDEN", (await forbidden.ReadJsonAsync()).GetProperty("error").GetProperty("code").GetString());
    }

    private const string AnalyticsPath = "/api/v1/analytics";

    private async Task<(HttpClient Client, Guid OrganisationId)> NewOrganisationAsync()
    {
        var key = await app.CreateKeyAsync($"org-{Guid.NewGuid():N}"[..20], Scopes.BatchesRead);
        return (app.CreateClientWithKey(key.Key), key.OrganisationId!.Value);
    }

    private async Task<JsonElement> GetAsync(HttpClient client, string query)
    {
        using var response = await client.GetAsync(AnalyticsPath + query);
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"Expected 200, got {(int)response.StatusCode}: {body}\n{string.Join("\n", app.Logs.Events.Where(e => e.Exception is not null).TakeLast(3).Select(e => e.Exception!.ToString()))}");
        return JsonDocument.Parse(body).RootElement;
    }
}
