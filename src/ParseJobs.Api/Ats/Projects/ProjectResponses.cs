using System.Text.Json.Serialization;
using ParseJobs.Api.Ats.Projects.ReadModel;

namespace ParseJobs.Api.Ats.Projects;

// The projects API speaks the ATS contract's camelCase (like POST /v1/ats/create-pdf), not the snake_case of the other
// /v1 routes: names are explicit so that the wire's naming policy leaves them alone, on the wire and in the OpenAPI
// document alike. The embedded profile stays as stored (the CV profile's own snake_case contract).

/// <summary>A project: its name, owner (the consultant), job post, import counts and links.</summary>
public sealed record ProjectResponse(
    [property: JsonPropertyName("id")] Guid Id,
    [property: JsonPropertyName("name")] string Name,
    [property: JsonPropertyName("owner")] ProjectOwnerResponse Owner,
    [property: JsonPropertyName("jobPost")] JobPostResponse? JobPost,
    [property: JsonPropertyName("createdAt")] DateTimeOffset CreatedAt,
    [property: JsonPropertyName("counts")] CandidateCountsResponse Counts,
    [property: JsonPropertyName("importJobId")] Guid ImportJobId,
    [property: JsonPropertyName("links")] ProjectLinks Links)
{
    public static ProjectResponse From(ProjectView project) => new(
        project.Id, project.Name, new ProjectOwnerResponse(project.Owner.Id, project.Owner.Email, project.Owner.Name),
        project.JobPost is { } post ? new JobPostResponse(post.Id, post.Title, post.Description) : null,
        project.CreatedAt, CandidateCountsResponse.From(project.Counts), project.ImportJobId,
        new ProjectLinks(ProjectLinks.Project(project.Id), ProjectLinks.CandidatesOf(project.Id), $"/v1/jobs/{project.ImportJobId}"));
}

/// <summary>The consultant who owns the project.</summary>
public sealed record ProjectOwnerResponse(
    [property: JsonPropertyName("id")] Guid Id,
    [property: JsonPropertyName("email")] string Email,
    [property: JsonPropertyName("name")] string? Name);

/// <summary>The ATS job the project is for.</summary>
public sealed record JobPostResponse(
    [property: JsonPropertyName("id")] string Id,
    [property: JsonPropertyName("title")] string? Title,
    [property: JsonPropertyName("description")] string? Description);

/// <summary>Candidates by import status (pending → importing → ready | failed).</summary>
public sealed record CandidateCountsResponse(
    [property: JsonPropertyName("pending")] int Pending,
    [property: JsonPropertyName("importing")] int Importing,
    [property: JsonPropertyName("ready")] int Ready,
    [property: JsonPropertyName("failed")] int Failed,
    [property: JsonPropertyName("total")] int Total)
{
    public static CandidateCountsResponse From(CandidateCounts counts) =>
        new(counts.Pending, counts.Importing, counts.Ready, counts.Failed, counts.Total);
}

public sealed record ProjectLinks(
    [property: JsonPropertyName("self")] string Self,
    [property: JsonPropertyName("candidates")] string Candidates,
    [property: JsonPropertyName("importJob")] string ImportJob)
{
    public static string Project(Guid id) => $"/v1/projects/{id}";

    public static string CandidatesOf(Guid id) => $"/v1/projects/{id}/candidates";
}

/// <summary>A project's candidates in their order, with the counts by status.</summary>
public sealed record CandidateListResponse(
    [property: JsonPropertyName("projectId")] Guid ProjectId,
    [property: JsonPropertyName("counts")] CandidateCountsResponse Counts,
    [property: JsonPropertyName("candidates")] IReadOnlyList<CandidateResponse> Candidates);

/// <summary>
/// A candidate: its ATS applicant, import status (<c>pending</c>, <c>importing</c>, <c>ready</c>, <c>failed</c>) and
/// the reason of a failure; name and headline once imported; <c>profile</c> (the parsed CV profile, as
/// <c>POST /v1/parse</c> returns it) only on <c>GET /v1/candidates/{id}</c> of a ready candidate.
/// </summary>
public sealed record CandidateResponse(
    [property: JsonPropertyName("candidateId")] Guid CandidateId,
    [property: JsonPropertyName("projectId")] Guid ProjectId,
    [property: JsonPropertyName("applicantId")] string ApplicantId,
    [property: JsonPropertyName("status")] string Status,
    [property: JsonPropertyName("reason")] string? Reason,
    [property: JsonPropertyName("name")] string? Name,
    [property: JsonPropertyName("headline")] string? Headline,
    [property: JsonPropertyName("links")] CandidateLinks Links,
    [property: JsonPropertyName("profile"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] object? Profile = null)
{
    public static CandidateResponse From(CandidateView candidate, bool withProfile = false) => new(
        candidate.Id, candidate.ProjectId, candidate.ApplicantId, CandidateStatuses.Wire(candidate.Status), candidate.Reason,
        candidate.Name, candidate.Headline, CandidateLinks.For(candidate),
        // As stored, not re-serialised; null (and so absent) until the import is ready.
        withProfile && candidate.ProfileJson is { } json ? new Jobs.StoredJson(json) : null);
}

/// <summary>The candidate itself and, once it is ready, its profile PDFs (named and anonymised).</summary>
public sealed record CandidateLinks(
    [property: JsonPropertyName("self")] string Self,
    [property: JsonPropertyName("project")] string Project,
    [property: JsonPropertyName("pdf")] string? Pdf,
    [property: JsonPropertyName("pdfAnonymised")] string? PdfAnonymised)
{
    public static CandidateLinks For(CandidateView candidate)
    {
        var self = $"/v1/candidates/{candidate.Id}";
        return new CandidateLinks(self, ProjectLinks.Project(candidate.ProjectId),
            candidate.IsReady ? $"{self}/pdf" : null, candidate.IsReady ? $"{self}/pdf?anonymised=true" : null);
    }
}
