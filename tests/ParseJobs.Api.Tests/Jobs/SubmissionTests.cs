using Hangfire;
using Hangfire.States;
using Microsoft.EntityFrameworkCore;
using ParseJobs.Api.Jobs;
using ParseJobs.Api.Persistence;
using ParseJobs.Api.Tests.Infrastructure;
using ParseJobs.Api.Tests.Samples;

namespace ParseJobs.Api.Tests.Jobs;

/// <summary>Makes the next Hangfire enqueues fail, as they did under connection exhaustion (faults §ghost jobs).</summary>
public sealed class FlakyEnqueue
{
    private int _failures;

    public void FailNext(int count) => Interlocked.Exchange(ref _failures, count);

    public bool ShouldFail() => Interlocked.Decrement(ref _failures) >= 0;
}

public sealed class FlakyBackgroundJobClient(IBackgroundJobClient inner, FlakyEnqueue flaky) : IBackgroundJobClient
{
    public string Create(Hangfire.Common.Job job, IState state) => flaky.ShouldFail()
        ? throw new InvalidOperationException("Simulated: the Hangfire enqueue failed (too many clients already).")
        : inner.Create(job, state);

    public bool ChangeState(string jobId, IState state, string expectedState) => inner.ChangeState(jobId, state, expectedState);
}

/// <summary>A 202 means the job will run: the job row is the outbox, the sweeper dispatches what the enqueue missed.</summary>
[Collection(ItemJobsCollection.Name)]
public sealed class SubmissionTests(ItemJobsFixture hosts)
{
    private ItemJobsFixture.PrimaryHost app => hosts.A;

    [Fact]
    public async Task Upload_Answers202_AndTheJobRuns_WhenTheEnqueueAfterTheCommitFails()
    {
        using var client = await app.CreateClientForNewOrganisationAsync();
        app.Flaky.FailNext(1);

        var jobId = await client.UploadAsync(SampleDocuments.Txt(), "cv.txt"); // asserts 202

        await using (var db = CreateDb())
        {
            var job = await db.Jobs.AsNoTracking().SingleAsync(j => j.Id == jobId);
            Assert.Equal((JobStatus.Pending, null), (job.Status, job.BackgroundJobId));
            // Past the sweeper's grace time (Worker:DispatchGraceSeconds).
            await db.Jobs.Where(j => j.Id == jobId).ExecuteUpdateAsync(s => s.SetProperty(j => j.DispatchedAt, DateTimeOffset.UtcNow.AddHours(-1)));
        }

        await SweepAsync();

        var status = await client.WaitForTerminalStatusAsync(jobId);
        Assert.Equal("completed", status.GetProperty("status").GetString());
    }

    [Fact]
    public async Task Sweeper_DispatchesAPendingJob_ThatWasNeverEnqueued()
    {
        using var client = await app.CreateClientForNewOrganisationAsync();
        var jobId = await client.UploadAsync(SampleDocuments.Txt(), "cv.txt");
        await client.WaitForTerminalStatusAsync(jobId);
        // What a process that died between the commit and the enqueue leaves: pending, never claimed, old.
        await using (var db = CreateDb())
        {
            await db.JobResults.Where(r => r.JobId == jobId).ExecuteDeleteAsync();
            await db.Jobs.Where(j => j.Id == jobId).ExecuteUpdateAsync(s => s
                .SetProperty(j => j.Status, JobStatus.Pending)
                .SetProperty(j => j.AttemptCount, 0)
                .SetProperty(j => j.DispatchedAt, (DateTimeOffset?)null)
                .SetProperty(j => j.BackgroundJobId, (string?)null)
                .SetProperty(j => j.CreatedAt, DateTimeOffset.UtcNow.AddHours(-1)));
        }

        await SweepAsync();

        var job = await client.WaitForJobAsync(jobId);
        Assert.Equal("completed", job.GetProperty("status").GetString());
        Assert.Equal(1, job.GetProperty("attempt_count").GetInt32());
    }

    [Fact]
    public async Task Sweeper_LeavesAPendingJob_WhoseHangfireJobIsStillQueued()
    {
        using var client = await app.CreateClientForNewOrganisationAsync();
        var jobId = await client.UploadAsync(SampleDocuments.Txt(), "cv.txt");
        await client.WaitForTerminalStatusAsync(jobId);
        // Pending again, with a live (scheduled) Hangfire job: the sweeper must not enqueue a second one.
        var hangfire = app.Services.GetRequiredService<IBackgroundJobClient>();
        var scheduled = hangfire.Schedule<JobSweeper>(s => s.RunAsync(CancellationToken.None), TimeSpan.FromHours(1));
        await using (var db = CreateDb())
        {
            await db.Jobs.Where(j => j.Id == jobId).ExecuteUpdateAsync(s => s
                .SetProperty(j => j.Status, JobStatus.Pending)
                .SetProperty(j => j.BackgroundJobId, scheduled)
                .SetProperty(j => j.DispatchedAt, DateTimeOffset.UtcNow.AddHours(-1)));
        }

        await using var scope = app.Services.CreateAsyncScope();
        var sweeper = scope.ServiceProvider.GetRequiredService<JobSweeper>();
        await sweeper.DispatchStrandedJobsAsync(CancellationToken.None);

        await using var check = CreateDb();
        Assert.Equal(scheduled, await check.Jobs.Where(j => j.Id == jobId).Select(j => j.BackgroundJobId).SingleAsync());
        hangfire.Delete(scheduled);
    }

    private async Task SweepAsync()
    {
        await using var scope = app.Services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<JobSweeper>().RunAsync(CancellationToken.None);
    }

    private ParseJobsDbContext CreateDb() =>
        app.Services.GetRequiredService<IDbContextFactory<ParseJobsDbContext>>().CreateDbContext();
}
