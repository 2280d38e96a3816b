using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using ParseJobs.Api.Auth;
using ParseJobs.Api.Persistence;
using ParseJobs.Api.Tests.Infrastructure;

namespace ParseJobs.Api.Tests.Batches.Sources.Database;

/// <summary>
/// The real host with <c>Sources:Database:AllowedHosts</c> naming the test PostgreSQL's host, and a database of
/// candidates of its own on that server for the DATABASE source to read.
/// </summary>
public sealed class DatabaseBatchAppFactory : ParseJobsAppFactory
{
    private TestDatabase? _candidates;

    public string CandidatesConnectionString => _candidates!.ConnectionString;

    public string CandidatesHost => new NpgsqlConnectionStringBuilder(CandidatesConnectionString).Host!;

    protected override IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?>(base.Settings, StringComparer.Ordinal)
    {
        ["Sources:Database:AllowedHosts:0"] = new NpgsqlConnectionStringBuilder(Database.ServerConnectionString).Host,
        ["Batches:ChunkSize"] = "2",
        ["RateLimits:SubmissionBurst"] = "10000",
    };

    protected override async Task BeforeHostStartsAsync()
    {
        _candidates = await TestDatabase.CreateAsync();
        await using var connection = new NpgsqlConnection(CandidatesConnectionString);
        await connection.OpenAsync();
        await using var create = new NpgsqlCommand("""
            CREATE TABLE applicants (applicant_id text PRIMARY KEY, full_name text, cv text, cv_file bytea, cv_name text);
            INSERT INTO applicants VALUES
              ('A-1', 'Anna Schmidt', @anna, NULL, NULL),
              ('A-2', 'Ben Meier', NULL, @ben, 'ben.txt'),
              ('A-3', 'Carla Rossi', NULL, NULL, NULL);
            """, connection);
        create.Parameters.AddWithValue("anna", Encoding.UTF8.GetString(BatchRequests.TextCv("Anna Schmidt", "Spark")));
        create.Parameters.AddWithValue("ben", BatchRequests.TextCv("Ben Meier"));
        await create.ExecuteNonQueryAsync();
        await base.BeforeHostStartsAsync();
    }

    protected override async ValueTask AfterHostStoppedAsync()
    {
        await base.AfterHostStoppedAsync();
        if (_candidates is not null)
        {
            await _candidates.DisposeAsync();
        }
    }

    public async Task<long> CountApplicantsAsync()
    {
        await using var connection = new NpgsqlConnection(CandidatesConnectionString);
        await connection.OpenAsync();
        await using var count = new NpgsqlCommand("SELECT count(*) FROM applicants", connection);
        return (long)(await count.ExecuteScalarAsync())!;
    }
}

[CollectionDefinition(Name)]
public sealed class DatabaseBatchCollection : ICollectionFixture<DatabaseBatchAppFactory>
{
    public const string Name = "database-batches";
}

/// <summary>DATABASE end to end through the host: PostgreSQL and an uploaded SQLite database, refusals and failures.</summary>
[Collection(DatabaseBatchCollection.Name)]
public sealed class DatabaseBatchTests(DatabaseBatchAppFactory app)
{
    private const string ApplicantsQuery =
        "SELECT applicant_id AS id, full_name AS name, cv AS resume_text, cv_file AS document, cv_name AS filename FROM applicants ORDER BY applicant_id";

    private Task<HttpClient> ClientAsync() =>
        app.CreateClientForNewOrganisationAsync(Scopes.BatchesRead, Scopes.BatchesWrite, Scopes.JobsRead);

    private static MultipartFormDataContent DatabaseForm(object config, byte[]? sqlite = null)
    {
        var form = BatchRequests.Form("DATABASE", null, BatchRequests.Description, ("source_config_json", JsonSerializer.Serialize(config)));
        if (sqlite is not null)
        {
            var file = new ByteArrayContent(sqlite);
            file.Headers.ContentType = new MediaTypeHeaderValue("application/vnd.sqlite3");
            form.Add(file, "candidate_source_file", "candidates.db");
        }

        return form;
    }

