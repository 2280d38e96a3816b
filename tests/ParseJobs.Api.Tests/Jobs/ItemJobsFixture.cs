using Hangfire;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using ParseJobs.Api.Tests.Infrastructure;

namespace ParseJobs.Api.Tests.Jobs;

/// <summary>
/// Two worker hosts on one database: host A (API and worker, owns the database) and host B (worker only). Both
/// register the test-only item kind; one <see cref="FanInLog"/> counts fan-ins across both.
/// </summary>
public sealed class ItemJobsFixture : IAsyncLifetime
{
    public FanInLog FanIns { get; } = new();

    public PrimaryHost A { get; private set; } = null!;

    public SecondWorkerHost B { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        A = new PrimaryHost(FanIns);
        await A.InitializeAsync();
        B = new SecondWorkerHost(A.ConnectionString, FanIns);
        _ = B.Server; // start its Hangfire servers now
    }

    public async Task DisposeAsync()
    {
        await B.DisposeAsync();
        await ((IAsyncLifetime)A).DisposeAsync();
    }

    /// <summary>Host A; its Hangfire enqueue can be made to fail (<see cref="Flaky"/>).</summary>
    public sealed class PrimaryHost(FanInLog fanIns) : ParseJobsAppFactory
    {
        public FlakyEnqueue Flaky { get; } = new();

        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            // Small pools and few workers: the test machine's PostgreSQL serves many hosts at once.
            builder.UseSetting("ConnectionStrings:Postgres", Slim(ConnectionString));
            builder.UseSetting("Parsing:ParserProcesses", "1");
            builder.UseSetting("Worker:WorkerCount", "2");
            builder.UseSetting("Worker:ItemWorkerCount", "2");
            builder.ConfigureTestServices(services =>
            {
                services.AddEchoItemKind("A", fanIns);
                services.AddSingleton<IBackgroundJobClient>(sp =>
                    new FlakyBackgroundJobClient(new BackgroundJobClient(sp.GetRequiredService<JobStorage>()), Flaky));
            });
        }
    }

    internal static string Slim(string connectionString) =>
        new Npgsql.NpgsqlConnectionStringBuilder(connectionString) { MaxPoolSize = 12 }.ConnectionString;

    public sealed class SecondWorkerHost(string connectionString, FanInLog fanIns) : WebApplicationFactory<Program>
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            builder.UseEnvironment("Testing");
            builder.UseSetting("ConnectionStrings:Postgres", Slim(connectionString));
            builder.UseSetting("Hosting:Role", "Worker");
            builder.UseSetting("Worker:QueuePollIntervalSeconds", "1"); // as ParseJobsAppFactory: hosts share one process
            builder.UseSetting(ParseJobs.Api.Hosting.SerilogSetup.WriteToConsoleKey, "false"); // quiet, like every test host
            builder.UseSetting("Parsing:ParserProcesses", "1");
            builder.UseSetting("Worker:WorkerCount", "2");
            builder.UseSetting("Worker:ItemWorkerCount", "2");
            builder.ConfigureTestServices(services => services.AddEchoItemKind("B", fanIns));
        }
    }
}

// Not in parallel with the other collections: two more hosts at once exhaust a shared test PostgreSQL's connections.
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class ItemJobsCollection : ICollectionFixture<ItemJobsFixture>
{
    public const string Name = "item-jobs";
}
