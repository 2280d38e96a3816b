using ParseJobs.Extraction.Cv;

namespace ParseJobs.Api.Ats.Pdf;

/// <summary>What the profile PDF shows besides the profile: the agency's branding, and for an anonymised variant the
/// label that replaces the name ("Candidate 3").</summary>
public sealed record ProfilePdfRequest(CvProfile Profile, Guid OrganisationId, string OrganisationName)
{
    /// <summary>No name, contact block, birth date or links; <see cref="AnonymousLabel"/> instead of the name.</summary>
    public bool Anonymised { get; init; }

    public string AnonymousLabel { get; init; } = "Candidate";

    /// <summary>The organisation's slug, to find its branding override (<c>Ats:Pdf:Organisations</c>) by slug as well as by id.</summary>
    public string? OrganisationSlug { get; init; }
}

/// <summary>Renders a candidate's profile as an A4 PDF.</summary>
public interface IProfilePdfRenderer
{
    /// <summary>The PDF's bytes. Throws <see cref="ProfilePdfException"/> when rendering failed or passed its time limit.</summary>
    Task<byte[]> RenderAsync(ProfilePdfRequest request, CancellationToken ct);
}

/// <summary>A render that failed: <see cref="IsTransient"/> when another attempt may succeed (a browser that died or timed out).</summary>
public sealed class ProfilePdfException(string message, bool isTransient, Exception? inner = null) : Exception(message, inner)
{
    public bool IsTransient { get; } = isTransient;
}
