using ParseJobs.Api.Batches.Sources;
using ParseJobs.Api.Persistence;

namespace ParseJobs.Api.Batches;

/// <summary>
/// What a batch job (<see cref="Jobs.JobKind.BatchMatch"/>) holds beside its job row: the input type, the job
/// description's analysis (made once, at submission), the client's metadata and, until the expansion has read it,
/// the source configuration encrypted (<see cref="BatchSourceConfigProtector"/>). The uploaded source file is the
/// job's document; the candidates are its items. Deleted with its job (cascade).
/// </summary>
public sealed class Batch : IOrganisationOwned
{
    public Guid JobId { get; init; }
    public Guid OrganisationId { get; init; }
    public BatchInputType InputType { get; init; }

    /// <summary>The <see cref="Extraction.Matching.JobAnalysis"/> as JSON (json: kept as written).</summary>
    public required string Analysis { get; init; }

    /// <summary>The client's <c>metadata_json</c> object (jsonb), stored as given and returned to no one else.</summary>
    public string? Metadata { get; init; }

    /// <summary>The <c>source_config_json</c>, encrypted with Data Protection; null once the expansion has read it.</summary>
    public string? ProtectedSourceConfig { get; init; }

    /// <summary>The uploaded <c>candidate_source_file</c>'s name, for messages.</summary>
    public string? SourceFileName { get; init; }

    /// <summary>Whether the batch was submitted through the sync endpoint (at most <see cref="BatchOptions.MaxSyncCandidates"/> candidates).</summary>
    public bool IsSync { get; init; }

    public DateTimeOffset CreatedAt { get; init; }
}

/// <summary>A job description's analysis per organisation, client <c>job_id</c> ("" when none) and text hash: a
/// batch for the same position and text does not analyse it again. Expires with the completed-job retention.</summary>
public sealed class JobAnalysisCacheEntry : IOrganisationOwned
{
    public Guid OrganisationId { get; init; }
    public required string ClientJobId { get; init; }
    public required string TextSha256 { get; init; }
    public required string Analysis { get; init; }
    public DateTimeOffset CreatedAt { get; init; }
}

/// <summary>A CV's profile per organisation and document hash: the same document already parsed in the organisation
/// is not parsed again. Holds personal data: erased with the organisation, expires with the completed-job retention.</summary>
public sealed class CvProfileCacheEntry : IOrganisationOwned
{
    public Guid OrganisationId { get; init; }
    public required string Sha256 { get; init; }

    /// <summary>The <see cref="Extraction.Cv.CvProfile"/> as the parser wrote it (json).</summary>
    public required string Profile { get; init; }

    public DateTimeOffset CreatedAt { get; init; }
}
