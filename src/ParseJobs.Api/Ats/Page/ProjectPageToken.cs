using System.Globalization;
using System.Security.Cryptography;
using Microsoft.AspNetCore.DataProtection;

namespace ParseJobs.Api.Ats.Page;

/// <summary>
/// The signed, expiring token of a project page link (<c>/p/{projectId}/?t=…</c>): organisation and project,
/// protected with Data Protection's time-limited protector under a purpose of its own, so the consultant needs no
/// login and nothing else protected with the key ring reads as a page token. A tampered, foreign or expired token
/// reads as null.
/// </summary>
public sealed class ProjectPageToken(IDataProtectionProvider provider, TimeProvider clock)
{
    public const string Purpose = "ParseJobs.Ats.ProjectPage.v1";

    private readonly ITimeLimitedDataProtector _protector = provider.CreateProtector(Purpose).ToTimeLimitedDataProtector();

    public string Create(Guid organisationId, Guid projectId, TimeSpan lifetime) =>
        _protector.Protect($"{organisationId:N}.{projectId:N}", clock.GetUtcNow().Add(lifetime));

    /// <summary>The token's organisation and project, or null when it is not a valid, unexpired page token.</summary>
    public PageGrant? Read(string? token)
    {
        if (string.IsNullOrEmpty(token) || token.Length > 4096)
        {
            return null;
        }

        try
        {
            var payload = _protector.Unprotect(token, out var expires);
            if (expires < clock.GetUtcNow())
            {
                return null;
            }

            var parts = payload.Split('.');
            return parts.Length == 2
                   && Guid.TryParseExact(parts[0], "N", out var organisationId)
                   && Guid.TryParseExact(parts[1], "N", out var projectId)
                ? new PageGrant(organisationId, projectId, expires)
                : null;
        }
        catch (CryptographicException)
        {
            return null; // tampered, foreign, or expired (the protector checks the expiry too)
        }
        catch (FormatException)
        {
            return null;
        }
    }
}

/// <summary>What a valid page token grants: one project of one organisation, until <see cref="Expires"/>.</summary>
public sealed record PageGrant(Guid OrganisationId, Guid ProjectId, DateTimeOffset Expires)
{
    public override string ToString() => $"project {ProjectId:D} until {Expires.ToString("u", CultureInfo.InvariantCulture)}";
}
