using ParseJobs.Api.Auth;
using ParseJobs.Api.Jobs.Items;
using ParseJobs.Api.Persistence;
using ParseJobs.Api.Uploads;

namespace ParseJobs.Api.Jobs;

/// <summary>A job to create: its kind, the organisation, and what it reads (an uploaded document, items, or nothing yet).</summary>
public sealed record JobDraft(Guid OrganisationId, JobKind Kind)
{
    public string? DataId { get; init; }

    /// <summary>The submission's options for the kind (json).</summary>
    public string? Parameters { get; init; }

    /// <summary>A new document stored with the job (an upload).</summary>
    public StoredDocument? Document { get; init; }

    /// <summary>The kind's own rows (a batch's settings), added to the job's transaction once the job exists.</summary>
    public Func<Job, IEnumerable<object>>? Rows { get; init; }

    /// <summary>The items of an item kind; the job completes when the last one ended.</summary>
    public IReadOnlyList<JobItemDraft> Items { get; init; } = [];
}

/// <summary>One item of a draft: a new document, an existing one of the organisation, or only an input.</summary>
public sealed record JobItemDraft(string SourceName)
{
    public StoredDocument? Document { get; init; }
    public Guid? DocumentId { get; init; }
    public string? Input { get; init; }

    /// <summary>An item that is stored failed (an entry that is no candidate): it is counted at once and never runs.</summary>
    public JobItemFailure? Failure { get; init; }
}

/// <summary>Why an item of a draft ends failed without running: an <see cref="ErrorCodes"/> code and a readable message.</summary>
public sealed record JobItemFailure(string Code, string Message);

/// <summary>
/// The one place jobs are created. The job (with its documents and items) is committed in one transaction; that
/// commit is the promise: a 202 means the job will run, an error before it means no job exists. The enqueue
/// after the commit is best-effort: a job whose enqueue failed (or whose process died right after the commit)
/// keeps no Hangfire id (<see cref="Job.BackgroundJobId"/>), and <see cref="JobSweeper"/> dispatches it after the grace time. Why an outbox rather
/// than Hangfire.PostgreSql's TransactionScope enlistment: Hangfire writes on its own connection, so enlisting it
/// with EF Core's would need a distributed (two-connection) transaction, which .NET does not support on Linux.
/// </summary>
public sealed class JobSubmitter(ParseJobsDbContext db, JobDispatcher dispatcher, JobKinds kinds, TimeProvider clock, ILogger<JobSubmitter> logger)
{
    public Task<Job> SubmitAsync(Tenant tenant, JobKind kind, StoredDocument document, string? dataId, string? parameters, CancellationToken ct) =>
        SubmitAsync(new JobDraft(tenant.OrganisationId, kind) { Document = document, DataId = dataId, Parameters = parameters }, ct);

    public async Task<Job> SubmitAsync(JobDraft draft, CancellationToken ct)
    {
        var descriptor = kinds.Get(draft.Kind);
        if (descriptor.IsExpanded ? draft.Items.Count > 0 : descriptor.HasItems != draft.Items.Count > 0)
        {
            throw new ArgumentException(descriptor.IsExpanded
                ? $"A {draft.Kind} job is submitted without items: a worker reads them when it starts."
                : descriptor.HasItems ? $"A {draft.Kind} job needs at least one item." : $"A {draft.Kind} job has no items.", nameof(draft));
        }

        if (draft.Items.Any(i => i.Failure is not null))
        {
            throw new ArgumentException("Items stored failed come from an expansion, not from a submission.", nameof(draft));
        }

        var now = clock.GetUtcNow();
        if (draft.Document is { } document)
        {
            db.Documents.Add(document);
        }

        var job = Job.Create(draft.OrganisationId, draft.Kind, draft.Document?.Id, draft.DataId, now, draft.Parameters,
            descriptor.HasItems && !descriptor.IsExpanded ? draft.Items.Count : null);
        if (!descriptor.HasItems)
        {
            // Committed already claimed for this dispatch: no compare-and-set UPDATE after the commit. A process that
            // dies before the enqueue leaves a claim without a Hangfire job, which the sweeper re-claims after the
            // grace time, as it does a job committed unclaimed.
            job.ClaimDispatch(now);
        }

        db.Jobs.Add(job);
        foreach (var row in draft.Rows?.Invoke(job) ?? [])
        {
            db.Add(row);
        }
        for (var seq = 0; seq < draft.Items.Count; seq++)
        {
            var item = draft.Items[seq];
            if (item.Document is { } itemDocument)
            {
                db.Documents.Add(itemDocument);
            }

            db.JobItems.Add(JobItem.Create(job.Id, seq, descriptor.ItemChunkSize!.Value, item.SourceName, item.Document?.Id ?? item.DocumentId, item.Input, now));
        }

        await db.SaveChangesAsync(ct);

        try
        {
            if (job.DispatchedAt is null)
            {
                await dispatcher.DispatchAsync(job, CancellationToken.None);
            }
            else
            {
                await dispatcher.EnqueueClaimedAsync(job.Id, job.Kind);
            }
        }
        catch (Exception ex)
        {
            // The job is committed: it runs once the sweeper dispatches it. Failing the request now would tell the
            // client "no job" about a job that exists (a ghost, and a duplicate when the client retries).
            logger.LogWarning(ex, "Job {JobId} was stored but not enqueued; the sweeper will dispatch it", job.Id);
        }

        return job;
    }
}
