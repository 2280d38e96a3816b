using MySqlConnector;
using ParseJobs.Api.Batches.Sources;
using ParseJobs.Api.Batches.Sources.Database;
using static ParseJobs.Api.Tests.Batches.Sources.Database.DatabaseSourceTesting;

namespace ParseJobs.Api.Tests.Batches.Sources.Database;

/// <summary>
/// A database of its own on the test MariaDB (PARSEJOBS_TEST_MYSQL, set by scripts/test.sh from scripts/mariadb.sh)
/// with a table of candidates. In CI a missing server fails every test; elsewhere the tests pass without running.
/// </summary>
public sealed class MariaDbSourceDatabase : IAsyncLifetime
{
    public const string EnvironmentVariable = "PARSEJOBS_TEST_MYSQL";

    private readonly string _name = $"parsejobs_src_{Guid.NewGuid():N}";
    private string? _server;

    /// <summary>False outside CI when no server is configured (then a test returns at once).</summary>
    public bool Available => _server is not null;

    public string ConnectionString => new MySqlConnectionStringBuilder(_server!) { Database = _name }.ConnectionString;

    public string Host => new MySqlConnectionStringBuilder(_server!).Server;

    public async Task InitializeAsync()
    {
        _server = Environment.GetEnvironmentVariable(EnvironmentVariable);
        if (string.IsNullOrWhiteSpace(_server))
        {
            _server = null;
            if (!string.IsNullOrEmpty(Environment.GetEnvironmentVariable("CI")))
            {
                throw new InvalidOperationException($"{EnvironmentVariable} is not set: CI runs the MySQL source tests against a real MariaDB (scripts/test.sh starts one with scripts/mariadb.sh).");
            }

            return;
        }

        await using var connection = new MySqlConnection(_server);
        await connection.OpenAsync();
        await using var create = new MySqlCommand($"""
            CREATE DATABASE `{_name}` CHARACTER SET utf8mb4;
            CREATE TABLE `{_name}`.candidates (id INT PRIMARY KEY, name VARCHAR(200), resume_text LONGTEXT, document LONGBLOB, filename VARCHAR(500));
            INSERT INTO `{_name}`.candidates VALUES
              (1, 'Zoë Müller', 'Datenanalystin: SQL, Python, Power BI', NULL, 'zoe.txt'),
              (2, 'Ben', NULL, @document, 'ben.pdf'),
              (3, 'Cem', '', NULL, NULL);
            """, connection);
        create.Parameters.AddWithValue("@document", Document);
        await create.ExecuteNonQueryAsync();
    }

    public async Task<long> CountAsync()
    {
        await using var connection = new MySqlConnection(ConnectionString);
        await connection.OpenAsync();
        await using var count = new MySqlCommand("SELECT count(*) FROM candidates", connection);
        return Convert.ToInt64(await count.ExecuteScalarAsync(), System.Globalization.CultureInfo.InvariantCulture);
    }

    public async Task DisposeAsync()
    {
        if (_server is null)
        {
            return;
        }

        await using var connection = new MySqlConnection(_server);
        await connection.OpenAsync();
        await using var drop = new MySqlCommand($"DROP DATABASE IF EXISTS `{_name}`", connection);
        await drop.ExecuteNonQueryAsync();
    }
}

public sealed class MariaDbSourceTests(MariaDbSourceDatabase db) : IClassFixture<MariaDbSourceDatabase>
{
    private DatabaseSourceOptions Allowed(int statementTimeoutSeconds = 30, int maxRows = 1_000) => new()
    {
        AllowedHosts = [db.Host],
        StatementTimeoutSeconds = statementTimeoutSeconds,
        MaxRows = maxRows,
    };

    [Fact]
    public async Task Read_MapsTextAndDocumentRows()
    {
        if (!db.Available) return;

        var candidates = await ReadAllAsync(Source(Allowed()),
            Input("mysql", db.ConnectionString, "SELECT id, name, resume_text, document, filename FROM candidates ORDER BY id"));

        Assert.Equal(3, candidates.Count);
        Assert.Equal(new SourceCandidate("zoe.txt") { CandidateId = "1", Name = "Zoë Müller", ResumeText = "Datenanalystin: SQL, Python, Power BI" }, candidates[0]);
        Assert.Equal(Document, candidates[1].Content);
        Assert.Equal("ben.pdf", candidates[1].OriginalFilename);
        Assert.NotNull(candidates[2].Error);
    }

