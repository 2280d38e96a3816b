using Microsoft.EntityFrameworkCore;
using ParseJobs.Api.Auth;
using ParseJobs.Api.Persistence;

namespace ParseJobs.Api.Jobs;

/// <summary>
/// The read of one job of the tenant's organisation, untracked, as a compiled query: status polls are the hottest
/// path of the API (clients poll many times a second), and a compiled query skips the LINQ expression tree walk
/// and the query-cache lookup that an ad-hoc <c>SingleOrDefaultAsync</c> pays on every request (docs/PERFORMANCE.md).
/// </summary>
public static class JobLookup
{
    private static readonly Func<ParseJobsDbContext, Guid, Guid, CancellationToken, Task<Job?>> Owned =
        EF.CompileAsyncQuery((ParseJobsDbContext db, Guid organisationId, Guid jobId, CancellationToken ct) =>
            db.Jobs.AsNoTracking().SingleOrDefault(j => j.OrganisationId == organisationId && j.Id == jobId));

    /// <summary>The job, or null when it does not exist or belongs to another organisation (the same 404 for both).</summary>
    public static Task<Job?> FindOwnedAsync(this ParseJobsDbContext db, Tenant tenant, Guid jobId, CancellationToken ct) =>
        Owned(db, tenant.OrganisationId, jobId, ct);
}
