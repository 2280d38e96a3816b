using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Hangfire;
using Microsoft.EntityFrameworkCore;
using ParseJobs.Api.Jobs;
using ParseJobs.Api.Jobs.Items;
using ParseJobs.Api.Persistence;
using ParseJobs.Api.Tests.Infrastructure;

namespace ParseJobs.Api.Tests.Jobs;

/// <summary>The item model through the real hosts: fan-out over two worker hosts, fan-in once, chunks redone.</summary>
[Collection(ItemJobsCollection.Name)]
public sealed class ItemJobsTests(ItemJobsFixture hosts)
{
    [Fact]
    public async Task ItemJob_FansOutOverTwoWorkerHosts_AndFansInExactlyOnce()
    {
        using var client = await hosts.A.CreateClientForNewOrganisationAsync();
        var jobId = await SubmitAsync(client, Enumerable.Range(0, 40).Select(i => TestItemKind.Input(delayMs: 60, fail: i == 7)));

        var job = await client.WaitForJobAsync(jobId, TimeSpan.FromSeconds(90));

        Assert.Equal("completed", job.GetProperty("status").GetString());
        var progress = job.GetProperty("progress");
        Assert.Equal(40, progress.GetProperty("total_items").GetInt32());
        Assert.Equal(40, progress.GetProperty("processed_items").GetInt32());
        Assert.Equal(1, progress.GetProperty("failed_items").GetInt32());
        Assert.Equal(1, hosts.FanIns.Count(jobId));
        await using var db = CreateDb();
        var items = await db.JobItems.AsNoTracking().Where(i => i.JobId == jobId).OrderBy(i => i.Seq).ToListAsync();
        Assert.Equal(40, items.Count);
        Assert.All(items, i => Assert.Equal(1, i.AttemptCount));
        var failed = Assert.Single(items, i => i.Status == JobItemStatus.Failed);
        Assert.Equal((7, TestItemKind.FailCode), (failed.Seq, failed.ErrorCode));
        var ranOn = items.Where(i => i.Status == JobItemStatus.Completed)
            .Select(i => JsonSerializer.Deserialize<JsonElement>(i.Result!).GetProperty("host").GetString()!).ToHashSet(StringComparer.Ordinal);
        Assert.Equal(["A", "B"], ranOn.Order(StringComparer.Ordinal).ToArray());
        // Hangfire calls the chunk's void Run, which waits without spinning, not the Task-returning RunAsync.
        using var hangfire = hosts.A.Services.GetRequiredService<JobStorage>().GetConnection();
        var invoked = items.Select(i => i.BackgroundJobId!).Distinct(StringComparer.Ordinal)
            .Select(id => hangfire.GetJobData(id).Job.Method.Name).Distinct(StringComparer.Ordinal);
        Assert.Equal([nameof(ItemChunkJob.Run)], invoked.ToArray());
    }

