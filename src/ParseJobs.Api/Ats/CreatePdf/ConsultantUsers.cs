using Microsoft.EntityFrameworkCore;
using ParseJobs.Api.Ats.Hr4You;
using ParseJobs.Api.Ats.Projects;
using ParseJobs.Api.Persistence;

namespace ParseJobs.Api.Ats.CreatePdf;

/// <summary>
/// The organisation's user for an HR4YOU consultant, found by normalised e-mail or provisioned (name from HR4YOU).
/// The insert is <c>ON CONFLICT DO NOTHING</c> on the (organisation, e-mail) index and then read, so two requests
/// provisioning the same consultant at once both end with the one row instead of a unique violation.
/// </summary>
public sealed class ConsultantUsers(ParseJobsDbContext db, TimeProvider clock)
{
    public const int MaxEmailLength = 320;

    /// <summary>The user's id; throws <see cref="Hr4YouException"/> (malformed) when HR4YOU gave no usable e-mail.</summary>
    public async Task<Guid> FindOrProvisionAsync(Guid organisationId, Hr4YouConsultant consultant, CancellationToken ct)
    {
        var email = OrganisationUser.NormaliseEmail(consultant.Email ?? "");
        if (email.Length is 0 or > MaxEmailLength || !email.Contains('@', StringComparison.Ordinal) || email.Any(char.IsControl))
        {
            throw new Hr4YouException(Hr4YouFailure.Malformed, $"GET /consultants/{consultant.Id}: the consultant has no usable e-mail address.");
        }

        var name = string.Join(' ', new[] { consultant.FirstName, consultant.LastName }.Where(n => !string.IsNullOrWhiteSpace(n)).Select(n => n!.Trim()));
        var displayName = name.Length == 0 ? null : name.Length > 300 ? name[..300] : name;
        var externalId = consultant.Id.Length > 128 ? consultant.Id[..128] : consultant.Id;
        var now = clock.GetUtcNow();
        await db.Database.ExecuteSqlAsync($"""
            INSERT INTO parsejobs.users (id, organisation_id, email, display_name, provisioned_from, external_id, created_at)
            VALUES ({Guid.CreateVersion7(now)}, {organisationId}, {email}, {displayName}, {AtsSystems.Hr4You}, {externalId}, {now})
            ON CONFLICT (organisation_id, email) DO NOTHING
            """, ct);
        return await db.Users.AsNoTracking().Where(u => u.OrganisationId == organisationId && u.Email == email).Select(u => u.Id).SingleAsync(ct);
    }
}
