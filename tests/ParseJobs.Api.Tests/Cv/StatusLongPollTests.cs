using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using ParseJobs.Api.Jobs;
using ParseJobs.Api.Persistence;
using ParseJobs.Api.Tests.Infrastructure;

namespace ParseJobs.Api.Tests.Cv;

/// <summary><c>GET /v1/parse/{id}/status?wait=N</c>: one request that answers when the job ends. The jobs here are
/// rows no worker runs; another connection ends them, as another node would.</summary>
[Collection(ApiCollection.Name)]
public sealed class StatusLongPollTests(ParseJobsAppFactory app)
{
    [Fact]
    public async Task Status_WithWait_AnswersCompleted_AsSoonAsAnotherConnectionEndsTheJob()
    {
        var (client, jobId) = await CreatePendingJobAsync();
        var clock = Stopwatch.StartNew();

        var poll = client.GetFromJsonAsync<JsonElement>($"/v1/parse/{jobId}/status?wait=30");
        await Task.Delay(500);
        await CompleteFromAnotherConnectionAsync(jobId);
        var status = await poll;

        Assert.Equal("completed", status.GetProperty("status").GetString());
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(20), $"answered after {clock.Elapsed}, not at the job's end");
    }

    [Fact]
    public async Task Status_WithWait_AnswersTheCurrentStatus_AfterTheWait_WhenTheJobDoesNotEnd()
    {
        var (client, jobId) = await CreatePendingJobAsync();
        var clock = Stopwatch.StartNew();

        var status = await client.GetFromJsonAsync<JsonElement>($"/v1/parse/{jobId}/status?wait=1");

        Assert.Equal("pending", status.GetProperty("status").GetString());
        Assert.True(clock.Elapsed >= TimeSpan.FromMilliseconds(900), $"answered after {clock.Elapsed}, before the wait");
    }

    [Fact]
    public async Task Status_WithWait_Answers404AtOnce_ForAnotherOrganisationsJob()
    {
        var (_, jobId) = await CreatePendingJobAsync();
        using var other = await app.CreateClientForNewOrganisationAsync();
        var clock = Stopwatch.StartNew();

        using var response = await other.GetAsync($"/v1/parse/{jobId}/status?wait=20");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(10), $"answered after {clock.Elapsed}: it waited for a foreign job");
    }

    [Fact]
    public async Task Status_WithWait_HoldsNoDatabaseConnection_WhileWaiting()
    {
        // More waiting requests than the node's EF pool has connections (Database:MaxPoolSize, 20 in the tests): if a
        // wait held one, the plain poll below would queue behind them until they answer.
        var (client, jobId) = await CreatePendingJobAsync();
        var waits = Enumerable.Range(0, 25).Select(_ => client.GetAsync($"/v1/parse/{jobId}/status?wait=6")).ToList();
        await Task.Delay(1000);
        var clock = Stopwatch.StartNew();

        using var plain = await client.GetAsync($"/v1/parse/{jobId}/status");
        var plainTook = clock.Elapsed;
        var answers = await Task.WhenAll(waits);

        Assert.Equal(HttpStatusCode.OK, plain.StatusCode);
        Assert.True(plainTook < TimeSpan.FromSeconds(4), $"a plain poll took {plainTook} beside 25 waiting ones");
        Assert.All(answers, a => Assert.Equal(HttpStatusCode.OK, a.StatusCode));
        foreach (var answer in answers)
        {
            answer.Dispose();
        }
    }

    private async Task<(HttpClient Client, Guid JobId)> CreatePendingJobAsync()
    {
        var key = await app.CreateKeyAsync($"org-{Guid.NewGuid():N}"[..20], Api.Auth.Scopes.JobsRead, Api.Auth.Scopes.JobsWrite);
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ParseJobsDbContext>();
        // Claimed a minute into the future: the sweeper leaves it alone for the test's length.
        var job = Job.Create(key.OrganisationId!.Value, JobKind.CvParse, documentId: null, dataId: null, DateTimeOffset.UtcNow);
        job.ClaimDispatch(DateTimeOffset.UtcNow.AddMinutes(1));
        db.Jobs.Add(job);
        await db.SaveChangesAsync();
        return (app.CreateClientWithKey(key.Key), job.Id);
    }

    private async Task CompleteFromAnotherConnectionAsync(Guid jobId)
    {
        var other = new Npgsql.NpgsqlConnectionStringBuilder(app.ConnectionString) { Pooling = false, ApplicationName = "another-node" };
        await using var connection = new Npgsql.NpgsqlConnection(other.ConnectionString);
        await connection.OpenAsync();
        await using var complete = new Npgsql.NpgsqlCommand(
            "UPDATE parsejobs.jobs SET status = 'Completed', started_at = now(), completed_at = now() WHERE id = @id", connection);
        complete.Parameters.AddWithValue("id", jobId);
        Assert.Equal(1, await complete.ExecuteNonQueryAsync());
    }
}
