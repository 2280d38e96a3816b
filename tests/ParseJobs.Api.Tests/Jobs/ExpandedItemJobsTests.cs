using Microsoft.EntityFrameworkCore;
using ParseJobs.Api.Jobs;
using ParseJobs.Api.Jobs.Items;
using ParseJobs.Api.Persistence;
using ParseJobs.Api.Tests.Infrastructure;

namespace ParseJobs.Api.Tests.Jobs;

/// <summary>Expanded item kinds: submitted without items, expanded on a worker, then run like any item job.</summary>
[Collection(ItemJobsCollection.Name)]
public sealed class ExpandedItemJobsTests(ItemJobsFixture hosts)
{
    [Fact]
    public async Task ExpandedJob_StoresItsItemsOnAWorker_AndCompletesWithItemsStoredFailedCounted()
    {
        using var client = await hosts.A.CreateClientForNewOrganisationAsync();
        var jobId = await SubmitAsync(client, new EchoSource(Count: 7, DelayMs: 10, Skipped: [3]));

        var job = await client.WaitForJobAsync(jobId);

        Assert.Equal("completed", job.GetProperty("status").GetString());
        var progress = job.GetProperty("progress");
        Assert.Equal((7, 7, 1), (progress.GetProperty("total_items").GetInt32(), progress.GetProperty("processed_items").GetInt32(), progress.GetProperty("failed_items").GetInt32()));
        Assert.Equal(1, hosts.FanIns.Count(jobId));
        Assert.True(hosts.FanIns.ExpansionEnded(jobId));
        await using var db = CreateDb();
        var items = await db.JobItems.AsNoTracking().Where(i => i.JobId == jobId).OrderBy(i => i.Seq).ToListAsync();
        Assert.Equal(Enumerable.Range(0, 7).Select(i => $"entry-{i}").ToArray(), items.Select(i => i.SourceName).ToArray());
        var skipped = Assert.Single(items, i => i.Status == JobItemStatus.Failed);
        Assert.Equal((3, TestItemKind.FailCode, 0), (skipped.Seq, skipped.ErrorCode, skipped.AttemptCount));
    }

    [Fact]
    public async Task ExpandedJob_CompletesWithNoItems_WhenItsSourceIsEmpty()
    {
        using var client = await hosts.A.CreateClientForNewOrganisationAsync();
        var jobId = await SubmitAsync(client, new EchoSource(Count: 0));

        var job = await client.WaitForJobAsync(jobId);

        Assert.Equal("completed", job.GetProperty("status").GetString());
        Assert.Equal(0, job.GetProperty("progress").GetProperty("total_items").GetInt32());
        Assert.Equal(1, hosts.FanIns.Count(jobId));
    }

    [Fact]
    public async Task ExpandedJob_FailsWithTheSourcesCode_AndKeepsNoItems_WhenTheSourceCannotBeRead()
    {
        using var client = await hosts.A.CreateClientForNewOrganisationAsync();
        var jobId = await SubmitAsync(client, new EchoSource(Count: 5, Unreadable: true));

        var job = await client.WaitForJobAsync(jobId);

        Assert.Equal("failed", job.GetProperty("status").GetString());
        Assert.Equal(TestItemKind.SourceFailCode, job.GetProperty("error").GetProperty("code").GetString());
        Assert.False(hosts.FanIns.ExpansionEnded(jobId));
        await using var db = CreateDb();
        Assert.False(await db.JobItems.AnyAsync(i => i.JobId == jobId), "the items read before the failure are rolled back");
    }

    [Fact]
    public async Task ExpansionRetried_AfterACrashHalfWay_StoresEveryItemOnce()
    {
        using var client = await hosts.A.CreateClientForNewOrganisationAsync();
        var jobId = await SubmitAsync(client, new EchoSource(Count: 6, Crash: true));

        var job = await client.WaitForJobAsync(jobId, TimeSpan.FromSeconds(90));

        Assert.Equal("completed", job.GetProperty("status").GetString());
        Assert.Equal(6, job.GetProperty("progress").GetProperty("processed_items").GetInt32());
        await using var db = CreateDb();
        Assert.Equal(6, await db.JobItems.CountAsync(i => i.JobId == jobId));
        Assert.Equal(2, (await db.Jobs.AsNoTracking().SingleAsync(j => j.Id == jobId)).AttemptCount);
    }

