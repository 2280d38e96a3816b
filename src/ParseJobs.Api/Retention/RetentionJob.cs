using System.ComponentModel;
using Hangfire;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using ParseJobs.Api.Jobs;
using ParseJobs.Api.Persistence;

namespace ParseJobs.Api.Retention;

/// <summary>
/// The recurring Hangfire job (<c>Retention:Cron</c>) that deletes, per organisation, completed jobs older than its
/// completed period and failed jobs older than its failed period, each with everything it owns (<see cref="JobDeleter"/>).
/// Work goes in batches of <c>Retention:BatchSize</c> jobs, one short transaction each, and every batch writes its
/// audit entry in its own transaction: nothing is deleted unaudited, and a large backlog holds no long transaction.
/// </summary>
public sealed class RetentionJob(
    ParseJobsDbContext db, JobDeleter deleter, IOptions<RetentionOptions> options, TimeProvider clock, ILogger<RetentionJob> logger)
{
    public const string RecurringJobId = "parsejobs-retention";

    [DisplayName("Retention: delete expired jobs")]
    [AutomaticRetry(Attempts = 0)] // the next run picks up where this one stopped
    [DisableConcurrentExecution(timeoutInSeconds: 60)]
    public async Task RunAsync(CancellationToken ct)
    {
        var total = await DeleteExpiredAsync(ct);
        if (total.Jobs > 0)
        {
            logger.LogInformation("Retention deleted {Counts}", total.ToString());
        }
    }

    /// <summary>One pass over every organisation; returns what it deleted.</summary>
    public async Task<DeletedCounts> DeleteExpiredAsync(CancellationToken ct)
    {
        var defaults = options.Value;
        var organisations = await db.Organisations.AsNoTracking().OrderBy(o => o.Id).Select(o => new { o.Id, o.Slug }).ToListAsync(ct);
        var policies = await db.RetentionPolicies.AsNoTracking().ToDictionaryAsync(p => p.OrganisationId, ct);
        var total = DeletedCounts.None;
        foreach (var organisation in organisations)
        {
            var retention = EffectiveRetention.Of(policies.GetValueOrDefault(organisation.Id), defaults);
            total += await DeleteExpiredAsync(organisation.Id, organisation.Slug, JobStatus.Completed, retention.CompletedJobDays, retention, ct);
            total += await DeleteExpiredAsync(organisation.Id, organisation.Slug, JobStatus.Failed, retention.FailedJobDays, retention, ct);
            await DeleteExpiredCachesAsync(organisation.Id, retention.CompletedJobDays, ct);
        }

        return total;
    }

    private async Task<DeletedCounts> DeleteExpiredAsync(
        Guid organisationId, string slug, JobStatus status, int days, EffectiveRetention retention, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var cutoff = now.AddDays(-days);
        var reason = $"Retention: {status.ToString().ToLowerInvariant()} jobs older than {days} days ({retention.Describe()}).";
        var total = DeletedCounts.None;
        while (!ct.IsCancellationRequested)
        {
            await using var transaction = await db.Database.BeginTransactionAsync(ct);
            var ids = await ExpiredJobIdsAsync(organisationId, status, cutoff, options.Value.BatchSize, ct);
            if (ids.Count == 0)
            {
                break;
            }

            var deleted = await deleter.DeleteOwnedAsync(organisationId, ids, ct);
            db.AuditLog.Add(AuditEntry.Of(organisationId, slug, AuditActors.Retention, AuditActions.RetentionDelete, reason, now, deleted, [.. ids]));
            await db.SaveChangesAsync(ct);
            await transaction.CommitAsync(ct);
            db.ChangeTracker.Clear();
            total += deleted;
            if (ids.Count < options.Value.BatchSize)
            {
                break;
            }
        }

        return total;
    }

    /// <summary>The batch caches (CV profiles, job analyses) expire with the completed-job period: what a batch learnt
    /// from a CV is kept no longer than the batch's results. Not audited per row: they are copies of what the jobs held.</summary>
    public async Task<int> DeleteExpiredCachesAsync(Guid organisationId, int completedJobDays, CancellationToken ct)
    {
        var cutoff = clock.GetUtcNow().AddDays(-completedJobDays);
        var profiles = await db.CvProfileCache.Where(c => c.OrganisationId == organisationId && c.CreatedAt < cutoff).ExecuteDeleteAsync(ct);
        var analyses = await db.JobAnalysisCache.Where(c => c.OrganisationId == organisationId && c.CreatedAt < cutoff).ExecuteDeleteAsync(ct);
        if (profiles + analyses > 0)
        {
            logger.LogInformation("Retention deleted {Profiles} cached CV profiles and {Analyses} cached job analyses of organisation {OrganisationId}", profiles, analyses, organisationId);
        }

        return profiles + analyses;
    }

    /// <summary>
    /// One batch of the organisation's jobs that ended before the cutoff, locked for this transaction. The lock keeps
    /// a concurrent resubmit (failed → pending) from reviving a job while its children are deleted; SKIP LOCKED lets
    /// two runs (or a DELETE by the client) never wait on each other.
    /// </summary>
    private Task<List<Guid>> ExpiredJobIdsAsync(Guid organisationId, JobStatus status, DateTimeOffset cutoff, int limit, CancellationToken ct)
    {
        var statusText = status.ToString();
        var query = status == JobStatus.Completed
            ? db.Database.SqlQuery<Guid>($"""
                SELECT id AS "Value" FROM parsejobs.jobs
                WHERE organisation_id = {organisationId} AND status = {statusText} AND completed_at < {cutoff}
                ORDER BY completed_at LIMIT {limit} FOR UPDATE SKIP LOCKED
                """)
            : db.Database.SqlQuery<Guid>($"""
                SELECT id AS "Value" FROM parsejobs.jobs
                WHERE organisation_id = {organisationId} AND status = {statusText} AND failed_at < {cutoff}
                ORDER BY failed_at LIMIT {limit} FOR UPDATE SKIP LOCKED
                """);
        return query.ToListAsync(ct);
    }
}
