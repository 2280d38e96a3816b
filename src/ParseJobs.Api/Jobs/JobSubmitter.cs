using ParseJobs.Api.Auth;
using ParseJobs.Api.Persistence;
using ParseJobs.Api.Uploads;

namespace ParseJobs.Api.Jobs;

/// <summary>Stores an uploaded document with its pending job, then hands the job to Hangfire.</summary>
public sealed class JobSubmitter(ParseJobsDbContext db, JobDispatcher dispatcher, TimeProvider clock)
{
    public async Task<Job> SubmitAsync(Tenant tenant, JobKind kind, StoredDocument document, string? dataId, string? parameters, CancellationToken ct)
    {
        var job = Job.Create(tenant.OrganisationId, kind, document.Id, dataId, clock.GetUtcNow(), parameters);
        db.Documents.Add(document);
        db.Jobs.Add(job);
        await db.SaveChangesAsync(ct);

        // Enqueued after the job row is committed, so a worker always finds it.
        await dispatcher.DispatchAsync(job);
        return job;
    }

    /// <summary>The validation problem of a too long <c>data_id</c>, or null when it is fine.</summary>
    public static IResult? ValidateDataId(string? dataId) => dataId is { Length: > 256 }
        ? TypedResults.ValidationProblem(new Dictionary<string, string[]>(StringComparer.Ordinal)
        {
            ["data_id"] = ["data_id may have at most 256 characters."],
        })
        : null;
}
