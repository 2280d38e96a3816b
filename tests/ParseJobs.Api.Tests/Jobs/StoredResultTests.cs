using System.Net;
using System.Net.Http.Headers;
using System.Text;
using Hangfire;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using ParseJobs.Api.Hosting;
using ParseJobs.Api.Persistence;
using ParseJobs.Api.Tests.Infrastructure;
using ParseJobs.Api.Tests.Samples;

namespace ParseJobs.Api.Tests.Jobs;

/// <summary>Results are served as the bytes stored once (documented key order), with an ETag.</summary>
[Collection(ApiCollection.Name)]
public sealed class StoredResultTests(ParseJobsAppFactory app)
{
    [Fact]
    public async Task DocumentResult_IsTheStoredBytes_AndAnswers304_WhenTheETagMatches()
    {
        using var client = await app.CreateClientForNewOrganisationAsync();
        using var submitted = await client.PostFileAsync("/v1/documents", SampleDocuments.Pdf(pages: 2), "doc.pdf");
        var jobId = (await submitted.ReadJsonAsync()).GetProperty("job_id").GetGuid();
        await client.WaitForJobAsync(jobId);

        using var response = await client.GetAsync($"/v1/documents/{jobId}");
        var body = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(await StoredAsync(jobId), body);
        Assert.StartsWith("{\"page_count\":", body, StringComparison.Ordinal); // the record's order, not jsonb's
        var etag = response.Headers.ETag;
        Assert.NotNull(etag);
        using var again = new HttpRequestMessage(HttpMethod.Get, $"/v1/documents/{jobId}");
        again.Headers.IfNoneMatch.Add(etag);
        using var notModified = await client.SendAsync(again);
        Assert.Equal(HttpStatusCode.NotModified, notModified.StatusCode);
        Assert.Empty(await notModified.Content.ReadAsByteArrayAsync());
    }

    [Fact]
    public async Task CvResults_EmbedTheStoredProfileBytes_AndAnswer304_WhenTheETagMatches()
    {
        using var client = await app.CreateClientForNewOrganisationAsync();
        var jobId = await client.UploadAsync(SampleDocuments.Txt(), "cv.txt");
        await client.WaitForTerminalStatusAsync(jobId);

        using var response = await client.GetAsync($"/v1/parse/{jobId}/results");
        var body = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.StartsWith("{\"data\":" + await StoredAsync(jobId) + ",\"status_code\":200,\"execution_time\":", body, StringComparison.Ordinal);
        using var again = new HttpRequestMessage(HttpMethod.Get, $"/v1/parse/{jobId}/results");
        again.Headers.IfNoneMatch.Add(response.Headers.ETag!);
        using var notModified = await client.SendAsync(again);
        Assert.Equal(HttpStatusCode.NotModified, notModified.StatusCode);
        using var other = new HttpRequestMessage(HttpMethod.Get, $"/v1/parse/{jobId}/results");
        other.Headers.IfNoneMatch.Add(new EntityTagHeaderValue("\"something-else\""));
        Assert.Equal(HttpStatusCode.OK, (await client.SendAsync(other)).StatusCode);
    }

    [Fact]
    public async Task Sweeper_PutsADeadWorkersQueueEntryAheadOfTheBacklog_AndLeavesLiveOnesAlone()
    {
        // Entries on a queue no server of this host listens to, so that only the test touches them.
        var hangfire = app.Services.GetRequiredService<IBackgroundJobClient>();
        var orphan = hangfire.Enqueue<JobSweeperProbe>("orphan-test", p => p.Run());
        var live = hangfire.Enqueue<JobSweeperProbe>("orphan-test", p => p.Run());
        var schema = app.Services.GetRequiredService<IOptions<WorkerOptions>>().Value.SchemaName;
        var invisibility = app.Services.GetRequiredService<IOptions<WorkerOptions>>().Value.InvisibilityTimeoutSeconds;
        await using var db = app.Services.GetRequiredService<IDbContextFactory<ParseJobsDbContext>>().CreateDbContext();
#pragma warning disable EF1002 // test SQL over the configured schema name
        await db.Database.ExecuteSqlRawAsync(
            $"UPDATE \"{schema}\".jobqueue SET fetchedat = NOW() - INTERVAL '{invisibility + 5} SECONDS' WHERE jobid = {long.Parse(orphan, System.Globalization.CultureInfo.InvariantCulture)}");
        await db.Database.ExecuteSqlRawAsync(
            $"UPDATE \"{schema}\".jobqueue SET fetchedat = NOW() WHERE jobid = {long.Parse(live, System.Globalization.CultureInfo.InvariantCulture)}");

        await using (var scope = app.Services.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<Api.Jobs.JobSweeper>().PrioritiseOrphansAsync(CancellationToken.None);
        }

        var fetched = await db.Database.SqlQueryRaw<bool>(
            $"SELECT fetchedat IS NOT NULL AS \"Value\" FROM \"{schema}\".jobqueue WHERE queue = 'orphan-test' ORDER BY jobid").ToListAsync();
#pragma warning restore EF1002
        Assert.Equal([false, true], fetched);
        hangfire.Delete(orphan);
        hangfire.Delete(live);
    }

    private async Task<string> StoredAsync(Guid jobId)
    {
        await using var db = app.Services.GetRequiredService<IDbContextFactory<ParseJobsDbContext>>().CreateDbContext();
        return await db.JobResults.Where(r => r.JobId == jobId).Select(r => r.Data).SingleAsync();
    }
}

/// <summary>A Hangfire job that is never meant to run (its queue has no server).</summary>
public sealed class JobSweeperProbe
{
    public void Run() => Encoding.UTF8.GetBytes("never");
}
