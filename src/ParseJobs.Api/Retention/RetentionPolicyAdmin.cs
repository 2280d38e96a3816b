using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using ParseJobs.Api.Persistence;

namespace ParseJobs.Api.Retention;

/// <summary>Sets and shows an organisation's retention periods (<c>orgs retention</c>). A change is audited.</summary>
public sealed class RetentionPolicyAdmin(ParseJobsDbContext db, IOptions<RetentionOptions> options, TimeProvider clock)
{
    /// <summary>A period to set: a number of days, the service default (<see cref="Default"/>), or unchanged (null).</summary>
    public readonly record struct Period(int? Days, bool Default)
    {
        public static Period Unchanged => default;
        public static Period Reset => new(null, true);
        public static Period Of(int days) => new(days, false);
        public bool Changes => Days is not null || Default;
    }

    /// <summary>Null when there is no organisation of that name.</summary>
    public async Task<EffectiveRetention?> SetAsync(string slug, Period completed, Period failed, CancellationToken ct)
    {
        if (completed.Days is < 1 or > RetentionOptions.MaxDays || failed.Days is < 1 or > RetentionOptions.MaxDays)
        {
            throw new ArgumentException($"A retention period must be 1 to {RetentionOptions.MaxDays} days, or 'default'.",
                completed.Days is < 1 or > RetentionOptions.MaxDays ? nameof(completed) : nameof(failed));
        }

        var normalised = slug.Trim().ToLowerInvariant();
        var organisation = await db.Organisations.AsNoTracking().SingleOrDefaultAsync(o => o.Slug == normalised, ct);
        if (organisation is null)
        {
            return null;
        }

        var now = clock.GetUtcNow();
        var policy = await db.RetentionPolicies.SingleOrDefaultAsync(p => p.OrganisationId == organisation.Id, ct);
        if (completed.Changes || failed.Changes)
        {
            if (policy is null)
            {
                policy = new RetentionPolicy { OrganisationId = organisation.Id };
                db.RetentionPolicies.Add(policy);
            }

            policy.CompletedJobDays = completed.Changes ? completed.Days : policy.CompletedJobDays;
            policy.FailedJobDays = failed.Changes ? failed.Days : policy.FailedJobDays;
            policy.UpdatedAt = now;
            var effective = EffectiveRetention.Of(policy, options.Value);
            db.AuditLog.Add(AuditEntry.Of(organisation.Id, organisation.Slug, AuditActors.Cli, AuditActions.RetentionPolicy,
                $"Retention policy set: {effective.Describe()}.", now, DeletedCounts.None));
            await db.SaveChangesAsync(ct);
        }

        return EffectiveRetention.Of(policy, options.Value);
    }
}
