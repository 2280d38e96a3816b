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
    private readonly string? _ownRole;

    private TestDatabase(string serverConnectionString, string databaseName, PostgreSqlContainer? container, (string Name, string Password)? ownRole)
    {
        _serverConnectionString = serverConnectionString;
        _container = container;
        _ownRole = ownRole?.Name;
        DatabaseName = databaseName;
        var builder = new NpgsqlConnectionStringBuilder(serverConnectionString) { Database = databaseName };
        if (ownRole is { } role)
        {
            builder.Username = role.Name;
            builder.Password = role.Password;
        }

        ConnectionString = builder.ConnectionString;
        AdminConnectionString = new NpgsqlConnectionStringBuilder(serverConnectionString) { Database = databaseName }.ConnectionString;
    }

    /// <summary>The server's own database and user (test.sh): may alter this database, also when it is full.</summary>
    public string ServerConnectionString => _serverConnectionString;

    /// <summary>The server's (test.sh) user on this database.</summary>
    public string AdminConnectionString { get; }

    public string DatabaseName { get; }

    public string ConnectionString { get; }

    /// <param name="regularUser">The host must connect as a role that is not a superuser, so that connection limits
    /// apply to it: when the server's user is a superuser (CI's postgres image), a login role of this database is made.</param>
    public static async Task<TestDatabase> CreateAsync(bool regularUser = false)
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
        (string Name, string Password)? role = null;
        await using (var connection = new NpgsqlConnection(server))
        {
            await connection.OpenAsync();
            if (regularUser && await IsSuperuserAsync(connection))
            {
                role = ($"{name}_app", Guid.NewGuid().ToString("N"));
                await using var createRole = new NpgsqlCommand($"CREATE ROLE \"{role.Value.Name}\" LOGIN PASSWORD '{role.Value.Password}'", connection);
                await createRole.ExecuteNonQueryAsync();
            }

            var owner = role is { } r ? $" OWNER \"{r.Name}\"" : "";
            await using var create = new NpgsqlCommand($"CREATE DATABASE \"{name}\"{owner}", connection);
            await create.ExecuteNonQueryAsync();
        }

        return new TestDatabase(server, name, container, role);
    }

    private static async Task<bool> IsSuperuserAsync(NpgsqlConnection connection)
    {
        await using var command = new NpgsqlCommand("SELECT rolsuper FROM pg_roles WHERE rolname = current_user", connection);
        return await command.ExecuteScalarAsync() is true;
    }

    public async ValueTask DisposeAsync()
    {
        NpgsqlConnection.ClearAllPools();
        try
        {
            await using var connection = new NpgsqlConnection(_serverConnectionString);
            await connection.OpenAsync();
            if (await DropDatabaseAsync(connection) && _ownRole is not null)
            {
                await using var dropRole = new NpgsqlCommand($"DROP ROLE IF EXISTS \"{_ownRole}\"", connection);
                await dropRole.ExecuteNonQueryAsync();
            }
        }
        finally
        {
            if (_container is not null)
            {
                await _container.DisposeAsync();
            }
        }
    }

    // FORCE cannot end another role's session without that role's rights (42501), and a process of the host under
    // test may still be closing its connections: try a few times, then leave the database (a cleanup, not a test).
    private async Task<bool> DropDatabaseAsync(NpgsqlConnection connection)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                await using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{DatabaseName}\" WITH (FORCE)", connection);
                await drop.ExecuteNonQueryAsync();
                return true;
            }
            catch (PostgresException ex) when (ex.SqlState is PostgresErrorCodes.InsufficientPrivilege or PostgresErrorCodes.ObjectInUse)
            {
                if (attempt == 5)
                {
                    await Console.Error.WriteLineAsync($"Test database {DatabaseName} left behind: {ex.MessageText}");
                    return false;
                }

                NpgsqlConnection.ClearAllPools();
                await Task.Delay(500 * attempt);
            }
        }
    }
}