    [Theory]
    [InlineData("DROP TABLE candidates")]
    [InlineData("DELETE FROM candidates")]
    [InlineData("INSERT INTO candidates (id, name) VALUES (9, 'x')")]
    [InlineData("CREATE TABLE more_candidates (id INT)")]
    public async Task Server_RefusesWrites_EvenWhenTheQueryRulesAreBypassed(string query)
    {
        if (!db.Available) return;

        // The rules refuse these at submission; here they go to the server as they are, and the read-only session refuses them.
        var (connectionString, _) = new DatabaseConnectionPolicy(Allowed()).MySql(db.ConnectionString);
        var failure = await RawFailureAsync(() => MySqlQuerySession.OpenAsync(connectionString!, query, Allowed(), CancellationToken.None));

        Assert.Equal("SOURCE_QUERY_FAILED", failure.Code);
        Assert.Contains("read-only", failure.Message, StringComparison.Ordinal);
        Assert.Equal(3, await db.CountAsync());
    }

    [Fact]
    public async Task Source_RefusesASecondStatement_ThatWouldEndTheReadOnlyTransaction()
    {
        if (!db.Available) return;

        // MySQL runs every statement of a command: a COMMIT would end the read-only transaction, and the session's
        // read-only mode can be undone by a statement. One statement only, checked at submission and again on the worker.
        var source = Source(Allowed());
        var input = Input("mysql", db.ConnectionString, "SELECT 1 AS id, 'x' AS text; SET SESSION TRANSACTION READ WRITE; COMMIT; DROP TABLE candidates");

        Assert.Contains("one statement", source.Check(input)?.Message, StringComparison.Ordinal);
        await Assert.ThrowsAsync<CandidateSourceException>(async () =>
        {
            await foreach (var _ in source.ReadAsync(input, CancellationToken.None))
            {
            }
        });
        Assert.Equal(3, await db.CountAsync());
    }

    [Fact]
    public async Task Read_FailsWithATimeout_WhenTheQueryRunsLongerThanTheStatementTimeout()
    {
        if (!db.Available) return;

        var failure = await FailureAsync(Source(Allowed(statementTimeoutSeconds: 1)),
            Input("mysql", db.ConnectionString, "SELECT 'x' AS id, SLEEP(5) AS resume_text"));

        Assert.Equal("SOURCE_QUERY_FAILED", failure.Code);
        Assert.Contains("longer than 1 s", failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Read_StopsAfterMaxRows_WhenTheQueryReturnsMore()
    {
        if (!db.Available) return;

        var read = 0;
        var source = Source(Allowed(maxRows: 2));
        var input = Input("mysql", db.ConnectionString, "SELECT id, name AS resume_text FROM candidates ORDER BY id");

        var failure = await Assert.ThrowsAsync<CandidateSourceException>(async () =>
        {
            await foreach (var _ in source.ReadAsync(input, CancellationToken.None))
            {
                read++;
            }
        });

        Assert.Equal("SOURCE_LIMIT_EXCEEDED", failure.Code);
        Assert.Equal(2, read);
    }

    [Fact]
    public async Task Read_FailsWithTheReason_WhenTheQueryIsWrong()
    {
        if (!db.Available) return;

        var failure = await FailureAsync(Source(Allowed()), Input("mysql", db.ConnectionString, "SELECT id, resume_text FROM no_such_table"));

        Assert.Equal("SOURCE_QUERY_FAILED", failure.Code);
        Assert.Contains("no_such_table", failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Read_FailsUnavailable_WithoutThePassword_WhenThePasswordIsWrong()
    {
        if (!db.Available) return;

        var wrong = new MySqlConnectionStringBuilder(db.ConnectionString) { Password = "wrong-secret-4711" }.ConnectionString;

        var failure = await FailureAsync(Source(Allowed()), Input("mysql", wrong, "SELECT id, resume_text FROM candidates"));

        Assert.Equal("SOURCE_UNAVAILABLE", failure.Code);
        Assert.Contains("refused the login", failure.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("wrong-secret-4711", failure.ToString(), StringComparison.Ordinal);
    }
}