    private static async Task<Guid> SubmitAsync(HttpClient client, MultipartFormDataContent form)
    {
        using var response = await client.PostAsync("/api/v1/batch-jobs", form);
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.Accepted, $"Expected 202, got {(int)response.StatusCode}: {body}");
        return JsonDocument.Parse(body).RootElement.GetProperty("batch_job_id").GetGuid();
    }

    [Fact]
    public async Task PostgresBatch_ScoresTextAndDocumentRows_AndARowWithNeitherIsAnItemWithAnError()
    {
        using var client = await ClientAsync();
        using var form = DatabaseForm(new { type = "postgresql", connection_string = app.CandidatesConnectionString, query = ApplicantsQuery });

        var id = await SubmitAsync(client, form);
        var status = await client.WaitForBatchAsync(id);
        var items = (await client.ResultsAsync(id)).GetProperty("processed_items").EnumerateArray().ToList();

        Assert.Equal("completed", status.GetProperty("status").GetString());
        Assert.Equal(3, items.Count);
        var byId = items.ToDictionary(i => i.GetProperty("candidate_id_internal").GetString()!, StringComparer.Ordinal);
        Assert.Equal("A-1", byId["A-1"].GetProperty("original_filename").GetString());
        Assert.Equal("ben.txt", byId["A-2"].GetProperty("original_filename").GetString());
        Assert.All([byId["A-1"], byId["A-2"]], i => Assert.Equal(JsonValueKind.Number, i.GetProperty("match_score").GetProperty("overall_score").ValueKind));
        Assert.Contains("no resume text and no document", byId["A-3"].GetProperty("error").GetString(), StringComparison.Ordinal);

        // The credentials were needed to read the source only: gone once it was read.
        await using var db = app.Services.GetRequiredService<IDbContextFactory<ParseJobsDbContext>>().CreateDbContext();
        Assert.Null((await db.Batches.AsNoTracking().SingleAsync(b => b.JobId == id)).ProtectedSourceConfig);
    }

    [Fact]
    public async Task PostgresBatch_Fails_AndTheTableKeepsItsRows_WhenTheQueryWrites()
    {
        using var client = await ClientAsync();
        using var form = DatabaseForm(new
        {
            type = "postgresql",
            connection_string = app.CandidatesConnectionString,
            query = "WITH gone AS (DELETE FROM applicants RETURNING applicant_id AS id, cv AS resume_text) SELECT * FROM gone",
        });

        var id = await SubmitAsync(client, form);
        var status = await client.WaitForBatchAsync(id);

        Assert.Equal("failed", status.GetProperty("status").GetString());
        Assert.Contains("read-only", status.GetProperty("error_message").GetString(), StringComparison.Ordinal);
        Assert.Equal(3, await app.CountApplicantsAsync());
    }

    [Fact]
    public async Task DatabaseSubmission_Is400_WhenTheHostIsNotOnTheAllowList_AndNeverEchoesThePassword()
    {
        using var client = await ClientAsync();
        using var form = DatabaseForm(new
        {
            type = "postgresql",
            connection_string = "Host=db.internal.example;Username=hr;Password=Top-Secret-99",
            query = ApplicantsQuery,
        });

        using var response = await client.PostAsync("/api/v1/batch-jobs", form);
        var body = await response.Content.ReadAsStringAsync();

        var error = await response.ErrorAsync(HttpStatusCode.BadRequest);
        Assert.Equal("INVALID_INPUT", error.GetProperty("code").GetString());
        Assert.Contains("Sources:Database:AllowedHosts", error.GetProperty("message").GetString(), StringComparison.Ordinal);
        Assert.DoesNotContain("Top-Secret-99", body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SqliteBatch_ReadsTheUploadedDatabase()
    {
        using var client = await ClientAsync();
        using var form = DatabaseForm(new { type = "sqlite", query = "SELECT id, name, resume_text, filename FROM candidates" }, SqliteDatabase());

        var id = await SubmitAsync(client, form);
        var status = await client.WaitForBatchAsync(id);
        var item = Assert.Single((await client.ResultsAsync(id)).GetProperty("processed_items").EnumerateArray());

        Assert.Equal("completed", status.GetProperty("status").GetString());
        Assert.Equal("dora.txt", item.GetProperty("original_filename").GetString());
        Assert.Equal(JsonValueKind.Null, item.GetProperty("error").ValueKind);
    }

    private static byte[] SqliteDatabase()
    {
        var path = Path.Combine(Path.GetTempPath(), $"parsejobs-upload-{Guid.NewGuid():N}.db");
        try
        {
            using (var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = path, Pooling = false }.ConnectionString))
            {
                connection.Open();
                using var create = connection.CreateCommand();
                create.CommandText = "CREATE TABLE candidates (id TEXT, name TEXT, resume_text TEXT, filename TEXT); INSERT INTO candidates VALUES ('D-1', 'Dora', $cv, 'dora.txt');";
                create.Parameters.AddWithValue("$cv", Encoding.UTF8.GetString(BatchRequests.TextCv("Dora Daten")));
                create.ExecuteNonQuery();
            }

            return File.ReadAllBytes(path);
        }
        finally
        {
            File.Delete(path);
        }
    }
}
