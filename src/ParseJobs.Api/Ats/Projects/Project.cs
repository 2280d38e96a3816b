using ParseJobs.Api.Persistence;

namespace ParseJobs.Api.Ats.Projects;

/// <summary>
/// A consultant's project of candidates, made by an ATS create-pdf request. Owned by its import job
/// (<see cref="Jobs.JobKind.AtsImport"/>, one item per candidate) and deleted with it, so retention and erasure
/// cover it like every other job. <see cref="RequestFingerprint"/> and <see cref="IdempotencyKey"/> make an ATS
/// retry answer with this project instead of a second one.
/// </summary>
public sealed class Project : IOrganisationOwned
{
    public Guid Id { get; init; }
    public Guid OrganisationId { get; init; }

    /// <summary>The import job; its items are the candidates' imports.</summary>
    public Guid JobId { get; init; }

    public required string Name { get; init; }

    /// <summary>The organisation's user (the consultant) the project belongs to.</summary>
    public Guid OwnerUserId { get; init; }

    /// <summary>The ATS the project came from (<see cref="AtsSystems.Hr4You"/>) and the consultant's user id there.</summary>
    public required string AtsSystem { get; init; }
    public required string ConsultantId { get; init; }

    /// <summary>The ATS job the project is for (create-pdf's <c>projectId</c>) and its post, when given.</summary>
    public string? JobPostId { get; init; }
    public string? JobPostTitle { get; init; }
    public string? JobPostDescription { get; init; }

    /// <summary>The request's <c>Idempotency-Key</c> header, unique per organisation.</summary>
    public string? IdempotencyKey { get; init; }

    /// <summary>SHA-256 (hex) of consultant, sorted applicant set and ATS job id: the same request within
    /// <c>Ats:RetryWindowMinutes</c> is a retry.</summary>
    public required string RequestFingerprint { get; init; }

    public DateTimeOffset CreatedAt { get; init; }
}

/// <summary>
/// One applicant of a project. Its import is item <see cref="Seq"/> of the project's import job: the item's status is
/// the candidate's (<see cref="CandidateStatuses"/>), the item's result its parsed profile. Name and headline are
/// copied here when the import ends, for lists.
/// </summary>
public sealed class ProjectCandidate : IOrganisationOwned
{
    public Guid Id { get; init; }
    public Guid ProjectId { get; init; }
    public Guid OrganisationId { get; init; }

    /// <summary>Position in the project (0-based) and the import item's seq; "Candidate {Seq + 1}" when anonymised.</summary>
    public int Seq { get; init; }

    public required string AtsSystem { get; init; }
    public required string ApplicantId { get; init; }

    public string? Name { get; set; }
    public string? Headline { get; set; }

    public DateTimeOffset CreatedAt { get; init; }
}

/// <summary>A candidate's rendered profile PDF, named or anonymised. Deleted with the candidate.</summary>
public sealed class CandidatePdf
{
    public Guid CandidateId { get; init; }
    public bool Anonymised { get; init; }
    public required byte[] Content { get; init; }
    public DateTimeOffset CreatedAt { get; init; }
}

/// <summary>The ATS systems ParseJobs connects to.</summary>
public static class AtsSystems
{
    public const string Hr4You = "hr4you";

    public static IReadOnlyList<string> All { get; } = [Hr4You];
}
