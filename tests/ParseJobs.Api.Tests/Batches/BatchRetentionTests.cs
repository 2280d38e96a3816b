using Microsoft.EntityFrameworkCore;
using ParseJobs.Api.Auth;
using ParseJobs.Api.Hosting;
using ParseJobs.Api.Retention;

namespace ParseJobs.Api.Tests.Batches;

/// <summary>Batches are jobs: erasure and retention delete them with their items, documents and the batch caches.</summary>
[Collection(BatchCollection.Name)]
public sealed class BatchRetentionTests(BatchAppFactory app)
{
    [Fact]
    public async Task OrgsErase_RemovesBatchesItemsDocumentsAndBothCaches()
    {
        var key = await app.CreateKeyAsync($"berase-{Guid.NewGuid():N}"[..20], Scopes.BatchesRead, Scopes.BatchesWrite);
        using var client = app.CreateClientWithKey(key.Key);
        var organisationId = key.OrganisationId!.Value;
        var id = await client.SubmitZipAsync(BatchRequests.Zip(("w.txt", BatchRequests.TextCv("Wim Erased")), ("x.png", Samples.SampleDocuments.Png())),
            ("job_id", "pos-erase"));
        await client.WaitForBatchAsync(id);
        await using (var db = app.CreateDb())
        {
            Assert.True(await db.CvProfileCache.AnyAsync(c => c.OrganisationId == organisationId));
            Assert.True(await db.JobAnalysisCache.AnyAsync(c => c.OrganisationId == organisationId));
        }

        using var output = new StringWriter();
        using var error = new StringWriter();
        Assert.Equal(0, await CommandLine.RunAsync(app.Services, ["orgs", "erase", "--org", key.OrganisationSlug], output, error));

        await using var check = app.CreateDb();
        Assert.False(await check.Jobs.AnyAsync(j => j.Id == id));
        Assert.False(await check.Batches.AnyAsync(b => b.JobId == id));
        Assert.False(await check.JobItems.AnyAsync(i => i.JobId == id));
        Assert.False(await check.Documents.AnyAsync(d => d.OrganisationId == organisationId));
        Assert.False(await check.CvProfileCache.AnyAsync(c => c.OrganisationId == organisationId));
        Assert.False(await check.JobAnalysisCache.AnyAsync(c => c.OrganisationId == organisationId));
    }

    [Fact]
    public async Task Retention_ExpiresTheCaches_WithTheCompletedJobPeriod()
    {
        var key = await app.CreateKeyAsync($"bret-{Guid.NewGuid():N}"[..20], Scopes.BatchesRead, Scopes.BatchesWrite);
        using var client = app.CreateClientWithKey(key.Key);
        var organisationId = key.OrganisationId!.Value;
        await client.WaitForBatchAsync(await client.SubmitZipAsync(BatchRequests.Zip(("y.txt", BatchRequests.TextCv("Yara Old", Guid.NewGuid().ToString())))));
        await client.WaitForBatchAsync(await client.SubmitZipAsync(BatchRequests.Zip(("z.txt", BatchRequests.TextCv("Zeno New", Guid.NewGuid().ToString()))),
            ("job_id", "another-position")));
        await using (var db = app.CreateDb())
        {
            Assert.Equal(2, await db.CvProfileCache.CountAsync(c => c.OrganisationId == organisationId));
            var oldest = await db.CvProfileCache.Where(c => c.OrganisationId == organisationId).OrderBy(c => c.CreatedAt).Select(c => c.Sha256).FirstAsync();
            var longAgo = DateTimeOffset.UtcNow.AddDays(-400);
            await db.CvProfileCache.Where(c => c.OrganisationId == organisationId && c.Sha256 == oldest).ExecuteUpdateAsync(s => s.SetProperty(c => c.CreatedAt, longAgo));
            await db.JobAnalysisCache.Where(c => c.OrganisationId == organisationId && c.ClientJobId == "").ExecuteUpdateAsync(s => s.SetProperty(c => c.CreatedAt, longAgo));
        }

        await using (var scope = app.Services.CreateAsyncScope())
        {
            Assert.Equal(2, await scope.ServiceProvider.GetRequiredService<RetentionJob>().DeleteExpiredCachesAsync(organisationId, 30, CancellationToken.None));
        }

        await using var check = app.CreateDb();
        Assert.Equal(1, await check.CvProfileCache.CountAsync(c => c.OrganisationId == organisationId));
        Assert.Equal(["another-position"], await check.JobAnalysisCache.Where(c => c.OrganisationId == organisationId).Select(c => c.ClientJobId).ToArrayAsync());
    }
}
