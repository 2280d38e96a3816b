using ParseJobs.Api.Persistence;
using ParseJobs.Extraction.Parsing;


namespace ParseJobs.Api.Uploads;

/// <summary>An uploaded file as received: its bytes stay in PostgreSQL so that any worker node can read them.
/// It belongs to the organisation; jobs and items reference it.</summary>
public sealed class StoredDocument : IOrganisationOwned
{
    public Guid Id { get; init; }
    public Guid OrganisationId { get; init; }
    public required string FileName { get; init; }
    /// <summary>The document's type; null for a file that is no document to parse (a batch's ZIP, CSV or SQLite source).</summary>
    public DocumentType? DetectedType { get; init; }
    public long SizeBytes { get; init; }

    /// <summary>Lower-case hex SHA-256 of <see cref="Content"/>.</summary>
    public required string Sha256 { get; init; }

    public required byte[] Content { get; init; }
    public DateTimeOffset CreatedAt { get; init; }
}
