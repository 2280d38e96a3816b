using Npgsql;
using ParseJobs.Api.Batches.Sources;
using ParseJobs.Api.Batches.Sources.Database;
using ParseJobs.Api.Tests.Infrastructure;
using static ParseJobs.Api.Tests.Batches.Sources.Database.DatabaseSourceTesting;

namespace ParseJobs.Api.Tests.Batches.Sources.Database;

/// <summary>A database of the test PostgreSQL with a table of candidates, read by the DATABASE source.</summary>
public sealed class PostgresSourceDatabase : IAsyncLifetime
{
    private TestDatabase? _database;

    public string ConnectionString => _database!.ConnectionString;

    public string Host => new NpgsqlConnectionStringBuilder(ConnectionString).Host!;

    public async Task InitializeAsync()
    {
        _database = await TestDatabase.CreateAsync();
        await using var connection = new NpgsqlConnection(ConnectionString);
        await connection.OpenAsync();
        await using var create = new NpgsqlCommand("""
            CREATE TABLE candidates (id integer PRIMARY KEY, name text, resume_text text, document bytea, filename text);
            INSERT INTO candidates VALUES
              (1, 'Anna Muster', 'Senior React developer, TypeScript', NULL, 'anna.txt'),
              (2, 'Ben Beispiel', NULL, @document, 'ben.pdf'),
              (3, 'Cem', NULL, NULL, NULL);
            """, connection);
        create.Parameters.AddWithValue("document", Document);
        await create.ExecuteNonQueryAsync();
    }

    public async Task<long> CountAsync()
    {
        await using var connection = new NpgsqlConnection(ConnectionString);
        await connection.OpenAsync();
        await using var count = new NpgsqlCommand("SELECT count(*) FROM candidates", connection);
        return (long)(await count.ExecuteScalarAsync())!;
    }

    public async Task DisposeAsync()
    {
        if (_database is not null)
        {
            await _database.DisposeAsync();
        }
    }
}

public sealed class PostgresSourceTests(PostgresSourceDatabase db) : IClassFixture<PostgresSourceDatabase>
{
    private DatabaseSourceOptions Allowed(int statementTimeoutSeconds = 30, int maxRows = 1_000, int maxResumeTextKb = 200) => new()
    {
        AllowedHosts = [db.Host],
        StatementTimeoutSeconds = statementTimeoutSeconds,
        MaxRows = maxRows,
        MaxResumeTextKb = maxResumeTextKb,
    };

