using Hangfire;
using Microsoft.EntityFrameworkCore;
using ParseJobs.Api.Jobs;
using ParseJobs.Api.Tests.Infrastructure;

namespace ParseJobs.Api.Tests.Jobs;

/// <summary>Every production kind is registered by its feature in the real host; registrations are checked.</summary>
[Collection(ApiCollection.Name)]
public sealed class JobKindDescriptorTests(ParseJobsAppFactory app)
{
    [Fact]
    public void EveryJobKind_HasADescriptor_WhoseJobClassResolves()
    {
        var kinds = app.Services.GetRequiredService<JobKinds>();
        using var scope = app.Services.CreateScope();

        foreach (var kind in Enum.GetValues<JobKind>())
        {
            Assert.True(kinds.TryGet(kind, out var descriptor), $"Job kind {kind} has no descriptor: its feature must call AddJobKind.");
            Assert.NotNull(scope.ServiceProvider.GetRequiredService(descriptor.JobType));
            Assert.True(descriptor.TimeoutFor(scope.ServiceProvider) > TimeSpan.Zero);
        }
    }

    [Fact]
    public async Task Upload_CommitsTheJobClaimed_AndEnqueuesTheWorkerThreadRun()
    {
        using var client = await app.CreateClientForNewOrganisationAsync();
        var jobId = await client.UploadAsync(Samples.SampleDocuments.Txt(), "cv.txt");
        await client.WaitForTerminalStatusAsync(jobId);

        await using var scope = app.Services.CreateAsyncScope();
        var job = await scope.ServiceProvider.GetRequiredService<Api.Persistence.ParseJobsDbContext>().Jobs
            .Where(j => j.Id == jobId).Select(j => new { j.CreatedAt, j.DispatchedAt, j.BackgroundJobId }).SingleAsync();
        using var hangfire = app.Services.GetRequiredService<JobStorage>().GetConnection();
        var invoked = hangfire.GetJobData(job.BackgroundJobId!).Job.Method.Name;

        // The claim is part of the insert (the same instant), not a compare-and-set UPDATE after the commit.
        Assert.Equal(job.CreatedAt, job.DispatchedAt);
        // Hangfire calls the void Run, which waits without spinning, not the Task-returning RunAsync.
        Assert.Equal(nameof(IJobClass.Run), invoked);
    }

    [Fact]
    public async Task WorkerThreadWait_ReturnsWhenTheWorkEnds_AndRethrowsItsExceptionUnwrapped()
    {
        var gate = new TaskCompletionSource();
        var work = Task.Run(async () => await gate.Task);
        var waiter = Task.Run(() => WorkerThreadWait.RunToEnd(work));
        await Task.Delay(100);
        Assert.False(waiter.IsCompleted);
        gate.SetResult();
        await waiter.WaitAsync(TimeSpan.FromSeconds(10));

        Assert.Throws<TimeoutException>(() => WorkerThreadWait.RunToEnd(Task.Run(async () =>
        {
            await Task.Delay(10);
            throw new TimeoutException("boom");
        })));
    }

    [Fact]
    public void JobKinds_HasNoDescriptor_ForAKindNobodyRegistered()
    {
        var kinds = app.Services.GetRequiredService<JobKinds>();

        Assert.False(kinds.TryGet(TestItemKind.Echo, out _)); // test-only: unknown to the production host
        Assert.Throws<InvalidOperationException>(() => kinds.Get(TestItemKind.Echo));
    }

    [Fact]
    public void AddJobKind_Rejects_AJobClassThatIsNotAJobClass()
    {
        var services = new ServiceCollection();

        Assert.Throws<InvalidOperationException>(() => services.AddJobKind<string, string>(JobKind.CvParse));
        Assert.Throws<InvalidOperationException>(() => services.AddJobKind<string, string>(JobKind.CvParse, k => k.WithItems(5)));
    }

    [Fact]
    public void JobKinds_Rejects_AKindRegisteredTwice()
    {
        var services = new ServiceCollection();
        services.AddJobKind<EchoItemWork, EchoItemResult>(TestItemKind.Echo, k => k.WithItems(2));
        services.AddJobKind<EchoItemWork, EchoItemResult>(TestItemKind.Echo, k => k.WithItems(3));
        services.AddSingleton<JobKinds>();
        using var provider = services.BuildServiceProvider();

        Assert.Throws<InvalidOperationException>(() => provider.GetRequiredService<JobKinds>());
    }

    [Fact]
    public void Descriptor_EnqueuesOnItsOwnQueue()
    {
        var descriptor = app.Services.GetRequiredService<JobKinds>().Get(JobKind.CvParse);
        var hangfire = app.Services.GetRequiredService<IBackgroundJobClient>();
        var storage = app.Services.GetRequiredService<JobStorage>();

        // An id no job has: the run finds nothing and ends; the Hangfire job's queue is what counts here.
        var id = descriptor.EnqueueJob!(hangfire, Guid.NewGuid());

        using var connection = storage.GetConnection();
        Assert.Equal("parse", connection.GetJobParameter(id, "Queue") ?? connection.GetJobData(id)?.Job.Queue);
    }
}
