using System.Text.Json;
using ParseJobs.Api.Batches.Sources;
using ParseJobs.Api.Batches.Sources.Database;
using static ParseJobs.Api.Tests.Batches.Sources.Database.DatabaseSourceTesting;

namespace ParseJobs.Api.Tests.Batches.Sources.Database;

/// <summary>The submission's checks of a DATABASE source: config shape, query rules and the host allow-list (no network).</summary>
public sealed class DatabaseSourceCheckTests
{
    private const string Secret = "s3cret-Passw0rd";
    private const string Query = "SELECT id, name, resume_text FROM candidates";

    private static SourceProblem? Check(string type, string connectionString, string query = Query, params string[] allowedHosts) =>
        Source(new DatabaseSourceOptions { AllowedHosts = [.. allowedHosts] }).Check(Input(type, connectionString, query));

    [Theory]
    [InlineData("postgresql", $"Host=db.example.org;Port=5432;Database=hr;Username=reader;Password={Secret}")]
    [InlineData("mysql", $"Server=db.example.org;Port=3306;Database=hr;User ID=reader;Password={Secret}")]
    public void Check_RefusesEveryHost_AndNamesTheSetting_WhenTheAllowListIsEmpty(string type, string connectionString)
    {
        var problem = Check(type, connectionString);

        Assert.NotNull(problem);
        Assert.Contains("Sources:Database:AllowedHosts", problem.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(Secret, problem.Message + problem.Provided + problem.Expected, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("postgresql", $"Host=db.example.org;Username=reader;Password={Secret}", true)]
    [InlineData("postgresql", $"Host=DB.Example.Org;Username=reader;Password={Secret}", true)]
    [InlineData("postgresql", $"Host=other.example.org;Username=reader;Password={Secret}", false)]
    [InlineData("postgresql", $"Host=db.example.org,other.example.org;Username=reader;Password={Secret}", false)]
    [InlineData("postgresql", $"Host=db.example.org:5433;Username=reader;Password={Secret}", false)]
    [InlineData("postgresql", $"Host=/var/run/postgresql;Username=reader;Password={Secret}", false)]
    [InlineData("postgresql", $"Host=db.example.org;Username=reader;Password={Secret};Passfile=/root/.pgpass", false)]
    [InlineData("postgresql", $"Host=db.example.org;Username=reader;Password={Secret};Root Certificate=/etc/ssl/private/key.pem", false)]
    [InlineData("postgresql", "Host=db.example.org;Username=reader", false)]
    [InlineData("postgresql", "not a connection string", false)]
    [InlineData("mysql", $"Server=db.example.org;User ID=reader;Password={Secret}", true)]
    [InlineData("mysql", $"Server=db.example.org,other.example.org;User ID=reader;Password={Secret}", false)]
    [InlineData("mysql", $"Server=/var/run/mysqld/mysqld.sock;Protocol=Unix;User ID=reader;Password={Secret}", false)]
    [InlineData("mysql", $"Server=db.example.org;User ID=reader;Password={Secret};SslCa=/etc/ssl/ca.pem", false)]
    [InlineData("mysql", "Server=db.example.org;User ID=reader", false)]
    public void Check_AppliesTheAllowList(string type, string connectionString, bool accepted)
    {
        var problem = Check(type, connectionString, Query, "db.example.org");

        Assert.Equal(accepted, problem is null);
        if (problem is not null)
        {
            Assert.DoesNotContain(Secret, problem.Message + problem.Provided, StringComparison.Ordinal);
        }
    }

    [Theory]
    [InlineData("db.example.org:5432", 5432, true)]
    [InlineData("db.example.org:5432", 5433, false)]
    [InlineData("db.example.org", 6543, true)]
    [InlineData("[::1]:5432", 5432, true)]
    [InlineData("[::1]", 1, true)]
    public void AllowListEntry_MatchesHostAndPort(string entry, int port, bool matches)
    {
        var host = entry.StartsWith('[') ? "::1" : "db.example.org";

        Assert.Equal(matches, DatabaseConnectionPolicy.Matches(entry, host, port));
    }

    [Fact]
    public void Policy_SetsItsOwnReadOnlyTimeoutsAndNoLocalInfile_OverTheClientsKeys()
    {
        var policy = new DatabaseConnectionPolicy(new DatabaseSourceOptions { AllowedHosts = ["db.example.org"], StatementTimeoutSeconds = 7 });

        var (postgres, _) = policy.Postgres($"Host=db.example.org;Username=r;Password={Secret};Pooling=true;Options=-c default_transaction_read_only=off");
        var (mysql, _) = policy.MySql($"Server=db.example.org;User ID=r;Password={Secret};AllowLoadLocalInfile=true;Pooling=true");

        var pg = new Npgsql.NpgsqlConnectionStringBuilder(postgres);
        Assert.Equal("-c default_transaction_read_only=on -c statement_timeout=7000", pg.Options);
        Assert.False(pg.Pooling);
        var my = new MySqlConnector.MySqlConnectionStringBuilder(mysql!);
        Assert.False(my.AllowLoadLocalInfile);
        Assert.False(my.Pooling);
        Assert.Equal(12u, my.DefaultCommandTimeout);
    }

    [Theory]
    [InlineData("DELETE FROM candidates", "must be a SELECT")]
    [InlineData("DROP TABLE candidates", "must be a SELECT")]
    [InlineData("/*! DROP TABLE x */ SELECT 1", "must be a SELECT")]
    [InlineData("SELECT 1 AS id, 'x' AS text; DROP TABLE candidates", "one statement")]
    [InlineData("SELECT id, resume_text FROM candidates WHERE notes LIKE '%;%'", "one statement")]
    [InlineData("", "query is required")]
    public void Check_RefusesTheQuery(string query, string reason)
    {
        var problem = Check("postgresql", $"Host=db.example.org;Username=r;Password={Secret}", query, "db.example.org");

        Assert.Contains(reason, problem?.Message, StringComparison.Ordinal);
        Assert.Equal("source_config_json", problem?.Field);
    }

    [Theory]
    [InlineData("SELECT id, resume_text FROM candidates;")]
    [InlineData("  -- the shortlist\n/* and a note */ WITH s AS (SELECT * FROM candidates) SELECT * FROM s ;\n")]
    [InlineData("(SELECT id, resume_text FROM candidates)")]
    [InlineData("select id, resume_text from candidates")]
    public void Check_AcceptsTheQuery(string query)
    {
        Assert.Null(Check("postgresql", $"Host=db.example.org;Username=r;Password={Secret}", query, "db.example.org"));
    }

    [Theory]
    [InlineData("""{"type": "oracle", "connection_string": "x", "query": "SELECT 1"}""", "postgresql, mysql or sqlite")]
    [InlineData("""{"type": "postgresql", "query": "SELECT 1"}""", "connection_string is required")]
    [InlineData("""["postgresql"]""", "an object")]
    public void Check_RefusesTheConfig(string json, string reason)
    {
        var input = new CandidateSourceInput(Guid.NewGuid(), null, null, JsonDocument.Parse(json).RootElement.Clone());

        var problem = Source(new DatabaseSourceOptions { AllowedHosts = ["db.example.org"] }).Check(input);

        Assert.Contains(reason, problem?.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Check_RefusesAMissingConfig()
    {
        var problem = Source(new DatabaseSourceOptions()).Check(new CandidateSourceInput(Guid.NewGuid(), null, null, null));

        Assert.Equal("source_config_json", problem?.Field);
    }

    [Fact]
    public async Task Read_ChecksTheAllowListAgain_WhenTheSettingChangedSinceTheSubmission()
    {
        var input = Input("postgresql", $"Host=db.example.org;Username=r;Password={Secret}", Query);

        var failure = await Assert.ThrowsAsync<CandidateSourceException>(async () =>
        {
            await foreach (var _ in Source(new DatabaseSourceOptions()).ReadAsync(input, CancellationToken.None))
            {
            }
        });

        Assert.Equal("SOURCE_UNAVAILABLE", failure.Code);
        Assert.Contains("Sources:Database:AllowedHosts", failure.Message, StringComparison.Ordinal);
    }
}
