using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using ParseJobs.Api.Persistence;
using ParseJobs.Api.Tests.Infrastructure;
using ParseJobs.Api.Tests.Samples;

namespace ParseJobs.Api.Tests.Jobs;

[Collection(ApiCollection.Name)]
public sealed class JobsApiTests(ParseJobsAppFactory app)
{
    [Fact]
    public async Task GetJob_EmbedsResult_WhenCompleted()
    {
        using var client = await app.CreateClientForNewOrganisationAsync();
        var jobId = await client.UploadAsync(SampleDocuments.Txt(), "cv.txt", dataId: "d-1");
        await client.WaitForTerminalStatusAsync(jobId);

        var job = await client.GetFromJsonAsync<JsonElement>($"/v1/jobs/{jobId}");

        Assert.Equal("completed", job.GetProperty("status").GetString());
        Assert.Equal("cv_parse", job.GetProperty("kind").GetString());
        Assert.Equal("d-1", job.GetProperty("data_id").GetString());
        Assert.Equal(1, job.GetProperty("attempt_count").GetInt32());
        Assert.Equal(JsonValueKind.Object, job.GetProperty("result").GetProperty("personal_info").ValueKind);
    }

    [Fact]
    public async Task ListJobs_PagesThroughAllJobsNewestFirst_AndFilters()
    {
        using var client = await app.CreateClientForNewOrganisationAsync();
        var ids = new List<Guid>();
        for (var i = 0; i < 5; i++)
        {
            ids.Add(await client.UploadAsync(SampleDocuments.Txt(), "cv.txt"));
        }

        var failed = await client.UploadAsync(SampleDocuments.CorruptPdf(), "bad.pdf");
        ids.Add(failed);
        foreach (var id in ids)
        {
            await client.WaitForTerminalStatusAsync(id);
        }

        var seen = new List<Guid>();
        string? cursor = null;
        do
        {
            var page = await client.GetFromJsonAsync<JsonElement>($"/v1/jobs?limit=2{(cursor is null ? "" : "&cursor=" + cursor)}");
            var items = page.GetProperty("items").EnumerateArray().ToList();
            Assert.True(items.Count <= 2);
            seen.AddRange(items.Select(j => j.GetProperty("job_id").GetGuid()));
            cursor = page.GetProperty("next_cursor").GetString();
        }
        while (cursor is not null);

        Assert.Equal(Enumerable.Reverse(ids).ToList(), seen);

        var onlyFailed = await client.GetFromJsonAsync<JsonElement>("/v1/jobs?status=failed&kind=cv_parse");
        Assert.Equal([failed], onlyFailed.GetProperty("items").EnumerateArray().Select(j => j.GetProperty("job_id").GetGuid()).ToArray());
    }

    [Theory]
    [InlineData("/v1/jobs?limit=0")]
    [InlineData("/v1/jobs?cursor=not-a-cursor")]
    [InlineData("/v1/jobs?status=sleeping")]
    public async Task ListJobs_Returns400_WhenQueryIsInvalid(string url)
    {
        using var client = await app.CreateClientForNewOrganisationAsync();

        using var response = await client.GetAsync(url);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task Resubmit_RunsAFailedJobAgain()
    {
        using var client = await app.CreateClientForNewOrganisationAsync();
        var jobId = await client.UploadAsync(SampleDocuments.CorruptPdf(), "bad.pdf");
        await client.WaitForTerminalStatusAsync(jobId);

        using var resubmit = await client.PostAsync($"/v1/jobs/{jobId}/resubmit", null);

        Assert.Equal(HttpStatusCode.Accepted, resubmit.StatusCode);
        Assert.Equal("pending", (await resubmit.ReadJsonAsync()).GetProperty("status").GetString());
        var status = await client.WaitForTerminalStatusAsync(jobId);
        Assert.Equal("failed", status.GetProperty("status").GetString());
        var job = await client.GetFromJsonAsync<JsonElement>($"/v1/jobs/{jobId}");
        Assert.Equal(1, job.GetProperty("attempt_count").GetInt32()); // a fresh budget after resubmission
    }

    [Fact]
    public async Task Resubmit_Returns409_WhenJobDidNotFail()
    {
        using var client = await app.CreateClientForNewOrganisationAsync();
        var jobId = await client.UploadAsync(SampleDocuments.Txt(), "cv.txt");
        await client.WaitForTerminalStatusAsync(jobId);

        using var response = await client.PostAsync($"/v1/jobs/{jobId}/resubmit", null);

        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        Assert.Contains("only failed jobs", (await response.ReadJsonAsync()).GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Delete_RemovesJobDocumentAndResult()
    {
        using var client = await app.CreateClientForNewOrganisationAsync();
        var jobId = await client.UploadAsync(SampleDocuments.Txt(), "cv.txt");
        await client.WaitForTerminalStatusAsync(jobId);
        Guid documentId;
        await using (var db = CreateDb())
        {
            documentId = (await db.Jobs.SingleAsync(j => j.Id == jobId)).DocumentId!.Value;
        }

        using var delete = await client.DeleteAsync($"/v1/jobs/{jobId}");

        Assert.Equal(HttpStatusCode.NoContent, delete.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/v1/jobs/{jobId}")).StatusCode);
        await using (var db = CreateDb())
        {
            Assert.False(await db.Jobs.AnyAsync(j => j.Id == jobId));
            Assert.False(await db.JobResults.AnyAsync(r => r.JobId == jobId));
            Assert.False(await db.Documents.AnyAsync(d => d.Id == documentId));
        }
    }

    private ParseJobsDbContext CreateDb() =>
        app.Services.GetRequiredService<IDbContextFactory<ParseJobsDbContext>>().CreateDbContext();
}
