using System.Buffers.Binary;
using System.Globalization;
using System.Security.Cryptography;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.WebUtilities;

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

    // The sub-purpose under which the time-limited protector protects "expiry (8 bytes, big-endian UTC ticks) + payload".
    // That format is persisted in every token ever issued, so it does not change between framework versions; a test
    // (an expired token reads as expired, not as forged) would tell if it did.
    private const string TimeLimitedPurpose = "Microsoft.AspNetCore.DataProtection.TimeLimitedDataProtector.v1";

    private readonly ITimeLimitedDataProtector _protector = provider.CreateProtector(Purpose).ToTimeLimitedDataProtector();
    private readonly IDataProtector _withoutExpiryCheck = provider.CreateProtector(Purpose).CreateProtector(TimeLimitedPurpose);

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

    /// <summary>What the token is: a grant, an authentic token past its expiry (the page asks for a new link), or
    /// nothing valid (tampered, foreign, garbage). The time-limited protector reports the last two alike.</summary>
    public PageTokenCheck Check(string? token)
    {
        if (Read(token) is { } grant)
        {
            return new PageTokenCheck(PageTokenState.Valid, grant, grant.Expires);
        }

        return ExpiredAt(token) is { } expired
            ? new PageTokenCheck(PageTokenState.Expired, null, expired)
            : new PageTokenCheck(PageTokenState.Invalid, null, null);
    }

    // Null unless the token was issued with this key ring and purpose: only then can an expiry be read from it.
    private DateTimeOffset? ExpiredAt(string? token)
    {
        if (string.IsNullOrEmpty(token) || token.Length > 4096)
        {
            return null;
        }

        try
        {
            var inner = _withoutExpiryCheck.Unprotect(WebEncoders.Base64UrlDecode(token));
            if (inner.Length < sizeof(ulong))
            {
                return null;
            }

            var ticks = BinaryPrimitives.ReadUInt64BigEndian(inner);
            return ticks <= (ulong)DateTimeOffset.MaxValue.UtcTicks ? new DateTimeOffset((long)ticks, TimeSpan.Zero) : null;
        }
        catch (CryptographicException)
        {
            return null;
        }
        catch (FormatException)
        {
            return null;
        }
    }
}

public enum PageTokenState
{
    Valid,
    Expired,
    Invalid,
}

/// <summary>The outcome of reading a page token: its <see cref="Grant"/> when valid, when it expired otherwise.</summary>
public sealed record PageTokenCheck(PageTokenState State, PageGrant? Grant, DateTimeOffset? Expires);

/// <summary>What a valid page token grants: one project of one organisation, until <see cref="Expires"/>.</summary>
public sealed record PageGrant(Guid OrganisationId, Guid ProjectId, DateTimeOffset Expires)
{
    public override string ToString() => $"project {ProjectId:D} until {Expires.ToString("u", CultureInfo.InvariantCulture)}";
}