    [Fact]
    public async Task Read_MapsTextAndDocumentRows_AndARowWithNeitherIsAnError()
    {
        var candidates = await ReadAllAsync(Source(Allowed()),
            Input("postgresql", db.ConnectionString, "SELECT id, name, resume_text, document, filename FROM candidates ORDER BY id;"));

        Assert.Equal(3, candidates.Count);
        Assert.Equal("anna.txt", candidates[0].OriginalFilename);
        Assert.Equal("1", candidates[0].CandidateId);
        Assert.Equal("Anna Muster", candidates[0].Name);
        Assert.Equal("Senior React developer, TypeScript", candidates[0].ResumeText);
        Assert.Null(candidates[0].Content);
        Assert.Equal(Document, candidates[1].Content);
        Assert.Null(candidates[1].ResumeText);
        Assert.Equal("3", candidates[2].OriginalFilename); // no filename: the id
        Assert.Contains("no resume text and no document", candidates[2].Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Read_FindsColumnsByTheirOtherNames()
    {
        var candidates = await ReadAllAsync(Source(Allowed()), Input("postgresql", db.ConnectionString,
            "SELECT 'X-' || id AS Candidate_Id, document AS content, name, filename AS file_name, resume_text AS text FROM candidates WHERE id <= 2 ORDER BY id"));

        Assert.Equal(["X-1", "X-2"], candidates.Select(c => c.CandidateId ?? "").ToArray());
        Assert.Equal("Senior React developer, TypeScript", candidates[0].ResumeText);
        Assert.Equal(Document, candidates[1].Content);
        Assert.Equal("ben.pdf", candidates[1].OriginalFilename);
    }

    [Fact]
    public async Task Read_FailsAndLeavesTheTable_WhenTheQueryWrites()
    {
        var failure = await FailureAsync(Source(Allowed()), Input("postgresql", db.ConnectionString,
            "WITH gone AS (DELETE FROM candidates RETURNING id, name, resume_text) SELECT * FROM gone"));

        Assert.Equal("SOURCE_QUERY_FAILED", failure.Code);
        Assert.Contains("read-only", failure.Message, StringComparison.Ordinal);
        Assert.Equal(3, await db.CountAsync());
    }

    [Fact]
    public async Task Server_RefusesASecondStatement_EvenWhenTheQueryRulesAreBypassed()
    {
        // The rules refuse semicolons; here the text goes to the server as it is: COMMIT then a write.
        var (connectionString, _) = new DatabaseConnectionPolicy(Allowed()).Postgres(db.ConnectionString);
        var failure = await RawFailureAsync(() => PostgresQuerySession.OpenAsync(connectionString!,
            "SELECT 1 AS id, 'x' AS text; COMMIT; DROP TABLE candidates", Allowed(), CancellationToken.None));

        Assert.Equal("SOURCE_QUERY_FAILED", failure.Code);
        Assert.Contains("cannot insert multiple commands", failure.Message, StringComparison.Ordinal);
        Assert.Equal(3, await db.CountAsync());
    }

    [Fact]
    public async Task Read_FailsWithATimeout_WhenTheQueryRunsLongerThanTheStatementTimeout()
    {
        var failure = await FailureAsync(Source(Allowed(statementTimeoutSeconds: 1)),
            Input("postgresql", db.ConnectionString, "SELECT 'x' AS id, pg_sleep(5)::text AS resume_text"));

        Assert.Equal("SOURCE_QUERY_FAILED", failure.Code);
        Assert.Contains("longer than 1 s", failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Read_StopsAfterMaxRows_WhenTheQueryReturnsMore()
    {
        var read = 0;
        var source = Source(Allowed(maxRows: 5));
        var input = Input("postgresql", db.ConnectionString, "SELECT g AS id, 'text ' || g AS resume_text FROM generate_series(1, 10000000) g");

        var failure = await Assert.ThrowsAsync<CandidateSourceException>(async () =>
        {
            await foreach (var _ in source.ReadAsync(input, CancellationToken.None))
            {
                read++;
            }
        });

        Assert.Equal("SOURCE_LIMIT_EXCEEDED", failure.Code);
        Assert.Contains("Sources:Database:MaxRows", failure.Message, StringComparison.Ordinal);
        Assert.Equal(5, read);
    }

    [Fact]
    public async Task Read_MakesARowAnError_WhenItsTextIsOverTheLimit()
    {
        var candidates = await ReadAllAsync(Source(Allowed(maxResumeTextKb: 1)),
            Input("postgresql", db.ConnectionString, "SELECT 1 AS id, repeat('x', 2000) AS resume_text UNION ALL SELECT 2, 'short'"));

        Assert.Contains("longer than 1024", candidates[0].Error, StringComparison.Ordinal);
        Assert.Null(candidates[0].ResumeText);
        Assert.Equal("short", candidates[1].ResumeText);
    }

    [Theory]
    [InlineData("SELECT id, name FROM candidates", "needs resume_text")]
    [InlineData("SELECT * FROM no_such_table", "42P01")]
    [InlineData("SELECT id, resume_text FROM candidates WHERE", "42601")]
    public async Task Read_FailsWithTheReason_WhenTheQueryIsWrong(string query, string reason)
    {
        var failure = await FailureAsync(Source(Allowed()), Input("postgresql", db.ConnectionString, query));

        Assert.Equal("SOURCE_QUERY_FAILED", failure.Code);
        Assert.Contains(reason, failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Read_FailsUnavailable_WithoutThePassword_WhenThePasswordIsWrong()
    {
        var wrong = new NpgsqlConnectionStringBuilder(db.ConnectionString) { Password = "wrong-secret-4711" }.ConnectionString;

        var failure = await FailureAsync(Source(Allowed()), Input("postgresql", wrong, "SELECT id, resume_text FROM candidates"));

        Assert.Equal("SOURCE_UNAVAILABLE", failure.Code);
        Assert.Contains("refused the login", failure.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("wrong-secret-4711", failure.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Read_FailsUnavailable_WhenNothingListensOnThePort()
    {
        var closed = new NpgsqlConnectionStringBuilder(db.ConnectionString) { Port = 1 }.ConnectionString;

        var failure = await FailureAsync(Source(Allowed()), Input("postgresql", closed, "SELECT id, resume_text FROM candidates"));

        Assert.Equal("SOURCE_UNAVAILABLE", failure.Code);
        Assert.Contains(db.Host, failure.Message, StringComparison.Ordinal);
    }
}
