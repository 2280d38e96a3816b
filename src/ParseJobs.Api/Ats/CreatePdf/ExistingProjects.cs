using System.Security.Cryptography;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using ParseJobs.Api.Ats.Projects;
using ParseJobs.Api.Persistence;

namespace ParseJobs.Api.Ats.CreatePdf;

/// <summary>
/// Finds the project an ATS retry means: by <c>Idempotency-Key</c> (per organisation, for ever), else by the request's
/// fingerprint within <c>Ats:RetryWindowMinutes</c>; and reads its candidates with their current import status.
/// </summary>
public sealed class ExistingProjects(ParseJobsDbContext db, IOptions<AtsOptions> options, TimeProvider clock)
{
    /// <summary>SHA-256 (hex) of the ATS, the consultant, the sorted applicant set and the ATS job id.</summary>
    public static string Fingerprint(CreatePdfRequest request)
    {
        var applicants = request.ApplicantIds.Order(StringComparer.Ordinal);
        var text = string.Join('\n', [AtsSystems.Hr4You, request.UserId, request.ProjectId ?? "", .. applicants]);
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)));
    }

    public async Task<Project?> FindAsync(Guid organisationId, string? idempotencyKey, string fingerprint, CancellationToken ct)
    {
        var projects = db.Projects.AsNoTracking().Where(p => p.OrganisationId == organisationId);
        if (idempotencyKey is not null)
        {
            return await projects.SingleOrDefaultAsync(p => p.IdempotencyKey == idempotencyKey, ct);
        }

        var since = clock.GetUtcNow().AddMinutes(-options.Value.RetryWindowMinutes);
        return await projects.Where(p => p.RequestFingerprint == fingerprint && p.CreatedAt >= since)
            .OrderByDescending(p => p.CreatedAt).FirstOrDefaultAsync(ct);
    }

    /// <summary>The project's candidates in order, each with its import item's status.</summary>
    public async Task<IReadOnlyList<CreatePdfCandidate>> CandidatesAsync(Project project, CancellationToken ct)
    {
        var rows = await db.ProjectCandidates.AsNoTracking().Where(c => c.ProjectId == project.Id)
            .Join(db.JobItems.Where(i => i.JobId == project.JobId), c => c.Seq, i => i.Seq, (c, i) => new { c.Id, c.ApplicantId, c.Seq, i.Status })
            .OrderBy(r => r.Seq).ToListAsync(ct);
        return [.. rows.Select(r => new CreatePdfCandidate(r.Id, r.ApplicantId, CandidateStatuses.Wire(CandidateStatuses.From(r.Status))))];
    }
}
