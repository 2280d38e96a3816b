namespace ParseJobs.Api.Retention;

/// <summary>
/// One deletion, written in the transaction that deleted: when, for which organisation, who, why, and how many rows of
/// each kind (plus the ids of the jobs). Never content: no file names, no text, no data ids. The organisation id is a
/// plain column, not a foreign key, so the log outlives the organisation it tells about (erasure).
/// </summary>
public sealed class AuditEntry
{
    public const int MaxReasonLength = 512;

    public long Id { get; init; }
    public DateTimeOffset At { get; init; }
    public Guid OrganisationId { get; init; }

    /// <summary>The organisation's short name when the entry was written (an operator's handle, not personal data).</summary>
    public string? OrganisationSlug { get; init; }

    /// <summary><see cref="AuditActors"/>.</summary>
    public required string Actor { get; init; }

    /// <summary><see cref="AuditActions"/>.</summary>
    public required string Action { get; init; }

    public required string Reason { get; init; }

    public int Jobs { get; init; }
    public int JobItems { get; init; }
    public int JobImages { get; init; }
    public int JobResults { get; init; }
    public int Documents { get; init; }
    public int ApiKeys { get; init; }
    public int Organisations { get; init; }

    /// <summary>The deleted jobs' ids (at most one batch), or null.</summary>
    public Guid[]? JobIds { get; init; }

    public static AuditEntry Of(
        Guid organisationId, string? slug, string actor, string action, string reason, DateTimeOffset at, DeletedCounts counts, Guid[]? jobIds = null) => new()
    {
        At = at,
        OrganisationId = organisationId,
        OrganisationSlug = slug,
        Actor = actor,
        Action = action,
        Reason = reason.Length > MaxReasonLength ? reason[..MaxReasonLength] : reason,
        Jobs = counts.Jobs,
        JobItems = counts.JobItems,
        JobImages = counts.JobImages,
        JobResults = counts.JobResults,
        Documents = counts.Documents,
        ApiKeys = counts.ApiKeys,
        Organisations = counts.Organisations,
        JobIds = jobIds is { Length: > 0 } ? jobIds : null,
    };

    public DeletedCounts Counts => new(Jobs, JobItems, JobImages, JobResults, Documents, ApiKeys, Organisations);
}

/// <summary>Who deleted.</summary>
public static class AuditActors
{
    /// <summary>The recurring retention job.</summary>
    public const string Retention = "system:retention";

    /// <summary>An operator command (<c>orgs …</c>).</summary>
    public const string Cli = "cli";
}

/// <summary>What was done.</summary>
public static class AuditActions
{
    /// <summary>Jobs past their retention period deleted.</summary>
    public const string RetentionDelete = "retention_delete";

    /// <summary>Part of an organisation's erasure (<c>orgs erase</c>).</summary>
    public const string Erase = "erase";

    /// <summary>An organisation's retention periods changed (<c>orgs retention</c>); deletes nothing.</summary>
    public const string RetentionPolicy = "retention_policy";
}
