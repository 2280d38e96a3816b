using System.Security.Cryptography;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using ParseJobs.Api.Ats.Connections;
using ParseJobs.Api.Ats.Hr4You;
using ParseJobs.Api.Ats.Pdf;
using ParseJobs.Api.Ats.Projects;
using ParseJobs.Api.Batches;
using ParseJobs.Api.Hosting;
using ParseJobs.Api.Jobs;
using ParseJobs.Api.Jobs.Items;
using ParseJobs.Api.Persistence;
using ParseJobs.Api.Uploads;
using ParseJobs.Extraction.Cv;
using ParseJobs.Extraction.Parsing;

namespace ParseJobs.Api.Ats.Import;

/// <summary>
/// One candidate's import (an item of a <see cref="JobKind.AtsImport"/> job): the applicant and its CV from HR4YOU,
/// each fetched once; the CV stored as the organisation's document (sniffed like an upload) and linked to the item,
/// so that the job's deletion takes it; the profile parsed as <c>POST /v1/parse</c> does (<see cref="CvProfileCache"/>);
/// contact details from HR4YOU; the named and the anonymised PDF upserted. The item's result is the profile; its
/// status is the candidate's. A re-run does the same again and overwrites (idempotent). HR4YOU unavailable is thrown
/// on (the platform retries the item) until the last attempt, which fails the candidate with the reason.
/// </summary>
public sealed class CandidateImportWork(
    ParseJobsDbContext db, AtsConnectionStore connections, IHr4YouClient hr4you, CvProfileCache profiles, IProfilePdfRenderer renderer,
    IOptions<AtsOptions> options, IOptions<WorkerOptions> worker, TimeProvider clock) : IJobItemWork<CvProfile>
{
    public async Task<JobItemOutput<CvProfile>> RunAsync(JobItemContext item, CancellationToken ct)
    {
        var input = JsonSerializer.Deserialize<CandidateImportInput>(item.Item.Input ?? "null")
            ?? throw new JobFailedException(ErrorCodes.InternalError, "The import item has no input.");
        var organisationId = item.Job.OrganisationId;
        var candidate = await db.ProjectCandidates.AsNoTracking().SingleOrDefaultAsync(c => c.Id == input.CandidateId && c.OrganisationId == organisationId, ct)
            ?? throw new JobFailedException(ErrorCodes.InternalError, "The candidate no longer exists.");
        var connection = await connections.GetHr4YouAsync(organisationId, ct)
            ?? throw new JobFailedException(ErrorCodes.AtsNotConnected, "The organisation's HR4YOU connection was removed before the candidate was imported.");
        var lastAttempt = item.Item.AttemptCount >= worker.Value.MaxAttempts;

        var applicant = await CallAsync(() => hr4you.GetApplicantAsync(connection, input.ApplicantId, ct), lastAttempt)
            ?? throw new JobFailedException(ErrorCodes.ApplicantNotFound, $"HR4YOU has no applicant {input.ApplicantId}.");
        var reference = CvDocumentPicker.Pick(applicant)
            ?? throw new JobFailedException(ErrorCodes.NoCvDocument, applicant.Documents.Count == 0
                ? $"HR4YOU applicant {input.ApplicantId} has no documents."
                : $"None of the {applicant.Documents.Count} documents of HR4YOU applicant {input.ApplicantId} is a PDF, DOCX or TXT CV.");
        var file = await CallAsync(() => hr4you.GetDocumentAsync(connection, input.ApplicantId, reference.Id, options.Value.MaxCvBytes, ct), lastAttempt)
            ?? throw new JobFailedException(ErrorCodes.NoCvDocument, $"HR4YOU has no document {reference.Id} of applicant {input.ApplicantId} (404).");

        var (type, sha) = Sniff(file.Content, reference);
        await StoreDocumentAsync(item, file, reference, type, sha, ct);
        var profile = await profiles.GetOrParseAsync(organisationId, file.Content, type, sha, ct);
        ApplyContactDetails(profile, applicant);

        var organisation = await db.Organisations.AsNoTracking().Where(o => o.Id == organisationId).Select(o => o.Slug).SingleAsync(ct);
        var named = await RenderAsync(new ProfilePdfRequest(profile, organisationId, organisation), lastAttempt, ct);
        var anonymised = await RenderAsync(new ProfilePdfRequest(profile, organisationId, organisation)
        {
            Anonymised = true,
            AnonymousLabel = $"Candidate {candidate.Seq + 1}",
        }, lastAttempt, ct);
        await StorePdfsAsync(candidate.Id, named, anonymised, ct);

        var name = Bound(profile.PersonalInfo.FullName, 300);
        var headline = Bound(profile.Experience.Select(e => e.Position).FirstOrDefault(p => !string.IsNullOrWhiteSpace(p)), 500);
        await db.ProjectCandidates.Where(c => c.Id == candidate.Id)
            .ExecuteUpdateAsync(s => s.SetProperty(c => c.Name, name).SetProperty(c => c.Headline, headline), ct);
        return new JobItemOutput<CvProfile>(profile);
    }

    /// <summary>The ATS is the record of contact details (recruiters correct them there): its e-mail and phone replace the
    /// CV's; its name fills in only when the CV gave none (the CV's spelling is the candidate's own).</summary>
    public static void ApplyContactDetails(CvProfile profile, Hr4YouApplicant applicant)
    {
        var info = profile.PersonalInfo;
        var atsName = string.Join(' ', new[] { applicant.FirstName, applicant.LastName }.Where(n => !string.IsNullOrWhiteSpace(n)).Select(n => n!.Trim()));
        if (string.IsNullOrWhiteSpace(info.FullName) && atsName.Length > 0)
        {
            info.FullName = atsName;
        }

        if (!string.IsNullOrWhiteSpace(applicant.Email))
        {
            info.Email = applicant.Email.Trim();
        }

        if (!string.IsNullOrWhiteSpace(applicant.Phone))
        {
            info.MobilePhone = applicant.Phone.Trim();
        }
    }

    /// <summary>A failed HR4YOU call as the candidate's outcome: unavailable is retried (thrown on) until the last attempt.</summary>
    private static async Task<T> CallAsync<T>(Func<Task<T>> call, bool lastAttempt)
    {
        try
        {
            return await call();
        }
        catch (Hr4YouException ex) when (ex.Failure != Hr4YouFailure.Unavailable || lastAttempt)
        {
            var code = ex.Failure switch
            {
                Hr4YouFailure.Unavailable => ErrorCodes.AtsUnavailable,
                Hr4YouFailure.Unauthorized => ErrorCodes.AtsUnauthorized,
                Hr4YouFailure.Truncated => ErrorCodes.CvDocumentTruncated,
                Hr4YouFailure.TooLarge => ErrorCodes.CvDocumentTooLarge,
                _ => ErrorCodes.AtsMalformedResponse,
            };
            var why = ex.Failure switch
            {
                Hr4YouFailure.Unavailable => "HR4YOU stayed unavailable over every attempt",
                Hr4YouFailure.Unauthorized => "HR4YOU refused the organisation's token; set a new one with `ats connect`",
                Hr4YouFailure.Truncated => "the CV download from HR4YOU was cut short",
                Hr4YouFailure.TooLarge => "the CV is larger than Ats:MaxCvMb",
                _ => "HR4YOU's answer could not be read",
            };
            throw new JobFailedException(code, $"{char.ToUpperInvariant(why[0])}{why[1..]} ({ex.Message}).", ex);
        }
    }

    /// <summary>The type from the bytes, as uploads do: HTML renamed .pdf is UNSUPPORTED_TYPE, whatever HR4YOU calls it.</summary>
    private static (DocumentType Type, string Sha256) Sniff(byte[] content, Hr4YouDocumentRef reference)
    {
        if (content.Length == 0)
        {
            throw new JobFailedException(ErrorCodes.EmptyDocument, $"The CV document {reference.Id} ({reference.FileName}) is empty (0 bytes).");
        }

        var type = DocumentTypeDetector.Detect(content);
        if (type is null)
        {
            var markup = DocumentTypeDetector.MarkupKind(content);
            throw new JobFailedException(ErrorCodes.UnsupportedType, markup is null
                ? $"The CV document {reference.Id} ({reference.FileName}) is not a supported document; accepted formats are {DocumentTypeDetector.AcceptedFormats}. The type is detected from the content, not the name."
                : $"The CV document {reference.Id} ({reference.FileName}) is {markup} markup, not a {DocumentTypeDetector.AcceptedFormats} document.");
        }

        if (type == DocumentType.Txt && !DocumentTypeDetector.HasReadableText(content, DocumentUploadReader.MinLetters))
        {
            throw new JobFailedException(ErrorCodes.EmptyDocument, $"The CV document {reference.Id} ({reference.FileName}) has no readable text.");
        }

        return (type.Value, Convert.ToHexStringLower(SHA256.HashData(content)));
    }

    /// <summary>Stores the CV once per organisation and content (reused when known) and links it to the item.</summary>
    private async Task StoreDocumentAsync(JobItemContext item, Hr4YouDocument file, Hr4YouDocumentRef reference, DocumentType type, string sha, CancellationToken ct)
    {
        var organisationId = item.Job.OrganisationId;
        var documentId = await db.Documents.AsNoTracking()
            .Where(d => d.OrganisationId == organisationId && d.Sha256 == sha && d.DetectedType == type)
            .Select(d => (Guid?)d.Id).FirstOrDefaultAsync(ct);
        if (documentId is null)
        {
            var now = clock.GetUtcNow();
            var name = Path.GetFileName(file.FileName ?? reference.FileName ?? "");
            var document = new StoredDocument
            {
                Id = Guid.CreateVersion7(now),
                OrganisationId = organisationId,
                FileName = name.Length == 0 ? $"{reference.Id}" : Bound(name, 255)!,
                DetectedType = type,
                SizeBytes = file.Content.LongLength,
                Sha256 = sha,
                Content = file.Content,
                CreatedAt = now,
            };
            db.Documents.Add(document);
            await db.SaveChangesAsync(ct);
            db.Entry(document).State = EntityState.Detached;
            documentId = document.Id;
        }

        await db.JobItems.Where(i => i.JobId == item.Job.Id && i.Seq == item.Item.Seq)
            .ExecuteUpdateAsync(s => s.SetProperty(i => i.DocumentId, documentId), ct);
    }

    private async Task<byte[]> RenderAsync(ProfilePdfRequest request, bool lastAttempt, CancellationToken ct)
    {
        try
        {
            return await renderer.RenderAsync(request, ct);
        }
        catch (ProfilePdfException ex) when (!ex.IsTransient || lastAttempt)
        {
            throw new JobFailedException(ErrorCodes.ProfilePdfFailed, $"The profile PDF could not be rendered ({ex.Message}).", ex);
        }
    }

    private async Task StorePdfsAsync(Guid candidateId, byte[] named, byte[] anonymised, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        await db.Database.ExecuteSqlAsync($"""
            INSERT INTO parsejobs.candidate_pdfs (candidate_id, anonymised, content, created_at)
            VALUES ({candidateId}, FALSE, {named}, {now}), ({candidateId}, TRUE, {anonymised}, {now})
            ON CONFLICT (candidate_id, anonymised) DO UPDATE SET content = excluded.content, created_at = excluded.created_at
            """, ct);
    }

    private static string? Bound(string? value, int max) =>
        string.IsNullOrWhiteSpace(value) ? null : value.Trim() is var trimmed && trimmed.Length > max ? trimmed[..max] : value.Trim();
}
