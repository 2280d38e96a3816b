using Microsoft.Data.Sqlite;
using ParseJobs.Api.Batches.Sources;
using ParseJobs.Api.Batches.Sources.Database;
using static ParseJobs.Api.Tests.Batches.Sources.Database.DatabaseSourceTesting;

namespace ParseJobs.Api.Tests.Batches.Sources.Database;

public sealed class SqliteSourceTests : IDisposable
{
    private readonly string _temp = Path.Combine(Path.GetTempPath(), "parsejobs-sqlite-tests-" + Guid.NewGuid().ToString("N"));

    private DatabaseCandidateSource Source(int statementTimeoutSeconds = 30) =>
        DatabaseSourceTesting.Source(new DatabaseSourceOptions { StatementTimeoutSeconds = statementTimeoutSeconds }, _temp);

    private string Uploads => Path.Combine(_temp, "parsejobs-sqlite-sources");

    /// <summary>A SQLite database made at test time, as the bytes a client uploads.</summary>
    private static byte[] Database(bool wal = false)
    {
        var path = Path.Combine(Path.GetTempPath(), $"parsejobs-upload-{Guid.NewGuid():N}.db");
        try
        {
            using (var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = path, Pooling = false }.ConnectionString))
            {
                connection.Open();
                using var create = connection.CreateCommand();
                create.CommandText = $"""
                    {(wal ? "PRAGMA journal_mode = WAL;" : "")}
                    CREATE TABLE candidates (id INTEGER PRIMARY KEY, name TEXT, resume_text TEXT, document BLOB, filename TEXT);
                    INSERT INTO candidates VALUES (1, 'Anna', 'Kotlin, Android, Jetpack Compose', NULL, 'anna.txt'), (2, 'Ben', NULL, $doc, 'ben.pdf');
                    """;
                create.Parameters.AddWithValue("$doc", Document);
                create.ExecuteNonQuery();
            }

            return File.ReadAllBytes(path);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task Read_ReadsTheUploadedDatabase_AndDeletesItsFileAfter(bool wal)
    {
        var source = Source();
        var input = Input("sqlite", null, "SELECT id, name, resume_text, document, filename FROM candidates ORDER BY id", Database(wal));
        Assert.Null(source.Check(input));

        var candidates = new List<SourceCandidate>();
        await foreach (var candidate in source.ReadAsync(input, CancellationToken.None))
        {
            if (candidates.Count == 0 && !OperatingSystem.IsWindows())
            {
                // While it is read: one private folder, one owner-only file.
                var folder = Assert.Single(Directory.GetDirectories(Uploads));
                Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute, File.GetUnixFileMode(folder));
                Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(Path.Combine(folder, "source.db")));
            }

            candidates.Add(candidate);
        }

        Assert.Equal("Kotlin, Android, Jetpack Compose", candidates[0].ResumeText);
        Assert.Equal(Document, candidates[1].Content);
        Assert.Equal("ben.pdf", candidates[1].OriginalFilename);
        Assert.Empty(Directory.GetFileSystemEntries(Uploads));
    }

    [Fact]
    public async Task Read_FailsWithATimeout_AndDeletesTheFile_WhenTheQueryRunsTooLong()
    {
        var input = Input("sqlite", null,
            "WITH RECURSIVE c(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM c) SELECT max(x) AS id, 'x' AS resume_text FROM c", Database());

        var failure = await FailureAsync(Source(statementTimeoutSeconds: 1), input);

        Assert.Equal("SOURCE_QUERY_FAILED", failure.Code);
        Assert.Contains("longer than 1 s", failure.Message, StringComparison.Ordinal);
        Assert.Empty(Directory.GetFileSystemEntries(Uploads));
    }

    [Theory]
    [InlineData("DELETE FROM candidates")]
    [InlineData("ATTACH DATABASE '/etc/hostname' AS host")]
    public async Task Server_RefusesWritesAndAttach_EvenWhenTheQueryRulesAreBypassed(string query)
    {
        var failure = await RawFailureAsync(() => SqliteQuerySession.OpenAsync(Database(), query, new DatabaseSourceOptions(), _temp, CancellationToken.None));

        Assert.Equal("SOURCE_QUERY_FAILED", failure.Code);
    }

    [Fact]
    public async Task Server_WritesNoFile_WhenTheQueryIsVacuumInto()
    {
        // One statement that the rules refuse (not a SELECT) but that read-only mode alone would let write a copy anywhere.
        var target = Path.Combine(_temp, "copy.db");
        Directory.CreateDirectory(_temp);

        var failure = await RawFailureAsync(() => SqliteQuerySession.OpenAsync(Database(), $"VACUUM INTO '{target}'", new DatabaseSourceOptions(), _temp, CancellationToken.None));

        Assert.Equal("SOURCE_QUERY_FAILED", failure.Code);
        Assert.False(File.Exists(target));
    }

    [Fact]
    public void Check_Fails_WhenTheUploadIsNoSqliteDatabase()
    {
        var problem = Source().Check(Input("sqlite", null, "SELECT id, resume_text FROM candidates", "id,resume_text\n1,x\n"u8.ToArray()));

        Assert.Equal("candidate_source_file", problem?.Field);
        Assert.Contains("SQLite format 3", problem?.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Check_Fails_WhenThereIsNoUpload()
    {
        Assert.Equal("candidate_source_file", Source().Check(Input("sqlite", null, "SELECT id, resume_text FROM candidates"))?.Field);
    }

    [Theory]
    [InlineData("Data Source=/etc/parsejobs/app.db")]
    [InlineData("Filename=../../other.db;Mode=ReadOnly")]
    public void Check_RefusesAServerPath_WhenTheConnectionStringNamesAFile(string connectionString)
    {
        var problem = Source().Check(Input("sqlite", connectionString, "SELECT id, resume_text FROM candidates", Database()));

        Assert.NotNull(problem);
        Assert.Contains("candidate_source_file", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Read_FailsUnavailable_WhenTheFileIsCorrupt()
    {
        var bytes = Database();
        Array.Fill(bytes, (byte)0xAB, 100, bytes.Length - 100); // the header survives, the pages do not

        var failure = await FailureAsync(Source(), Input("sqlite", null, "SELECT id, resume_text FROM candidates", bytes));

        Assert.True(failure.Code is "SOURCE_UNAVAILABLE" or "SOURCE_QUERY_FAILED", failure.Code);
        Assert.Empty(Directory.GetFileSystemEntries(Uploads));
    }

    public void Dispose()
    {
        if (Directory.Exists(_temp))
        {
            Directory.Delete(_temp, recursive: true);
        }
    }
}