    [Fact]
    public async Task Chunk_IsRedoneWithoutDoubleCounting_WhenItsWorkerDiedAndItsHangfireJobVanished()
    {
        using var client = await hosts.A.CreateClientForNewOrganisationAsync();
        var jobId = await SubmitAsync(client, Enumerable.Range(0, 6).Select(_ => TestItemKind.Input(delayMs: 10)));
        Assert.Equal("completed", (await client.WaitForJobAsync(jobId)).GetProperty("status").GetString());
        Assert.Equal(1, hosts.FanIns.Count(jobId));

        // What a worker that died inside chunk 1 leaves: item 2 running without a result, not counted, the job
        // running; item 3 of the same chunk had ended. The chunk's Hangfire job is gone (id 999999999).
        var longAgo = DateTimeOffset.UtcNow.AddHours(-1);
        await using (var db = CreateDb())
        {
            await db.JobItems.Where(i => i.JobId == jobId && i.Seq == 2).ExecuteUpdateAsync(s => s
                .SetProperty(i => i.Status, JobItemStatus.Running)
                .SetProperty(i => i.Result, (string?)null)
                .SetProperty(i => i.BackgroundJobId, "999999999")
                .SetProperty(i => i.UpdatedAt, longAgo));
            await db.Jobs.Where(j => j.Id == jobId).ExecuteUpdateAsync(s => s
                .SetProperty(j => j.Status, JobStatus.Running)
                .SetProperty(j => j.ProcessedItems, 5)
                .SetProperty(j => j.CompletedAt, (DateTimeOffset?)null));
        }

        await using (var scope = hosts.A.Services.CreateAsyncScope())
        {
            // The recurring sweeper may get there first; either way the chunk is enqueued once (compare-and-set).
            await scope.ServiceProvider.GetRequiredService<JobSweeper>().RedispatchVanishedChunksAsync(CancellationToken.None);
        }

        var job = await client.WaitForJobAsync(jobId);
        Assert.Equal("completed", job.GetProperty("status").GetString());
        Assert.Equal(6, job.GetProperty("progress").GetProperty("processed_items").GetInt32());
        Assert.Equal(0, job.GetProperty("progress").GetProperty("failed_items").GetInt32());
        Assert.Equal(2, hosts.FanIns.Count(jobId)); // once at first, once more for the revived job
        await using var check = CreateDb();
        var items = await check.JobItems.AsNoTracking().Where(i => i.JobId == jobId).ToDictionaryAsync(i => i.Seq);
        Assert.Equal((JobItemStatus.Completed, 2), (items[2].Status, items[2].AttemptCount));
        Assert.Equal((JobItemStatus.Completed, 1), (items[3].Status, items[3].AttemptCount));
    }

    [Fact]
    public async Task Job_IsCompletedOnlyAfterItsFanIn_AndTheSweeperFinishesIt_WhenTheFanInRunDied()
    {
        using var client = await hosts.A.CreateClientForNewOrganisationAsync();
        hosts.FanIns.FailNext();
        var jobId = await SubmitAsync(client, Enumerable.Range(0, 4).Select(_ => TestItemKind.Input(delayMs: 10)));

        // Every item counted, the hook failed: the job must stay running (a client never sees completed without it).
        var deadline = DateTime.UtcNow.AddSeconds(60);
        JsonElement job;
        do
        {
            await Task.Delay(100);
            job = await client.GetFromJsonAsync<JsonElement>($"/v1/jobs/{jobId}");
        }
        while (job.GetProperty("progress").GetProperty("processed_items").GetInt32() < 4 && DateTime.UtcNow < deadline);
        await Task.Delay(500); // a wrongly completing run would have committed by now
        job = await client.GetFromJsonAsync<JsonElement>($"/v1/jobs/{jobId}");
        Assert.Equal(4, job.GetProperty("progress").GetProperty("processed_items").GetInt32());
        Assert.Equal("running", job.GetProperty("status").GetString());
        Assert.Equal(0, hosts.FanIns.Count(jobId));

        // The sweeper finds it once the grace time has passed, runs the hook again and completes the job, once.
        await using (var db = CreateDb())
        {
            await db.Jobs.Where(j => j.Id == jobId).ExecuteUpdateAsync(s => s.SetProperty(j => j.UpdatedAt, DateTimeOffset.UtcNow.AddHours(-1)));
        }

        await using (var scope = hosts.A.Services.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<JobSweeper>().FinishCountedItemJobsAsync(CancellationToken.None);
        }

        job = await client.WaitForJobAsync(jobId);
        Assert.Equal("completed", job.GetProperty("status").GetString());
        Assert.Equal(1, hosts.FanIns.Count(jobId));
    }

    [Fact]
    public async Task Items_AreCountedOnce_WhenTwoRunsOfOneChunkRace()
    {
        using var client = await hosts.A.CreateClientForNewOrganisationAsync();
        var jobId = await SubmitAsync(client, Enumerable.Range(0, 4).Select(_ => TestItemKind.Input(delayMs: 200)));

        // Besides the chunks Hangfire runs, two more runs of every chunk race them.
        var extra = Enumerable.Range(0, 2).SelectMany(_ => new[] { 0, 1 }).Select(async chunk =>
        {
            await using var scope = hosts.B.Services.CreateAsyncScope();
            await scope.ServiceProvider.GetRequiredService<ItemChunkJob>().RunAsync(jobId, chunk, CancellationToken.None);
        });
        await Task.WhenAll(extra);

        var job = await client.WaitForJobAsync(jobId);
        Assert.Equal("completed", job.GetProperty("status").GetString());
        Assert.Equal(4, job.GetProperty("progress").GetProperty("processed_items").GetInt32());
        Assert.Equal(1, hosts.FanIns.Count(jobId));
    }

