using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using ParseJobs.Api.Auth;
using ParseJobs.Api.Hosting;
using ParseJobs.Api.Persistence;

namespace ParseJobs.Api.Retention;

/// <summary>An organisation's own audit log, for its admin keys.</summary>
public static class AuditEndpoints
{
    private const int DefaultPageSize = 50;
    private const int MaxPageSize = 200;

    public static RouteGroupBuilder MapAudit(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/v1/audit").WithTags("Audit").RequireAuthorization(Scopes.Admin)
            .WithErrorShape(ErrorShape.ProblemDetails);
        group.MapGet("/", ListAudit).WithName("ListAuditEntries")
            .WithSummary("The organisation's audit log, newest first: what retention deleted, and policy changes");
        return group;
    }

    /// <param name="limit">Page size, 1–200 (default 50).</param>
    /// <param name="before">The <c>next_before</c> of the previous page.</param>
    private static async Task<Results<Ok<AuditListResponse>, ValidationProblem>> ListAudit(
        Tenant tenant, ParseJobsDbContext db, CancellationToken ct, int? limit = null, long? before = null)
    {
        var pageSize = limit ?? DefaultPageSize;
        if (pageSize is < 1 or > MaxPageSize)
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]>(StringComparer.Ordinal)
            {
                ["limit"] = [$"limit must be between 1 and {MaxPageSize}."],
            });
        }

        var query = db.AuditLog.AsNoTracking().Where(a => a.OrganisationId == tenant.OrganisationId);
        if (before is { } id)
        {
            query = query.Where(a => a.Id < id);
        }

        var page = await query.OrderByDescending(a => a.Id).Take(pageSize + 1).ToListAsync(ct);
        var next = page.Count > pageSize ? page[pageSize - 1].Id : (long?)null;
        return TypedResults.Ok(new AuditListResponse([.. page.Take(pageSize).Select(AuditEntryResponse.From)], next));
    }
}

/// <summary>One page of audit entries; <c>next_before</c> fetches the next (older) page, null on the last.</summary>
public sealed record AuditListResponse(IReadOnlyList<AuditEntryResponse> Entries, long? NextBefore);

/// <summary>One deletion or policy change: who, when, why and how many rows of each kind; never content.</summary>
public sealed record AuditEntryResponse(
    long Id, DateTimeOffset At, string Actor, string Action, string Reason, AuditCountsResponse Deleted, IReadOnlyList<Guid> JobIds)
{
    public static AuditEntryResponse From(AuditEntry e) => new(
        e.Id, e.At, e.Actor, e.Action, e.Reason,
        new AuditCountsResponse(e.Jobs, e.JobItems, e.JobImages, e.JobResults, e.Documents, e.ApiKeys),
        e.JobIds ?? []);
}

/// <summary>Rows deleted, per kind.</summary>
public sealed record AuditCountsResponse(int Jobs, int JobItems, int JobImages, int JobResults, int Documents, int ApiKeys);
