using System.Runtime.CompilerServices;
using System.Security.Cryptography;
using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using ParseJobs.Api.Batches.Sources;
using ParseJobs.Api.Jobs;
using ParseJobs.Api.Jobs.Items;
using ParseJobs.Api.Persistence;
using ParseJobs.Api.Uploads;
using ParseJobs.Extraction.Parsing;

namespace ParseJobs.Api.Batches;

/// <summary>What a batch item's input holds (jsonb): the candidate's id and name, and a resume given as text.</summary>
public sealed record CandidateInput
{
    [JsonPropertyName("candidate_id")] public string? CandidateId { get; init; }
    [JsonPropertyName("name")] public string? Name { get; init; }
    [JsonPropertyName("resume_text")] public string? ResumeText { get; init; }
}

/// <summary>
/// Reads a batch's candidates when it starts (<see cref="IJobItemExpander"/>): the source of its input type over the
/// uploaded file and the decrypted config. A candidate with a document becomes an item with a stored document (the
/// organisation's document with the same SHA-256 is reused), one with resume text an item holding the text, one
/// with an error an item stored failed. More than <see cref="BatchOptions.MaxCandidates"/> fails the batch.
/// The encrypted config is deleted once read, whatever the outcome.
/// </summary>
public sealed class BatchExpander(
    ParseJobsDbContext db, IEnumerable<ICandidateSource> sources, BatchSourceConfigProtector protector, IOptions<BatchOptions> options, TimeProvider clock)
    : IJobItemExpander
{
    /// <summary>Longest resume text of one candidate; a longer one is an item with an error.</summary>
    public const int MaxResumeTextChars = 500_000;

    public async IAsyncEnumerable<JobItemDraft> ExpandAsync(Job job, [EnumeratorCancellation] CancellationToken ct)
    {
        var batch = await db.Batches.AsNoTracking().SingleOrDefaultAsync(b => b.JobId == job.Id, ct)
            ?? throw new JobFailedException(ErrorCodes.SourceUnavailable, "The batch's settings are missing.");
        var source = sources.FirstOrDefault(s => s.InputType == batch.InputType)
            ?? throw new JobFailedException(ErrorCodes.SourceUnavailable, $"The input type {BatchSubmissionReader.WireName(batch.InputType).ToUpperInvariant()} is not available on this server.");
        var input = await InputAsync(job, batch, ct);
        var limit = batch.IsSync ? Math.Min(options.Value.MaxSyncCandidates, options.Value.MaxCandidates) : options.Value.MaxCandidates;
        var seen = new Dictionary<string, Guid>(StringComparer.Ordinal); // sha256 → a document stored by this expansion
        var count = 0;
        await using var candidates = source.ReadAsync(input, ct).GetAsyncEnumerator(ct);
        while (await NextAsync(candidates))
        {
            if (++count > limit)
            {
                throw batch.IsSync
                    ? new JobFailedException(ErrorCodes.TooManyCandidates,
                        $"The source has more than {limit} candidates, the most a sync call takes; submit it to POST /api/v1/batch-jobs instead.")
                    : new JobFailedException(ErrorCodes.SourceLimitExceeded,
                        $"The source has more than {limit} candidates (Batches:MaxCandidates); split it into batches of at most {limit}.");
            }

            yield return await DraftAsync(job, candidates.Current, seen, ct);
        }
    }

    public async Task ExpansionEndedAsync(Job job, bool succeeded, CancellationToken ct)
    {
        // Credentials are needed only to read the source: gone once it was read (or could not be).
        await db.Batches.Where(b => b.JobId == job.Id && b.ProtectedSourceConfig != null)
            .ExecuteUpdateAsync(s => s.SetProperty(b => b.ProtectedSourceConfig, (string?)null), ct);
    }

    // A source's failure is the batch's: its code and message (sources never put credentials in them).
    private static async Task<bool> NextAsync(IAsyncEnumerator<SourceCandidate> candidates)
    {
        try
        {
            return await candidates.MoveNextAsync();
        }
        catch (CandidateSourceException ex)
        {
            throw new JobFailedException(ex.Code, ex.Message, ex);
        }
    }

    private async Task<CandidateSourceInput> InputAsync(Job job, Batch batch, CancellationToken ct)
    {
        var file = job.DocumentId is { } documentId
            ? await db.Documents.AsNoTracking().Where(d => d.Id == documentId).Select(d => d.Content).SingleOrDefaultAsync(ct)
            : null;
        JsonElement? config = null;
        if (batch.ProtectedSourceConfig is { } protectedConfig)
        {
            try
            {
                config = JsonDocument.Parse(protector.Unprotect(protectedConfig)).RootElement.Clone();
            }
            catch (CryptographicException ex)
            {
                throw new JobFailedException(ErrorCodes.SourceUnavailable, "The batch's source configuration cannot be decrypted (the key ring changed); submit the batch again.", ex);
            }
        }
        else if (batch.InputType is not (BatchInputType.ZipFile or BatchInputType.CsvFile) && file is null)
        {
            throw new JobFailedException(ErrorCodes.SourceUnavailable, "The batch's source configuration was deleted after an earlier attempt read it; submit the batch again.");
        }

        return new CandidateSourceInput(batch.OrganisationId, file, batch.SourceFileName, config);
    }

    private async Task<JobItemDraft> DraftAsync(Job job, SourceCandidate candidate, Dictionary<string, Guid> seen, CancellationToken ct)
    {
        var name = Bound(candidate.OriginalFilename, JobItem.MaxSourceNameLength) ?? "";
        var input = new CandidateInput { CandidateId = Bound(candidate.CandidateId, 256), Name = Bound(candidate.Name, 256) };
        if (candidate.Error is { } error)
        {
            return Failed(name, input, error);
        }

        if (candidate.Content is { Length: > 0 } content)
        {
            var type = DocumentTypeDetector.Detect(content);
            if (type is null)
            {
                return Failed(name, input, $"The file is not a CV document; accepted formats are {DocumentTypeDetector.AcceptedFormats}.");
            }

            var sha = Convert.ToHexStringLower(SHA256.HashData(content));
            var existing = seen.TryGetValue(sha, out var id) ? id
                : await db.Documents.AsNoTracking()
                    .Where(d => d.OrganisationId == job.OrganisationId && d.Sha256 == sha && d.DetectedType == type)
                    .Select(d => (Guid?)d.Id).FirstOrDefaultAsync(ct);
            var inputJson = JsonSerializer.Serialize(input);
            if (existing is { } documentId)
            {
                return new JobItemDraft(name) { DocumentId = documentId, Input = inputJson };
            }

            var now = clock.GetUtcNow();
            var document = new StoredDocument
            {
                Id = Guid.CreateVersion7(now),
                OrganisationId = job.OrganisationId,
                FileName = Bound(Path.GetFileName(name.Replace('\\', '/')), 255) is { Length: > 0 } file ? file : "candidate",
                DetectedType = type,
                SizeBytes = content.LongLength,
                Sha256 = sha,
                Content = content,
                CreatedAt = now,
            };
            seen[sha] = document.Id;
            return new JobItemDraft(name) { Document = document, Input = inputJson };
        }

        if (!string.IsNullOrWhiteSpace(candidate.ResumeText))
        {
            return candidate.ResumeText.Length > MaxResumeTextChars
                ? Failed(name, input, $"The resume text has more than {MaxResumeTextChars:N0} characters.")
                : new JobItemDraft(name) { Input = JsonSerializer.Serialize(input with { ResumeText = candidate.ResumeText.Replace("\0", "", StringComparison.Ordinal) }) };
        }

        return Failed(name, input, "The candidate has no resume: neither a document nor resume text.");
    }

    private static JobItemDraft Failed(string name, CandidateInput input, string error) =>
        new(name) { Input = JsonSerializer.Serialize(input), Failure = new JobItemFailure(ErrorCodes.NotACandidate, error) };

    private static string? Bound(string? value, int max)
    {
        if (value is null)
        {
            return null;
        }

        var clean = value.Any(char.IsControl) ? new string([.. value.Where(c => !char.IsControl(c))]) : value;
        return clean.Length <= max ? clean : clean[..max];
    }
}
