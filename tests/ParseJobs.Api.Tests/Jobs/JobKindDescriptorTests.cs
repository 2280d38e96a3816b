using Hangfire;
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
