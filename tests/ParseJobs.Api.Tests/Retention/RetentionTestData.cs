using System.Net;
using System.Text.Json;
using Hangfire;
using Hangfire.States;
using Microsoft.EntityFrameworkCore;
using ParseJobs.Api.Jobs;
using ParseJobs.Api.Jobs.Items;
using ParseJobs.Api.Persistence;
using ParseJobs.Api.Retention;
using ParseJobs.Api.Tests.Infrastructure;
using ParseJobs.Api.Uploads;

namespace ParseJobs.Api.Tests.Retention;

/// <summary>Real jobs made old: submitted through the API, run by the real workers, then their end moved back in time.</summary>
internal static class RetentionTestData
{
    public static ParseJobsDbContext Db(this ParseJobsAppFactory app) =>
        app.Services.GetRequiredService<IDbContextFactory<ParseJobsDbContext>>().CreateDbContext();

    /// <summary>Uploads a CV, waits until it ended (completed or failed), and moves its end <paramref name="daysAgo"/> days back.</summary>
    public static async Task<Guid> EndedCvAsync(this ParseJobsAppFactory app, HttpClient client, byte[] content, string fileName, double daysAgo)
    {
        var id = await client.UploadAsync(content, fileName);
        await client.WaitForTerminalStatusAsync(id);
        await app.AgeAsync(id, daysAgo);
        return id;
    }

    /// <summary>A document-layout job (results and images), ended and aged.</summary>
    public static async Task<Guid> EndedLayoutJobAsync(this ParseJobsAppFactory app, HttpClient client, byte[] content, double daysAgo)
    {
        using var response = await client.PostFileAsync("/v1/documents", content, "scan-secret-name.pdf");
        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        var id = (await response.ReadJsonAsync()).GetProperty("job_id").GetGuid();
        await client.WaitForJobAsync(id);
        await app.AgeAsync(id, daysAgo);
        return id;
    }

    public static async Task AgeAsync(this ParseJobsAppFactory app, Guid jobId, double daysAgo)
    {
        var at = DateTimeOffset.UtcNow.AddDays(-daysAgo);
        await using var db = app.Db();
        var changed = await db.Jobs.Where(j => j.Id == jobId).ExecuteUpdateAsync(s => s
            .SetProperty(j => j.CreatedAt, at)
            .SetProperty(j => j.CompletedAt, j => j.CompletedAt == null ? null : at)
            .SetProperty(j => j.FailedAt, j => j.FailedAt == null ? null : at));
        Assert.Equal(1, changed);
    }

    /// <summary>Completed jobs written straight to the database (no document): fast, for counting batches.</summary>
    public static async Task<Guid[]> InsertCompletedJobsAsync(this ParseJobsAppFactory app, Guid organisationId, int count, double daysAgo)
    {
        var at = DateTimeOffset.UtcNow.AddDays(-daysAgo);
        await using var db = app.Db();
        var jobs = Enumerable.Range(0, count).Select(_ =>
        {
            var job = Job.Create(organisationId, JobKind.CvParse, null, null, at);
            job.TryStart(at);
            job.Complete(at);
            return job;
        }).ToList();
        db.Jobs.AddRange(jobs);
        await db.SaveChangesAsync();
        return [.. jobs.Select(j => j.Id)];
    }

    /// <summary>Gives a job an item that reads another job's document (documents are shared, not owned by one job).</summary>
    public static async Task AddItemReadingAsync(this ParseJobsAppFactory app, Guid jobId, Guid documentId)
    {
        await using var db = app.Db();
        db.JobItems.Add(JobItem.Create(jobId, 0, 1, "item", documentId, null, DateTimeOffset.UtcNow));
        await db.SaveChangesAsync();
    }

    public static async Task<Guid> DocumentOfAsync(this ParseJobsAppFactory app, Guid jobId)
    {
        await using var db = app.Db();
        return (await db.Jobs.AsNoTracking().SingleAsync(j => j.Id == jobId)).DocumentId!.Value;
    }

    public static async Task<Guid> OrganisationOfAsync(this ParseJobsAppFactory app, Guid jobId)
    {
        await using var db = app.Db();
        return (await db.Jobs.AsNoTracking().SingleAsync(j => j.Id == jobId)).OrganisationId;
    }

    /// <summary>Triggers the recurring retention job in Hangfire and waits until a worker ran it to success.</summary>
    public static async Task RunRetentionThroughHangfireAsync(this ParseJobsAppFactory app)
    {
        var recurring = app.Services.GetRequiredService<IRecurringJobManagerV2>();
        var backgroundJobId = recurring.TriggerJob(RetentionJob.RecurringJobId);
        Assert.False(string.IsNullOrEmpty(backgroundJobId), "the recurring retention job is registered");
        var storage = app.Services.GetRequiredService<JobStorage>();
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (true)
        {
            using var connection = storage.GetConnection();
            var state = connection.GetJobData(backgroundJobId)?.State;
            if (state == SucceededState.StateName)
            {
                return;
            }

            if (state == FailedState.StateName || state == DeletedState.StateName)
            {
                var details = storage.GetMonitoringApi().JobDetails(backgroundJobId);
                Assert.Fail($"The retention job ended {state}: {JsonSerializer.Serialize(details?.History.FirstOrDefault()?.Data)}");
            }

            Assert.True(DateTime.UtcNow < deadline, $"The retention job is still {state} after 60 s.");
            await Task.Delay(100);
        }
    }

    public static async Task<bool> DocumentExistsAsync(this ParseJobsAppFactory app, Guid documentId)
    {
        await using var db = app.Db();
        return await db.Set<StoredDocument>().AnyAsync(d => d.Id == documentId);
    }
}
