namespace ParseJobs.Api.Jobs.Items;

/// <summary>
/// Where the items of an expanded item kind come from (<see cref="JobKindBuilder.ExpandedBy{TExpander}"/>): such a
/// job is submitted without items, and a worker reads them when the job starts (a ZIP to open, a database to query,
/// a bucket to list), so that the request only checks and stores the input. Runs in
/// <see cref="ItemExpansionJob"/>, inside the transaction that stores the drafts: what the expander writes through
/// the scoped <c>ParseJobsDbContext</c> (with <c>ExecuteUpdate</c>/<c>ExecuteDelete</c>) commits or rolls back with them.
/// Throw <see cref="JobFailedException"/> for an input that cannot be read at all (the job fails with its code);
/// other exceptions retry the expansion, which starts over (nothing of a failed attempt is kept).
/// </summary>
public interface IJobItemExpander
{
    /// <summary>The job's items, in order (their seq), streamed.</summary>
    IAsyncEnumerable<JobItemDraft> ExpandAsync(Job job, CancellationToken ct);

    /// <summary>Called once the expansion has ended: in its transaction after the last draft was read
    /// (<paramref name="succeeded"/> true), or after the job was failed. E.g. to delete credentials no longer needed.</summary>
    Task ExpansionEndedAsync(Job job, bool succeeded, CancellationToken ct);
}
