using System.Net;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using ParseJobs.Api.Auth;
using ParseJobs.Api.Hosting;
using ParseJobs.Api.Persistence;
using ParseJobs.Api.Tests.Infrastructure;

namespace ParseJobs.Api.Tests.Hosting;

/// <summary>An API node whose database connection runs through a <see cref="TcpProxy"/> the tests can cut.</summary>
public sealed class ProxiedDatabaseAppFactory : ParseJobsAppFactory
{
    private TcpProxy? _proxy;
    private string? _proxied;

    public TcpProxy Proxy => _proxy ?? throw new InvalidOperationException("Not initialised.");

    public override string ConnectionString => _proxied ?? throw new InvalidOperationException("Not initialised.");

    protected override IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?>(base.Settings, StringComparer.Ordinal)
    {
        ["Hosting:Role"] = "Api",
        ["Auth:KeyCacheSeconds"] = "300",
        ["Database:MaxRetryCount"] = "1",
        ["Database:MaxRetryDelaySeconds"] = "1",
        ["Database:ConnectionTimeoutSeconds"] = "3",
    };

    protected override Task BeforeHostStartsAsync()
    {
        (_proxy, _proxied) = TcpProxy.For(Database.ConnectionString);
        return Task.CompletedTask;
    }

    protected override async ValueTask AfterHostStoppedAsync()
    {
        if (_proxy is not null)
        {
            await _proxy.DisposeAsync();
        }
    }
}

[Collection(FaultsCollection.Name)]
public sealed class DatabaseFaultTests(ProxiedDatabaseAppFactory app) : IClassFixture<ProxiedDatabaseAppFactory>
{
    [Fact]
    public async Task Requests_Answer503WithRetryAfter_WhenTheDatabaseIsGone()
    {
        using var cached = await app.CreateClientForNewOrganisationAsync();
        Assert.Equal(HttpStatusCode.OK, (await cached.GetAsync("/v1/jobs")).StatusCode); // the key is cached now
        using var uncached = await app.CreateClientForNewOrganisationAsync();
        using var anonymous = app.CreateClient();

        app.Proxy.Cut();
        try
        {
            await AssertUnavailableAsync(await cached.GetAsync("/v1/jobs"));                                          // a read
            await AssertUnavailableAsync(await cached.PostFileAsync("/v1/parse", "Jane Doe\nEngineer\n"u8.ToArray(), "cv.txt")); // a write
            await AssertUnavailableAsync(await uncached.GetAsync("/v1/jobs"));                                        // the key lookup
            Assert.Equal(HttpStatusCode.ServiceUnavailable, (await anonymous.GetAsync("/health/ready")).StatusCode);
            Assert.Equal(HttpStatusCode.OK, (await anonymous.GetAsync("/health/live")).StatusCode);
        }
        finally
        {
            app.Proxy.Restore();
        }

        // Recovery without a restart: broken pooled connections are retried away.
        var deadline = DateTime.UtcNow.AddSeconds(30);
        HttpStatusCode status;
        do
        {
            status = (await cached.GetAsync("/v1/jobs")).StatusCode;
        }
        while (status != HttpStatusCode.OK && DateTime.UtcNow < deadline);
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal(HttpStatusCode.OK, (await anonymous.GetAsync("/health/ready")).StatusCode);
    }

    [Fact]
    public async Task ExecutionStrategy_Retries_AndAllowsUserTransactions()
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ParseJobsDbContext>();

        var strategy = db.Database.CreateExecutionStrategy();
        Assert.IsType<ParseJobsExecutionStrategy>(strategy);
        Assert.True(strategy.RetriesOnFailure);

        // The stock retrying strategy throws "does not support user-initiated transactions" here.
        await using var transaction = await db.Database.BeginTransactionAsync();
        Assert.True(await db.Organisations.CountAsync() >= 0);
        await transaction.RollbackAsync();
    }

    [Fact]
    public async Task EfPool_IsBoundedWithABoundedWait()
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ParseJobsDbContext>();

        var connection = new NpgsqlConnectionStringBuilder(db.Database.GetConnectionString());

        Assert.Equal(20, connection.MaxPoolSize);          // Database:MaxPoolSize default, not Npgsql's 100
        Assert.Equal(3, connection.Timeout);               // Database:ConnectionTimeoutSeconds
        Assert.Equal("parsejobs", connection.ApplicationName);
    }

    [Fact]
    public void BoundedConnectionString_KeepsAnExplicitApplicationName()
    {
        var bounded = new NpgsqlConnectionStringBuilder(
            PersistenceSetup.BoundedConnectionString("Host=db;Application Name=mine;Minimum Pool Size=50", 5, 7, "parsejobs"));

        Assert.Equal(5, bounded.MaxPoolSize);
        Assert.Equal(5, bounded.MinPoolSize);
        Assert.Equal(7, bounded.Timeout);
        Assert.Equal("mine", bounded.ApplicationName);
    }

    internal static async Task AssertUnavailableAsync(HttpResponseMessage response)
    {
        using (response)
        {
            var body = await response.Content.ReadAsStringAsync();
            Assert.True(response.StatusCode == HttpStatusCode.ServiceUnavailable, $"Expected 503, got {(int)response.StatusCode}: {body}");
            Assert.True(response.Headers.RetryAfter?.Delta > TimeSpan.Zero, "Retry-After missing");
            Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
            var problem = System.Text.Json.JsonDocument.Parse(body).RootElement;
            Assert.Equal(503, problem.GetProperty("status").GetInt32());
            Assert.Equal(response.Headers.GetValues(RequestIdMiddleware.HeaderName).Single(), problem.GetProperty("request_id").GetString());
        }
    }
}
