using System.Text.Json;

namespace ParseJobs.Api.Ats.CreatePdf;

/// <summary>The answer to create-pdf (201 for a new project, 200 for an ATS retry of one), camelCase as the
/// HR4YOU contract shows it.</summary>
/// <param name="RedirectUrl">The project page, with a signed token that expires after <c>Ats:PageLinkHours</c>.</param>
/// <param name="ProjectId">The project; read it at <c>/v1/projects/{projectId}</c>.</param>
/// <param name="Candidates">One per applicant, in the request's order.</param>
public sealed record CreatePdfResponse(string RedirectUrl, Guid ProjectId, IReadOnlyList<CreatePdfCandidate> Candidates)
{
    /// <summary>This route's wire: camelCase, unlike the snake_case of the other /v1 routes, because the ATS defines it.</summary>
    public static JsonSerializerOptions Json { get; } = new(JsonSerializerDefaults.Web);
}

/// <param name="CandidateId">The candidate in ParseJobs.</param>
/// <param name="ApplicantId">The HR4YOU applicant id it was made for.</param>
/// <param name="Status">pending, importing, ready or failed.</param>
public sealed record CreatePdfCandidate(Guid CandidateId, string ApplicantId, string Status);