    [Fact]
    public async Task Sweeper_DispatchesTheExpansion_WhenItsEnqueueWasLost()
    {
        using var client = await hosts.A.CreateClientForNewOrganisationAsync();
        hosts.A.Flaky.FailNext(1);
        var jobId = await SubmitAsync(client, new EchoSource(Count: 3));
        await using (var db = CreateDb())
        {
            var stored = await db.Jobs.AsNoTracking().SingleAsync(j => j.Id == jobId);
            Assert.Equal((JobStatus.Pending, null), (stored.Status, stored.TotalItems));
            // Past the grace time: the sweeper's signal.
            await db.Jobs.Where(j => j.Id == jobId).ExecuteUpdateAsync(s => s
                .SetProperty(j => j.CreatedAt, DateTimeOffset.UtcNow.AddHours(-1))
                .SetProperty(j => j.DispatchedAt, DateTimeOffset.UtcNow.AddHours(-1)));
        }

        await using (var scope = hosts.A.Services.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<JobSweeper>().DispatchStrandedJobsAsync(CancellationToken.None);
        }

        var job = await client.WaitForJobAsync(jobId);
        Assert.Equal("completed", job.GetProperty("status").GetString());
        Assert.Equal(3, job.GetProperty("progress").GetProperty("processed_items").GetInt32());
    }

    [Fact]
    public async Task Sweeper_ReenqueuesAStartedExpansion_WhoseHangfireJobVanished()
    {
        using var client = await hosts.A.CreateClientForNewOrganisationAsync();
        Guid jobId;
        await using (var scope = hosts.A.Services.CreateAsyncScope())
        {
            // Committed and started by an expansion whose node died: running, no items, a Hangfire id that no longer exists.
            var organisationId = await OrganisationOfAsync(client);
            var db = scope.ServiceProvider.GetRequiredService<ParseJobsDbContext>();
            var job = Job.Create(organisationId, TestItemKind.ExpandedEcho, null, null, DateTimeOffset.UtcNow.AddHours(-1), new EchoSource(Count: 4).Json());
            job.ClaimDispatch(DateTimeOffset.UtcNow.AddHours(-1));
            job.TryStart(DateTimeOffset.UtcNow.AddHours(-1));
            db.Jobs.Add(job);
            await db.SaveChangesAsync();
            jobId = job.Id;
            await db.Jobs.Where(j => j.Id == jobId).ExecuteUpdateAsync(s => s
                .SetProperty(j => j.BackgroundJobId, "999999998").SetProperty(j => j.UpdatedAt, DateTimeOffset.UtcNow.AddHours(-1)));
            Assert.Equal(1, await scope.ServiceProvider.GetRequiredService<JobSweeper>().RedispatchStalledExpansionsAsync(CancellationToken.None));
            Assert.Equal(0, await scope.ServiceProvider.GetRequiredService<JobSweeper>().RedispatchStalledExpansionsAsync(CancellationToken.None));
        }

        var ended = await client.WaitForJobAsync(jobId);
        Assert.Equal("completed", ended.GetProperty("status").GetString());
        Assert.Equal(4, ended.GetProperty("progress").GetProperty("processed_items").GetInt32());
    }

    [Fact]
    public async Task Submit_RejectsItems_ForAnExpandedKind()
    {
        await using var scope = hosts.A.Services.CreateAsyncScope();
        var submitter = scope.ServiceProvider.GetRequiredService<JobSubmitter>();
        var draft = new JobDraft(Guid.NewGuid(), TestItemKind.ExpandedEcho) { Items = [new JobItemDraft("x") { Input = TestItemKind.Input(0) }] };

        await Assert.ThrowsAsync<ArgumentException>(() => submitter.SubmitAsync(draft, CancellationToken.None));
    }

    private async Task<Guid> SubmitAsync(HttpClient client, EchoSource source)
    {
        await using var scope = hosts.A.Services.CreateAsyncScope();
        var draft = new JobDraft(await OrganisationOfAsync(client), TestItemKind.ExpandedEcho) { Parameters = source.Json() };
        return (await scope.ServiceProvider.GetRequiredService<JobSubmitter>().SubmitAsync(draft, CancellationToken.None)).Id;
    }

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
