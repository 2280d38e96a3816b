using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Hangfire;
using Hangfire.Storage;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using ParseJobs.Api.Auth;
using ParseJobs.Api.Hosting;
using ParseJobs.Api.Jobs;
using ParseJobs.Api.Persistence;
using ParseJobs.Api.Retention;
using ParseJobs.Api.Tests.Infrastructure;
using ParseJobs.Api.Tests.Samples;

namespace ParseJobs.Api.Tests.Retention;

/// <summary>The recurring retention job, run by the host's real Hangfire server on real, aged jobs.</summary>
[Collection(ApiCollection.Name)]
public sealed class RetentionTests(ParseJobsAppFactory app)
{
    [Fact]
    public void RetentionJob_IsARecurringHangfireJob_OnTheConfiguredSchedule()
    {
        using var connection = app.Services.GetRequiredService<JobStorage>().GetConnection();

        var recurring = connection.GetRecurringJobs().SingleOrDefault(r => r.Id == RetentionJob.RecurringJobId);

        Assert.NotNull(recurring);
        Assert.Equal(app.Services.GetRequiredService<IOptions<RetentionOptions>>().Value.Cron, recurring.Cron);
        Assert.Equal(typeof(RetentionJob), recurring.Job.Type);
    }

    [Fact]
    public async Task RetentionJob_DeletesExpiredJobsWithAllTheyOwn_KeepsTheRest_AndAudits()
    {
        var keyA = await app.CreateKeyAsync($"ret-a-{Guid.NewGuid():N}"[..20], Scopes.JobsRead, Scopes.JobsWrite, Scopes.Admin);
        using var a = app.CreateClientWithKey(keyA.Key);
        var defaults = app.Services.GetRequiredService<IOptions<RetentionOptions>>().Value;
        var oldCv = await app.EndedCvAsync(a, SampleDocuments.Txt(), "old-secret-name.txt", defaults.CompletedJobDays + 1);
        var oldLayout = await app.EndedLayoutJobAsync(a, SampleDocuments.PdfWithImageOnly(), defaults.CompletedJobDays + 2);
        var youngCv = await app.EndedCvAsync(a, SampleDocuments.Pdf(lines: ["Young Candidate", "young@example.com"]), "young.pdf", defaults.CompletedJobDays - 1);
        var oldFailed = await app.EndedCvAsync(a, SampleDocuments.CorruptPdf(), "bad.pdf", defaults.FailedJobDays + 1);
        var youngFailed = await app.EndedCvAsync(a, SampleDocuments.EncryptedPdf(), "locked.pdf", defaults.FailedJobDays - 1);
        // The old job has an item reading the young job's document: the item goes, the shared document stays.
        await app.AddItemReadingAsync(oldCv, await app.DocumentOfAsync(youngCv));
        var oldCvDocument = await app.DocumentOfAsync(oldCv);
        var oldLayoutDocument = await app.DocumentOfAsync(oldLayout);
        Assert.True(await CountAsync(db => db.JobImages.Where(i => i.JobId == oldLayout)) > 0, "the layout job stored an image");

        // Organisation B keeps completed jobs longer and failed ones shorter than the defaults.
        var keyB = await app.CreateKeyAsync($"ret-b-{Guid.NewGuid():N}"[..20], Scopes.JobsRead, Scopes.JobsWrite, Scopes.Admin);
        using var b = app.CreateClientWithKey(keyB.Key);
        Assert.Equal(0, await OrgsAsync("retention", "--org", keyB.OrganisationSlug, "--completed-days", "90", "--failed-days", "2"));
        var bOldCv = await app.EndedCvAsync(b, SampleDocuments.Txt(), "b.txt", defaults.CompletedJobDays + 1);
        var bFailed = await app.EndedCvAsync(b, SampleDocuments.CorruptPdf(), "b-bad.pdf", 3);

        await app.RunRetentionThroughHangfireAsync();

        Assert.Equal(HttpStatusCode.NotFound, (await a.GetAsync($"/v1/jobs/{oldCv}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await a.GetAsync($"/v1/jobs/{oldLayout}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await a.GetAsync($"/v1/jobs/{oldFailed}")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await a.GetAsync($"/v1/parse/{youngCv}/results")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await a.GetAsync($"/v1/jobs/{youngFailed}")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await b.GetAsync($"/v1/parse/{bOldCv}/results")).StatusCode); // B's 90 days
        Assert.Equal(HttpStatusCode.NotFound, (await b.GetAsync($"/v1/jobs/{bFailed}")).StatusCode);  // B's 2 days
        Guid[] deleted = [oldCv, oldLayout, oldFailed];
        Assert.Equal(0, await CountAsync(db => db.JobResults.Where(r => deleted.Contains(r.JobId))));
        Assert.Equal(0, await CountAsync(db => db.JobImages.Where(i => deleted.Contains(i.JobId))));
        Assert.Equal(0, await CountAsync(db => db.JobItems.Where(i => deleted.Contains(i.JobId))));
        Assert.False(await app.DocumentExistsAsync(oldCvDocument));
        Assert.False(await app.DocumentExistsAsync(oldLayoutDocument));
        Assert.True(await app.DocumentExistsAsync(await app.DocumentOfAsync(youngCv)), "the document the young job reads stays");

        // A's admin reads A's entries, which count what went and name the jobs, and say nothing of the content.
        var entries = await AuditAsync(a);
        var retention = entries.Where(e => e.GetProperty("action").GetString() == AuditActions.RetentionDelete).ToList();
        Assert.Equal(deleted.Order(), retention.SelectMany(e => e.GetProperty("job_ids").EnumerateArray().Select(i => i.GetGuid())).Order());
        Assert.All(retention, e => Assert.Equal(AuditActors.Retention, e.GetProperty("actor").GetString()));
        Assert.Equal(3, retention.Sum(e => e.GetProperty("deleted").GetProperty("jobs").GetInt32()));
        Assert.Equal(3, retention.Sum(e => e.GetProperty("deleted").GetProperty("documents").GetInt32()));
        Assert.Equal(2, retention.Sum(e => e.GetProperty("deleted").GetProperty("job_results").GetInt32()));
        Assert.Equal(1, retention.Sum(e => e.GetProperty("deleted").GetProperty("job_items").GetInt32()));
        Assert.True(retention.Sum(e => e.GetProperty("deleted").GetProperty("job_images").GetInt32()) >= 1);
        var rawText = JsonSerializer.Serialize(entries);
        Assert.DoesNotContain("secret-name", rawText, StringComparison.Ordinal);
        Assert.DoesNotContain(SampleDocuments.CvLines[0], rawText, StringComparison.Ordinal);

        // B sees only its own entries: its policy change and its one deletion.
        var bEntries = await AuditAsync(b);
        Assert.DoesNotContain(bEntries, e => e.GetProperty("job_ids").EnumerateArray().Any(i => deleted.Contains(i.GetGuid())));
        Assert.Equal([bFailed], bEntries.Where(e => e.GetProperty("action").GetString() == AuditActions.RetentionDelete)
            .SelectMany(e => e.GetProperty("job_ids").EnumerateArray().Select(i => i.GetGuid())));
        Assert.Contains(bEntries, e => e.GetProperty("action").GetString() == AuditActions.RetentionPolicy);
    }

    [Fact]
    public async Task RetentionJob_DeletesABacklogInBatches_EachBatchWithItsOwnAuditEntry()
    {
        var key = await app.CreateKeyAsync($"ret-batch-{Guid.NewGuid():N}"[..20], Scopes.JobsRead);
        var organisationId = key.OrganisationId!.Value;
        var old = await app.InsertCompletedJobsAsync(organisationId, 5, 400);
        var young = await app.InsertCompletedJobsAsync(organisationId, 1, 1);
        await using var scope = app.Services.CreateAsyncScope();
        var services = scope.ServiceProvider;
        var job = new RetentionJob(services.GetRequiredService<ParseJobsDbContext>(), services.GetRequiredService<JobDeleter>(),
            Options.Create(new RetentionOptions { BatchSize = 2 }), TimeProvider.System, NullLogger<RetentionJob>());

        await job.DeleteExpiredAsync(CancellationToken.None);

        await using var db = app.Db();
        Assert.Equal(young, await db.Jobs.Where(j => j.OrganisationId == organisationId).Select(j => j.Id).ToArrayAsync());
        var batches = await db.AuditLog.Where(e => e.OrganisationId == organisationId).OrderBy(e => e.Id).Select(e => e.Jobs).ToListAsync();
        Assert.Equal([2, 2, 1], batches);
        var audited = await db.AuditLog.Where(e => e.OrganisationId == organisationId).SelectMany(e => e.JobIds!).ToListAsync();
        Assert.Equal(old.Order(), audited.Order());
    }

    [Fact]
    public async Task OrgsRetention_SetsShowsAndResetsTheOrganisationsPeriods()
    {
        var key = await app.CreateKeyAsync($"ret-cli-{Guid.NewGuid():N}"[..20], Scopes.JobsRead);
        var org = key.OrganisationSlug;

        var (exit, output, _) = await OrgsWithOutputAsync("retention", "--org", org, "--completed-days", "45");

        Assert.Equal(0, exit);
        Assert.Contains("completed jobs after 45 days (organisation policy), failed jobs after 7 days", output, StringComparison.Ordinal);
        await using (var db = app.Db())
        {
            var policy = await db.RetentionPolicies.AsNoTracking().SingleAsync(p => p.OrganisationId == key.OrganisationId);
            Assert.Equal((45, (int?)null), (policy.CompletedJobDays!.Value, policy.FailedJobDays));
        }

        Assert.Contains("completed jobs after 30 days, failed jobs after 7 days", (await OrgsWithOutputAsync("retention", "--org", org, "--completed-days", "default")).Output, StringComparison.Ordinal);
        Assert.Equal(2, (await OrgsWithOutputAsync("retention", "--org", org, "--failed-days", "0")).Exit);
        Assert.Equal(2, (await OrgsWithOutputAsync("retention", "--org", org, "--failed-days", "soon")).Exit);
        var unknown = await OrgsWithOutputAsync("retention", "--org", "no-such-org", "--failed-days", "3");
        Assert.Equal(1, unknown.Exit);
        Assert.Contains("No organisation 'no-such-org'", unknown.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AuditLog_NeedsTheAdminScope()
    {
        using var client = await app.CreateClientForNewOrganisationAsync(Scopes.JobsRead, Scopes.JobsWrite);

        using var response = await client.GetAsync("/v1/audit");

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }

    private async Task<int> CountAsync<T>(Func<ParseJobsDbContext, IQueryable<T>> query)
    {
        await using var db = app.Db();
        return await query(db).CountAsync();
    }

    private static async Task<List<JsonElement>> AuditAsync(HttpClient client)
    {
        var page = await client.GetFromJsonAsync<JsonElement>("/v1/audit?limit=200");
        return [.. page.GetProperty("entries").EnumerateArray()];
    }

    private async Task<int> OrgsAsync(params string[] args) => (await OrgsWithOutputAsync(args)).Exit;

    private async Task<(int Exit, string Output, string Error)> OrgsWithOutputAsync(params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var exit = await CommandLine.RunAsync(app.Services, ["orgs", .. args], output, error);
        return (exit, output.ToString(), error.ToString());
    }

    private static Microsoft.Extensions.Logging.Abstractions.NullLogger<T> NullLogger<T>() => Microsoft.Extensions.Logging.Abstractions.NullLogger<T>.Instance;
}