    [Fact]
    public async Task GetJob_ShowsItemProgressAndNoPages_WhileAnItemJobRuns()
    {
        using var client = await hosts.A.CreateClientForNewOrganisationAsync();
        var jobId = await SubmitAsync(client, Enumerable.Range(0, 2).Select(_ => TestItemKind.Input(delayMs: 10)));

        var job = await client.WaitForJobAsync(jobId);

        var progress = job.GetProperty("progress");
        Assert.Equal(2, progress.GetProperty("total_items").GetInt32());
        Assert.Equal(JsonValueKind.Null, progress.GetProperty("total_pages").ValueKind);
        Assert.Equal(JsonValueKind.Null, job.GetProperty("result").ValueKind); // the kind does not embed results
    }

    [Fact]
    public async Task DeleteJob_KeepsADocumentAnotherJobStillReferences()
    {
        using var client = await hosts.A.CreateClientForNewOrganisationAsync();
        var first = await client.UploadAsync(Samples.SampleDocuments.Txt(), "cv.txt");
        await client.WaitForTerminalStatusAsync(first);
        Guid documentId;
        Guid second;
        await using (var scope = hosts.A.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<ParseJobsDbContext>();
            var job = await db.Jobs.AsNoTracking().SingleAsync(j => j.Id == first);
            documentId = job.DocumentId!.Value;
            // A second job (an item job) reads the same stored document.
            second = (await scope.ServiceProvider.GetRequiredService<JobSubmitter>().SubmitAsync(new JobDraft(job.OrganisationId, TestItemKind.Echo)
            {
                Items = [new JobItemDraft("cv.txt") { DocumentId = documentId, Input = TestItemKind.Input(0) }],
            }, CancellationToken.None)).Id;
        }

        Assert.Equal(HttpStatusCode.NoContent, (await client.DeleteAsync($"/v1/jobs/{first}")).StatusCode);
        await using (var db = CreateDb())
        {
            Assert.True(await db.Documents.AnyAsync(d => d.Id == documentId), "the document another job references survives");
        }

        Assert.Equal(HttpStatusCode.NoContent, (await client.DeleteAsync($"/v1/jobs/{second}")).StatusCode);
        await using (var db = CreateDb())
        {
            Assert.False(await db.Documents.AnyAsync(d => d.Id == documentId), "the last reference gone, the document goes");
            Assert.False(await db.JobItems.AnyAsync(i => i.JobId == second));
        }
    }

    private async Task<Guid> SubmitAsync(HttpClient client, IEnumerable<string> inputs)
    {
        // Submitted for the client's organisation, so that the job is visible through the HTTP API.
        await using var scope = hosts.A.Services.CreateAsyncScope();
        var organisationId = await OrganisationOfAsync(client);
        var draft = new JobDraft(organisationId, TestItemKind.Echo)
        {
            Items = [.. inputs.Select((input, i) => new JobItemDraft($"item-{i}") { Input = input })],
        };
        return (await scope.ServiceProvider.GetRequiredService<JobSubmitter>().SubmitAsync(draft, CancellationToken.None)).Id;
    }

    // The organisation of the client's key, found through the key's non-secret prefix.
    private async Task<Guid> OrganisationOfAsync(HttpClient client)
    {
        var key = client.DefaultRequestHeaders.Authorization!.Parameter!;
        await using var db = CreateDb();
        var keys = await db.ApiKeys.AsNoTracking().ToListAsync();
        return keys.Single(k => key.Contains(k.Prefix, StringComparison.Ordinal)).OrganisationId!.Value;
    }

    private ParseJobsDbContext CreateDb() =>
        hosts.A.Services.GetRequiredService<IDbContextFactory<ParseJobsDbContext>>().CreateDbContext();
}
