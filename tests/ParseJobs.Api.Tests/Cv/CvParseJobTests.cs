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
        using var client = await app.CreateClientForNewOrganisationAsync();
        var jobId = await client.UploadAsync(SampleDocuments.Txt(), "cv.txt");
        await client.WaitForTerminalStatusAsync(jobId);
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ParseJobsDbContext>();
        var stale = await db.Jobs.SingleAsync(j => j.Id == jobId);
        // The submitter's copy is stale: meanwhile a worker moved the job on (here: a new attempt runs).
        await using (var worker = CreateDb())
        {
            await worker.Jobs.Where(j => j.Id == jobId).ExecuteUpdateAsync(s => s.SetProperty(j => j.AttemptCount, 3));
        }

        await scope.ServiceProvider.GetRequiredService<JobDispatcher>().DispatchAsync(stale);

        await using var check = CreateDb();
        var recorded = await check.Jobs.AsNoTracking().Where(j => j.Id == jobId).Select(j => new { j.BackgroundJobId, j.AttemptCount }).SingleAsync();
        Assert.False(string.IsNullOrEmpty(recorded.BackgroundJobId));
        Assert.Equal(3, recorded.AttemptCount);
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
        using var client = await app.CreateClientForNewOrganisationAsync();
        var jobId = await client.UploadAsync(SampleDocuments.Pdf(pages: 3), "cv.pdf");

        // Two extra runs race the one Hangfire started: only one outcome may be saved.
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

    private ParseJobsDbContext CreateDb() =>
        app.Services.GetRequiredService<IDbContextFactory<ParseJobsDbContext>>().CreateDbContext();
}
