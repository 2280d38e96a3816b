using System.Net;
using Npgsql;
using ParseJobs.Api.Tests.Infrastructure;

namespace ParseJobs.Api.Tests.Hosting;

/// <summary>An API node with a small EF pool on a database whose connection limit the tests set (as a role the
/// limit applies to: PostgreSQL exempts superusers).</summary>
public sealed class ConnectionLimitAppFactory : ParseJobsAppFactory
{
    public const int PoolSize = 3;

    protected override bool NeedsRegularUser => true;

    protected override IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?>(base.Settings, StringComparer.Ordinal)
    {
        ["Hosting:Role"] = "Api",
        ["Auth:KeyCacheSeconds"] = "0", // every request looks its key up: more connections wanted at once
        ["Database:MaxPoolSize"] = PoolSize.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["Database:MaxRetryCount"] = "0",
        ["Database:ConnectionTimeoutSeconds"] = "60",
    };

    /// <summary>Sets the database's connection limit and ends its current sessions, so that it holds from now on.</summary>
    public async Task SetConnectionLimitAsync(int limit)
    {
        // From the server's own database: this one may be full.
        var admin = new NpgsqlConnectionStringBuilder(Database.ServerConnectionString) { Pooling = false }.ConnectionString;
        await using var connection = new NpgsqlConnection(admin);
        await connection.OpenAsync();
        await using var alter = new NpgsqlCommand($"ALTER DATABASE \"{Database.DatabaseName}\" CONNECTION LIMIT {limit}", connection);
        await alter.ExecuteNonQueryAsync();
        await using var terminate = new NpgsqlCommand(
            "SELECT count(pg_terminate_backend(pid)) FROM pg_stat_activity WHERE datname = @name", connection);
        terminate.Parameters.AddWithValue("name", Database.DatabaseName);
        await terminate.ExecuteScalarAsync();
    }
}

[Collection(FaultsCollection.Name)]
public sealed class ConnectionLimitTests(ConnectionLimitAppFactory app) : IClassFixture<ConnectionLimitAppFactory>
{
    private const int Burst = 40;

    [Fact]
    public async Task Requests_WaitForAPooledConnection_WhenMoreArriveThanThePoolHolds()
    {
        // The node's own budget: the EF pool and its one listener connection, which reconnects after the limit's
        // session cut and must not take one of the pool's places.
        await app.SetConnectionLimitAsync(ConnectionLimitAppFactory.PoolSize + Api.Hosting.ConnectionBudget.Listener);
        using var client = await WarmClientAsync();

        var statuses = await Task.WhenAll(Enumerable.Range(0, Burst).Select(async _ =>
        {
            using var response = await client.GetAsync("/v1/jobs");
            return response.StatusCode;
        }));

        Assert.All(statuses, s => Assert.Equal(HttpStatusCode.OK, s));
    }

    [Fact]
    public async Task Requests_NeverAnswer500_WhenTheConnectionLimitIsReached()
    {
        await app.SetConnectionLimitAsync(ConnectionLimitAppFactory.PoolSize);
        using var client = await WarmClientAsync();
        await app.SetConnectionLimitAsync(1); // the pool may open 3, the server allows 1: "too many connections" (53300)

        var responses = await Task.WhenAll(Enumerable.Range(0, Burst).Select(i => i % 2 == 0
            ? client.GetAsync("/v1/jobs")
            : client.PostFileAsync("/v1/parse", "Jane Doe\nSoftware engineer, Berlin\n"u8.ToArray(), "cv.txt")));
        try
        {
            Assert.All(responses, r => Assert.True(
                r.StatusCode is HttpStatusCode.OK or HttpStatusCode.Accepted or HttpStatusCode.ServiceUnavailable,
                $"{(int)r.StatusCode} {r.RequestMessage?.Method} {r.RequestMessage?.RequestUri}"));
            Assert.Contains(responses, r => r.StatusCode == HttpStatusCode.ServiceUnavailable);
            foreach (var unavailable in responses.Where(r => r.StatusCode == HttpStatusCode.ServiceUnavailable))
            {
                await DatabaseFaultTests.AssertUnavailableAsync(unavailable);
            }
        }
        finally
        {
            foreach (var response in responses)
            {
                response.Dispose();
            }

            await app.SetConnectionLimitAsync(-1);
        }
    }

    // A key, and a pool whose connections the terminated sessions no longer break.
    private async Task<HttpClient> WarmClientAsync()
    {
        var client = await CreateKeyWithRetriesAsync();
        var ok = 0;
        for (var i = 0; i < 50 && ok < 5; i++)
        {
            using var response = await client.GetAsync("/v1/jobs");
            ok = response.StatusCode == HttpStatusCode.OK ? ok + 1 : 0;
        }

        Assert.Equal(5, ok);
        return client;
    }

    private async Task<HttpClient> CreateKeyWithRetriesAsync()
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                return await app.CreateClientForNewOrganisationAsync();
            }
            catch (Exception ex) when (attempt < 5 && ParseJobs.Api.Persistence.DatabaseErrors.IsUnavailable(ex))
            {
                await Task.Delay(200);
            }
        }
    }
}
