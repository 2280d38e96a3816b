using System.Net.Http.Json;
using System.Text.Json;
using Hangfire;
using Microsoft.EntityFrameworkCore;
using ParseJobs.Api.Cv;
using ParseJobs.Api.Jobs;
using ParseJobs.Api.Persistence;
using ParseJobs.Api.Tests.Infrastructure;
using ParseJobs.Api.Tests.Samples;

namespace ParseJobs.Api.Tests.Cv;

/// <summary>What Hangfire does when a worker dies mid-job: it runs the same job again.</summary>
[Collection(ApiCollection.Name)]
public sealed class CvParseJobTests(ParseJobsAppFactory app)
{
    [Fact]
    public async Task RunningJob_IsCompletedByASecondRun_WhenItsWorkerDied()
    {
        using var client = await app.CreateClientForNewOrganisationAsync();
        var jobId = await client.UploadAsync(SampleDocuments.Txt(), "cv.txt");
        await client.WaitForTerminalStatusAsync(jobId);
        // Put the job back where a dead worker leaves it: running, with no result.
        await using (var db = CreateDb())
        {
            await db.JobResults.Where(r => r.JobId == jobId).ExecuteDeleteAsync();
            await db.Jobs.Where(j => j.Id == jobId).ExecuteUpdateAsync(s => s
                .SetProperty(j => j.Status, JobStatus.Running)
                .SetProperty(j => j.CompletedAt, (DateTimeOffset?)null));
        }

        app.Services.GetRequiredService<IBackgroundJobClient>().Enqueue<CvParseJob>(j => j.RunAsync(jobId, CancellationToken.None));

        var status = await client.WaitForTerminalStatusAsync(jobId);
        Assert.Equal("completed", status.GetProperty("status").GetString());
        var job = await client.GetFromJsonAsync<JsonElement>($"/v1/jobs/{jobId}");
        Assert.Equal(2, job.GetProperty("attempt_count").GetInt32());
        Assert.Equal(JsonValueKind.Object, job.GetProperty("result").ValueKind);
    }

    [Fact]
    public async Task Dispatch_RecordsTheHangfireId_WhenAWorkerStartedTheJobBeforeTheSubmitterFinished()
    {
        var jobId = await CreateUndispatchedJobAsync();
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ParseJobsDbContext>();
        var stale = await db.Jobs.SingleAsync(j => j.Id == jobId);
        Assert.Null(stale.BackgroundJobId);
        // The submitter's copy is stale: meanwhile a worker moved the job on (here: a new attempt runs).
        await using (var worker = CreateDb())
        {
            await worker.Jobs.Where(j => j.Id == jobId).ExecuteUpdateAsync(s => s.SetProperty(j => j.AttemptCount, 3));
        }

        Assert.True(await scope.ServiceProvider.GetRequiredService<JobDispatcher>().DispatchAsync(stale, CancellationToken.None));

        await using var check = CreateDb();
        var recorded = await check.Jobs.AsNoTracking().Where(j => j.Id == jobId).Select(j => new { j.BackgroundJobId, j.AttemptCount, j.DispatchedAt }).SingleAsync();
        Assert.False(string.IsNullOrEmpty(recorded.BackgroundJobId));
        Assert.NotNull(recorded.DispatchedAt);
        Assert.True(recorded.AttemptCount >= 3, "the dispatch must not overwrite the worker's attempt count");
    }

    [Fact]
    public async Task Dispatch_EnqueuesOnce_WhenTwoDispatchersRace()
    {
        var jobId = await CreateUndispatchedJobAsync();
        await using var first = app.Services.CreateAsyncScope();
        await using var second = app.Services.CreateAsyncScope();
        var job = await first.ServiceProvider.GetRequiredService<ParseJobsDbContext>().Jobs.AsNoTracking().SingleAsync(j => j.Id == jobId);

        var claims = await Task.WhenAll(
            first.ServiceProvider.GetRequiredService<JobDispatcher>().DispatchAsync(job, CancellationToken.None),
            second.ServiceProvider.GetRequiredService<JobDispatcher>().DispatchAsync(job, CancellationToken.None));

        Assert.Single(claims, claimed => claimed);
    }

    [Fact]
    public async Task Job_FailsWithInternalError_WhenItsWorkersKeptDying()
    {
        using var client = await app.CreateClientForNewOrganisationAsync();
        var jobId = await client.UploadAsync(SampleDocuments.Txt(), "cv.txt");
        await client.WaitForTerminalStatusAsync(jobId);
        await using (var db = CreateDb())
        {
            await db.JobResults.Where(r => r.JobId == jobId).ExecuteDeleteAsync();
            await db.Jobs.Where(j => j.Id == jobId).ExecuteUpdateAsync(s => s
                .SetProperty(j => j.Status, JobStatus.Running)
                .SetProperty(j => j.AttemptCount, 4)); // Worker:MaxAttempts defaults to 4
        }

        app.Services.GetRequiredService<IBackgroundJobClient>().Enqueue<CvParseJob>(j => j.RunAsync(jobId, CancellationToken.None));

        var status = await client.WaitForTerminalStatusAsync(jobId);
        Assert.Equal("failed", status.GetProperty("status").GetString());
        Assert.Equal("INTERNAL_ERROR", status.GetProperty("error").GetProperty("code").GetString());
    }

