namespace ParseJobs.Api.Retention;

/// <summary>How many rows of each kind one deletion removed: what the audit log records instead of the content.</summary>
public sealed record DeletedCounts(
    int Jobs = 0, int JobItems = 0, int JobImages = 0, int JobResults = 0, int Documents = 0, int ApiKeys = 0, int Organisations = 0)
{
    public static DeletedCounts None { get; } = new();

    public int Total => Jobs + JobItems + JobImages + JobResults + Documents + ApiKeys + Organisations;

    public static DeletedCounts operator +(DeletedCounts a, DeletedCounts b) => new(
        a.Jobs + b.Jobs, a.JobItems + b.JobItems, a.JobImages + b.JobImages, a.JobResults + b.JobResults,
        a.Documents + b.Documents, a.ApiKeys + b.ApiKeys, a.Organisations + b.Organisations);

    public override string ToString() =>
        $"{Jobs} jobs, {JobItems} job items, {JobImages} job images, {JobResults} job results, {Documents} documents, " +
        $"{ApiKeys} API keys, {Organisations} organisation rows";
}
