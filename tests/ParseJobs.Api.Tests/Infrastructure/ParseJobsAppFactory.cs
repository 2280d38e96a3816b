using System.Net.Http.Headers;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using ParseJobs.Api.Auth;

namespace ParseJobs.Api.Tests.Infrastructure;

/// <summary>
/// The real host (API + Hangfire server + isolated parser processes) over real HTTP handlers and a fresh
/// PostgreSQL database. One per test collection; tests isolate themselves by organisation.
/// </summary>
public class ParseJobsAppFactory : WebApplicationFactory<Program>, IAsyncLifetime
{
    private TestDatabase? _database;

    public virtual string ConnectionString => _database?.ConnectionString ?? throw new InvalidOperationException("Not initialised.");

    /// <summary>The database this host uses.</summary>
    protected TestDatabase Database => _database ?? throw new InvalidOperationException("Not initialised.");

    /// <summary>The host's log (nothing goes to the console).</summary>
    public TestLogSink Logs { get; } = new();

    /// <summary>Whether the database needs a role that PostgreSQL's connection limits apply to (not a superuser).</summary>
    protected virtual bool NeedsRegularUser => false;

    /// <summary>Settings every test host shares; subclasses add their own.</summary>
    protected virtual IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?>(StringComparer.Ordinal)
    {
        ["Uploads:MaxFileSizeMb"] = "2",
        ["Parsing:MaxPages"] = "5",
        ["Parsing:ParserProcesses"] = "2",
        ["Parsing:ParseTimeoutSeconds"] = "30",
        ["Worker:WorkerCount"] = "4",
        // Hosts in one process share Hangfire.PostgreSql's static per-queue signal (HangfireQueueWakeUp): an enqueue may
        // wake another test host's worker, and this poll then bounds the wait. One host per process in production.
        ["Worker:QueuePollIntervalSeconds"] = "1",
    };

    public async Task InitializeAsync()
    {
        _database = await TestDatabase.CreateAsync(NeedsRegularUser);
        await BeforeHostStartsAsync();
        StartServer(); // start the host now (TestServer or Kestrel): migrations and Hangfire schema before the first test
    }

    /// <summary>Runs after the database exists, before the host starts.</summary>
    protected virtual Task BeforeHostStartsAsync() => Task.CompletedTask;

    /// <summary>Runs after the host stopped, before the database is dropped.</summary>
    protected virtual ValueTask AfterHostStoppedAsync() => ValueTask.CompletedTask;

    async Task IAsyncLifetime.DisposeAsync()
    {
        await base.DisposeAsync();
        await AfterHostStoppedAsync();
        if (_database is not null)
        {
            await _database.DisposeAsync();
        }
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        builder.UseSetting("ConnectionStrings:Postgres", ConnectionString);
        builder.UseSetting(ParseJobs.Api.Hosting.SerilogSetup.WriteToConsoleKey, "false");
        builder.ConfigureServices(services => services.AddSingleton<Serilog.Core.ILogEventSink>(Logs));
        foreach (var (key, value) in Settings)
        {
            builder.UseSetting(key, value);
        }
    }

    /// <summary>A client authenticated with a new key of a new organisation.</summary>
    public async Task<HttpClient> CreateClientForNewOrganisationAsync(params string[] scopes)
    {
        var key = await CreateKeyAsync($"org-{Guid.NewGuid():N}"[..20], scopes.Length > 0 ? scopes : [Scopes.JobsRead, Scopes.JobsWrite]);
        return CreateClientWithKey(key.Key);
    }

    public async Task<ApiKeyAdmin.CreatedKey> CreateKeyAsync(string organisation, params string[] scopes)
    {
        await using var scope = Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<ApiKeyAdmin>().CreateAsync(organisation, scopes, CancellationToken.None);
    }

    public HttpClient CreateClientWithKey(string key)
    {
        var client = CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", key);
        return client;
    }
}

[CollectionDefinition(Name)]
public sealed class ApiCollection : ICollectionFixture<ParseJobsAppFactory>
{
    public const string Name = "api";
}