    [Fact]
    public async Task CompletedJob_IsLeftAlone_WhenHangfireRunsItAgain()
    {
        using var client = await app.CreateClientForNewOrganisationAsync();
        var jobId = await client.UploadAsync(SampleDocuments.Txt(), "cv.txt");
        var first = await client.WaitForTerminalStatusAsync(jobId);

        await using (var scope = app.Services.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<CvParseJob>().RunAsync(jobId, CancellationToken.None);
        }

        var job = await client.GetFromJsonAsync<JsonElement>($"/v1/jobs/{jobId}");
        Assert.Equal("completed", job.GetProperty("status").GetString());
        Assert.Equal(1, job.GetProperty("attempt_count").GetInt32());
        Assert.Equal(first.GetProperty("completed_at").GetDateTimeOffset(), job.GetProperty("completed_at").GetDateTimeOffset());
    }

    [Fact]
    public async Task ConcurrentRuns_EndTheJobExactlyOnce()
    {
        // Deterministic: two runs load the same pending job; the first starts it; the second's start must then be
        // refused by the database (status and attempt count are concurrency tokens), not overwrite the first.
        var jobId = await CreateUndispatchedJobAsync();
        await using var first = CreateDb();
        await using var second = CreateDb();
        var a = await first.Jobs.SingleAsync(j => j.Id == jobId);
        var b = await second.Jobs.SingleAsync(j => j.Id == jobId);

        Assert.Equal(StartOutcome.Started, a.TryStart(DateTimeOffset.UtcNow));
        await first.SaveChangesAsync();
        Assert.Equal(StartOutcome.Started, b.TryStart(DateTimeOffset.UtcNow));
        await Assert.ThrowsAsync<DbUpdateConcurrencyException>(() => second.SaveChangesAsync());

        a.Complete(DateTimeOffset.UtcNow);
        await first.SaveChangesAsync();
        b.Fail("LATE", "The losing run ends late.", DateTimeOffset.UtcNow);
        await Assert.ThrowsAsync<DbUpdateConcurrencyException>(() => second.SaveChangesAsync());

        await using var check = CreateDb();
        var saved = await check.Jobs.AsNoTracking().SingleAsync(j => j.Id == jobId);
        Assert.Equal((JobStatus.Completed, 1, null), (saved.Status, saved.AttemptCount, saved.ErrorCode));
    }

    [Fact]
    public async Task ConcurrentRunsOfTheJobClass_SaveOneResult()
    {
        using var client = await app.CreateClientForNewOrganisationAsync();
        var jobId = await client.UploadAsync(SampleDocuments.Pdf(pages: 3), "cv.pdf");

        // Two extra runs race the one Hangfire started: one outcome is saved, the job ends completed.
        var runs = Enumerable.Range(0, 2).Select(async _ =>
        {
            await using var scope = app.Services.CreateAsyncScope();
            await scope.ServiceProvider.GetRequiredService<CvParseJob>().RunAsync(jobId, CancellationToken.None);
        });
        await Task.WhenAll(runs);

        var status = await client.WaitForTerminalStatusAsync(jobId);
        Assert.Equal("completed", status.GetProperty("status").GetString());
        await using var db = CreateDb();
        Assert.Equal(1, await db.JobResults.CountAsync(r => r.JobId == jobId));
    }

    // A pending CV job with its document, committed but never handed to Hangfire.
    private async Task<Guid> CreateUndispatchedJobAsync()
    {
        var organisationId = (await app.CreateKeyAsync($"org-{Guid.NewGuid():N}"[..20], "jobs:read")).OrganisationId!.Value;
        await using var db = CreateDb();
        var content = SampleDocuments.Txt();
        var document = new Uploads.StoredDocument
        {
            Id = Guid.NewGuid(), OrganisationId = organisationId, FileName = "cv.txt", DetectedType = Extraction.Parsing.DocumentType.Txt,
            SizeBytes = content.Length, Sha256 = new string('0', 64), Content = content, CreatedAt = DateTimeOffset.UtcNow,
        };
        var job = Job.Create(organisationId, JobKind.CvParse, document.Id, null, DateTimeOffset.UtcNow);
        db.Documents.Add(document);
        db.Jobs.Add(job);
        await db.SaveChangesAsync();
        return job.Id;
    }

    private ParseJobsDbContext CreateDb() =>
        app.Services.GetRequiredService<IDbContextFactory<ParseJobsDbContext>>().CreateDbContext();
}
