using Npgsql;
using Testcontainers.PostgreSql;

namespace ParseJobs.Api.Tests.Infrastructure;

/// <summary>
/// A fresh, empty PostgreSQL database for one test host. The server comes from PARSEJOBS_TEST_POSTGRES
/// (a connection string whose user may create databases; scripts/test.sh sets it) or, when that is unset,
/// from a Testcontainers PostgreSQL where a Docker engine answers.
/// </summary>
public sealed class TestDatabase : IAsyncDisposable
{
    public const string EnvironmentVariable = "PARSEJOBS_TEST_POSTGRES";

    private readonly string _serverConnectionString;
    private readonly PostgreSqlContainer? _container;

    private TestDatabase(string serverConnectionString, string databaseName, PostgreSqlContainer? container)
    {
        _serverConnectionString = serverConnectionString;
        _container = container;
        DatabaseName = databaseName;
        ConnectionString = new NpgsqlConnectionStringBuilder(serverConnectionString) { Database = databaseName }.ConnectionString;
    }

    public string DatabaseName { get; }

    public string ConnectionString { get; }

    public static async Task<TestDatabase> CreateAsync()
    {
        PostgreSqlContainer? container = null;
        var server = Environment.GetEnvironmentVariable(EnvironmentVariable);
        if (string.IsNullOrWhiteSpace(server))
        {
            try
            {
                container = new PostgreSqlBuilder("postgres:16-alpine").Build();
                await container.StartAsync();
            }
            catch (Exception ex)
            {
                if (container is not null)
                {
                    await container.DisposeAsync();
                }

                throw new InvalidOperationException(
                    $"No PostgreSQL for the integration tests: set {EnvironmentVariable} to a connection string whose user may " +
                    "create databases (scripts/test.sh starts a local server and sets it), or run a Docker engine for Testcontainers. " +
                    $"Docker said: {ex.Message}", ex);
            }

            server = container.GetConnectionString();
        }

        var name = $"parsejobs_test_{Guid.NewGuid():N}";
        await using (var connection = new NpgsqlConnection(server))
        {
            await connection.OpenAsync();
            await using var create = new NpgsqlCommand($"CREATE DATABASE \"{name}\"", connection);
            await create.ExecuteNonQueryAsync();
        }

        return new TestDatabase(server, name, container);
    }

    public async ValueTask DisposeAsync()
    {
        NpgsqlConnection.ClearAllPools();
        try
        {
            await using var connection = new NpgsqlConnection(_serverConnectionString);
            await connection.OpenAsync();
            await using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{DatabaseName}\" WITH (FORCE)", connection);
            await drop.ExecuteNonQueryAsync();
        }
        finally
        {
            if (_container is not null)
            {
                await _container.DisposeAsync();
            }
        }
    }
}
