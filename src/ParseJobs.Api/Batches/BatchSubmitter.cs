using System.Security.Cryptography;
using ParseJobs.Api.Auth;
using ParseJobs.Api.Batches.Sources;
using ParseJobs.Api.Jobs;
using ParseJobs.Api.Uploads;

namespace ParseJobs.Api.Batches;

/// <summary>
/// Stores a checked batch submission as one job (<see cref="JobKind.BatchMatch"/>) through <see cref="JobSubmitter"/>
/// (the job row is the outbox): the uploaded source file as the job's document, the analysis made now, the metadata,
/// the source config encrypted, and the client's <c>job_id</c> as the job's data id. The candidates are read on a
/// worker (<see cref="BatchExpander"/>).
/// </summary>
public sealed class BatchSubmitter(JobSubmitter submitter, JobAnalysisCache analyses, BatchSourceConfigProtector protector, TimeProvider clock)
{
    public async Task<Job> SubmitAsync(Tenant tenant, BatchRequest request, bool isSync, CancellationToken ct)
    {
        var (analysis, _) = await analyses.GetOrAnalyzeAsync(tenant.OrganisationId, request.ClientJobId, request.Description, ct);
        var now = clock.GetUtcNow();
        var document = request.File is { } file
            ? new StoredDocument
            {
                Id = Guid.CreateVersion7(now),
                OrganisationId = tenant.OrganisationId,
                FileName = request.FileName ?? "upload",
                DetectedType = null, // a source, not a document to parse
                SizeBytes = file.LongLength,
                Sha256 = Convert.ToHexStringLower(SHA256.HashData(file)),
                Content = file,
                CreatedAt = now,
            }
            : null;
        var draft = new JobDraft(tenant.OrganisationId, JobKind.BatchMatch)
        {
            DataId = request.ClientJobId,
            Document = document,
            Rows = job =>
            [
                new Batch
                {
                    JobId = job.Id,
                    OrganisationId = tenant.OrganisationId,
                    InputType = request.InputType,
                    Analysis = analysis,
                    Metadata = request.Metadata,
                    ProtectedSourceConfig = request.SourceConfig is { } config ? protector.Protect(config) : null,
                    SourceFileName = request.FileName,
                    IsSync = isSync,
                    CreatedAt = now,
                },
            ],
        };
        return await submitter.SubmitAsync(draft, ct);
    }

    /// <summary>
    /// The candidates of an uploaded source (ZIP, CSV, SQLite), counted up to <paramref name="limit"/> + 1 without
    /// storing anything: a sync call refuses more at once. Null for a remote source (nothing is fetched in a request;
    /// its expansion enforces the limit), or when the file cannot be read (the batch will fail with the reason).
    /// </summary>
    public static async Task<int?> CountUploadedAsync(BatchRequest request, Guid organisationId, int limit, CancellationToken ct)
    {
        if (request.File is null)
        {
            return null;
        }

        var count = 0;
        try
        {
            await foreach (var _ in request.Source.ReadAsync(request.SourceInput(organisationId), ct))
            {
                if (++count > limit)
                {
                    break;
                }
            }
        }
        catch (CandidateSourceException)
        {
            return null;
        }

        return count;
    }
}
