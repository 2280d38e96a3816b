using ParseJobs.Api.Auth;
using ParseJobs.Api.Jobs;

namespace ParseJobs.Api.Persistence;

public static class QueryExtensions
{
    /// <summary>The tenant filter: a job of another organisation is as unknown as a job that never existed.</summary>
    public static IQueryable<Job> OwnedBy(this IQueryable<Job> jobs, Tenant tenant) =>
        jobs.Where(j => j.OrganisationId == tenant.OrganisationId);
}
