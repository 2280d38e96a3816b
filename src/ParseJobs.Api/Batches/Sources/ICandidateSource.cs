using System.Text.Json;

namespace ParseJobs.Api.Batches.Sources;

/// <summary>Where a batch's candidates come from (the submission's <c>input_type</c>; wire names ZIP_FILE, CSV_FILE,
/// DATABASE, AWS_S3, GOOGLE_DRIVE, accepted in any case).</summary>
public enum BatchInputType
{
    ZipFile,
    CsvFile,
    Database,
    AwsS3,
    GoogleDrive,
}

/// <summary>
/// One kind of candidate source. <see cref="Check"/> runs in the request (no network: presence, shape, allow-lists),
/// so that a bad submission is a 400 and no batch; <see cref="ReadAsync"/> runs on a worker when the batch starts.
/// A source that cannot be read at all throws <see cref="CandidateSourceException"/> (the batch fails with its code);
/// one unreadable entry is a <see cref="SourceCandidate"/> with <see cref="SourceCandidate.Error"/> set, never a
/// failed batch. Sources never touch the server's file system with names from the input.
/// </summary>
public interface ICandidateSource
{
    BatchInputType InputType { get; }

    /// <summary>Null when the input is fine to accept; else what is wrong, for a 400 INVALID_INPUT.</summary>
    SourceProblem? Check(CandidateSourceInput input);

    /// <summary>The candidates, streamed (a source with a thousand documents must not hold them all at once).</summary>
    IAsyncEnumerable<SourceCandidate> ReadAsync(CandidateSourceInput input, CancellationToken ct);
}

/// <param name="OrganisationId">The batch's organisation.</param>
/// <param name="File">The uploaded <c>candidate_source_file</c> (ZIP, CSV, SQLite database), if any.</param>
/// <param name="FileName">Its name as uploaded (for messages only).</param>
/// <param name="Config">The decrypted <c>source_config_json</c>, if any. Holds credentials: never log or return it.</param>
public sealed record CandidateSourceInput(Guid OrganisationId, byte[]? File, string? FileName, JsonElement? Config);

/// <summary>One candidate of a source: a document to parse, a resume text, or an entry that is no CV (with an error).</summary>
/// <param name="OriginalFilename">The results' <c>original_filename</c>: the ZIP entry path, the CSV <c>filename</c>, the object key.</param>
public sealed record SourceCandidate(string OriginalFilename)
{
    /// <summary>The results' <c>candidate_id_internal</c> (the CSV <c>candidate_id</c>, the database id column).</summary>
    public string? CandidateId { get; init; }

    public string? Name { get; init; }

    /// <summary>A document (PDF, DOCX, TXT) to parse.</summary>
    public byte[]? Content { get; init; }

    /// <summary>Resume text given as text (CSV, a database text column).</summary>
    public string? ResumeText { get; init; }

    /// <summary>Why this entry is not a candidate to parse (not a CV type, empty, over the size limit); shown as the item's error.</summary>
    public string? Error { get; init; }
}

/// <summary>A rejected submission: the error envelope's <c>details</c> (field, provided, expected) and message.</summary>
public sealed record SourceProblem(string Field, string Message, object? Provided = null, object? Expected = null);

/// <summary>A source that cannot be read at all: the batch fails with <see cref="Code"/> and the message (no credentials in it).</summary>
public sealed class CandidateSourceException(string code, string message, Exception? inner = null) : Exception(message, inner)
{
    public string Code { get; } = code;
}
