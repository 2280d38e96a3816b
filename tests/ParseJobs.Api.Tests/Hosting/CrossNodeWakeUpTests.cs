using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using ParseJobs.Api.Hosting;
using ParseJobs.Api.Tests.Infrastructure;
using ParseJobs.Api.Tests.Samples;

namespace ParseJobs.Api.Tests.Hosting;

/// <summary>An API-only node (owns the database) and a worker-only node whose queue poll is ten minutes: only the
/// enqueue notification (<see cref="HangfireQueueWakeUp"/>) can start the API node's jobs in time.</summary>
public sealed class SplitRoleHosts : IAsyncLifetime
{
    public ApiOnlyHost Api { get; } = new();

    public WorkerOnlyHost Worker { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        await Api.InitializeAsync();
        Worker = new WorkerOnlyHost(Api.ConnectionString);
        _ = Worker.Server; // start its Hangfire servers and its listener now
    }

    public async Task DisposeAsync()
    {
        await Worker.DisposeAsync();
        await ((IAsyncLifetime)Api).DisposeAsync();
    }

    public sealed class ApiOnlyHost : ParseJobsAppFactory
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.UseSetting("Hosting:Role", "Api");
        }
    }

    public sealed class WorkerOnlyHost(string connectionString) : WebApplicationFactory<Program>
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            builder.UseEnvironment("Testing");
            builder.UseSetting("ConnectionStrings:Postgres", connectionString);
            builder.UseSetting("Hosting:Role", "Worker");
            builder.UseSetting(SerilogSetup.WriteToConsoleKey, "false");
            builder.UseSetting("Parsing:ParserProcesses", "1");
            builder.UseSetting("Worker:WorkerCount", "2");
            builder.UseSetting("Worker:ItemWorkerCount", "2");
            builder.UseSetting("Worker:QueuePollIntervalSeconds", "600");
        }
    }
}

[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class SplitRoleCollection : ICollectionFixture<SplitRoleHosts>
{
    public const string Name = "split-roles";
}

[Collection(SplitRoleCollection.Name)]
public sealed class CrossNodeWakeUpTests(SplitRoleHosts hosts)
{
    [Fact]
    public async Task Upload_OnAnApiNode_StartsAtOnceOnAWorkerNode_WithoutWaitingForItsQueuePoll()
    {
        using var client = await hosts.Api.CreateClientForNewOrganisationAsync();

        var jobId = await client.UploadAsync(SampleDocuments.Txt(), "cv.txt");
        var status = await client.WaitForTerminalStatusAsync(jobId, TimeSpan.FromSeconds(60));

        Assert.Equal("completed", status.GetProperty("status").GetString());
    }

    [Fact]
    public async Task Enqueue_ByAnotherNodesConnection_SignalsTheWorkerNodesQueue()
    {
        // Another node is another connection (another application name); Hangfire's in-process signal is not involved.
        var queue = $"wake-{Guid.NewGuid():N}"[..20];
        var signal = HangfireQueueWakeUp.QueueSignals!.GetWaitHandles([queue]).Single();
        var other = new Npgsql.NpgsqlConnectionStringBuilder(hosts.Api.ConnectionString) { ApplicationName = "another-node", Pooling = false };
        await using var connection = new Npgsql.NpgsqlConnection(other.ConnectionString);
        await connection.OpenAsync();
        await using var enqueue = new Npgsql.NpgsqlCommand("""
            WITH j AS (INSERT INTO hangfire.job (invocationdata, arguments, createdat) VALUES ('{}', '[]', now()) RETURNING id)
            INSERT INTO hangfire.jobqueue (jobid, queue) SELECT id, @queue FROM j
            """, connection);
        enqueue.Parameters.AddWithValue("queue", queue);

        await enqueue.ExecuteNonQueryAsync();

        Assert.True(signal.WaitOne(TimeSpan.FromSeconds(15)), "no wake-up signal for the queue within 15 s");
        await using var cleanUp = new Npgsql.NpgsqlCommand("DELETE FROM hangfire.jobqueue WHERE queue = @queue", connection);
        cleanUp.Parameters.AddWithValue("queue", queue);
        await cleanUp.ExecuteNonQueryAsync();
    }

    [Fact]
    public void QueueSignals_AreReachable_InThisHangfirePostgreSqlVersion()
    {
        // Without them every node falls back to Hangfire.PostgreSql's long polling (about 18 more statements per job).
        Assert.NotNull(HangfireQueueWakeUp.QueueSignals);
    }

    [Fact]
    public void Notification_FromThisNode_IsIgnored_AndFromAnotherNode_WakesAWorkerOfItsQueue()
    {
        var node = new HangfireNode("parsejobs-hangfire self");
        var wakeUp = new HangfireQueueWakeUp(node, []);
        var queue = $"test-{Guid.NewGuid():N}";
        var signal = HangfireQueueWakeUp.QueueSignals!.GetWaitHandles([queue]).Single();

        wakeUp.OnNotification($"{node.ApplicationName}|{queue}");
        var wokenByOwn = signal.WaitOne(0);
        wakeUp.OnNotification($"parsejobs-hangfire other|{queue}");
        var wokenByOther = signal.WaitOne(0);

        Assert.False(wokenByOwn);
        Assert.True(wokenByOther);
    }
}
