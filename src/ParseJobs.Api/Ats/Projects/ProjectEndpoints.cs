using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using ParseJobs.Api.Ats.Projects.ReadModel;
using ParseJobs.Api.Auth;
using ParseJobs.Api.Hosting;

namespace ParseJobs.Api.Ats.Projects;

/// <summary>Reading projects made by ATS create-pdf requests: a key with <c>projects:read</c>, or the ATS's shared
/// secret (<c>ats:create-pdf</c>, also as <c>X-Shared-Secret</c>), which polls the projects it made.</summary>
public static class ProjectEndpoints
{
    public static IEndpointRouteBuilder MapProjects(this IEndpointRouteBuilder app)
    {
        var projects = app.MapGroup("/v1/projects").WithTags("Projects").RequireAuthorization(AuthSetup.ProjectsReadPolicy)
            .WithErrorShape(ErrorShape.ProblemDetails);
        projects.MapGet("/{id:guid}", GetProject).WithName("GetProject")
            .WithSummary("A project: name, owner, job post, candidates by import status")
            .ProducesProblems(StatusCodes.Status404NotFound);
        projects.MapGet("/{id:guid}/candidates", ListCandidates).WithName("ListProjectCandidates")
            .WithSummary("A project's candidates with their import status, reason, name, headline and PDF links")
            .ProducesProblems(StatusCodes.Status404NotFound);

        var candidates = app.MapGroup("/v1/candidates").WithTags("Projects").RequireAuthorization(AuthSetup.ProjectsReadPolicy)
            .WithErrorShape(ErrorShape.ProblemDetails);
        candidates.MapGet("/{id:guid}", GetCandidate).WithName("GetCandidate")
            .WithSummary("A candidate with its parsed CV profile once ready")
            .ProducesProblems(StatusCodes.Status404NotFound);
        candidates.MapGet("/{id:guid}/pdf", GetPdf).WithName("GetCandidatePdf")
            .WithSummary("The candidate's profile PDF (anonymised=true: no name, contact block or birth date)")
            .Produces(StatusCodes.Status200OK, contentType: "application/pdf")
            .ProducesProblems(StatusCodes.Status404NotFound, StatusCodes.Status409Conflict);
        return app;
    }

    private static async Task<Results<Ok<ProjectResponse>, ProblemHttpResult>> GetProject(
        Guid id, Tenant tenant, ProjectReader reader, CancellationToken ct) =>
        await reader.GetProjectAsync(tenant, id, ct) is { } project
            ? TypedResults.Ok(ProjectResponse.From(project))
            : ProjectProblems.ProjectNotFound(id);

    private static async Task<Results<Ok<CandidateListResponse>, ProblemHttpResult>> ListCandidates(
        Guid id, Tenant tenant, ProjectReader reader, CancellationToken ct)
    {
        var candidates = await reader.GetCandidatesAsync(tenant, id, withProfiles: false, ct);
        return candidates is null
            ? ProjectProblems.ProjectNotFound(id)
            : TypedResults.Ok(new CandidateListResponse(id, CandidateCountsResponse.From(CandidateCounts.Of(candidates.Select(c => c.Status))),
                candidates.Select(c => CandidateResponse.From(c)).ToList()));
    }

    private static async Task<Results<Ok<CandidateResponse>, ProblemHttpResult>> GetCandidate(
        Guid id, Tenant tenant, ProjectReader reader, CancellationToken ct) =>
        await reader.GetCandidateAsync(tenant, id, ct) is { } candidate
            ? TypedResults.Ok(CandidateResponse.From(candidate, withProfile: true))
            : ProjectProblems.CandidateNotFound(id);

    /// <param name="id">The candidate.</param>
    /// <param name="anonymised">true: the anonymised variant ("Candidate 3", no contact block), for first submissions.</param>
    private static async Task<Results<FileContentHttpResult, ProblemHttpResult>> GetPdf(
        Guid id, Tenant tenant, ProjectReader reader, CancellationToken ct, bool? anonymised = null) =>
        await reader.GetPdfAsync(tenant, id, anonymised ?? false, projectId: null, ct) switch
        {
            PdfLookup.Found found => TypedResults.File(found.File.Content, "application/pdf", found.File.FileName),
            PdfLookup.NotReady notReady => ProjectProblems.PdfNotReady(notReady.Candidate),
            PdfLookup.NoPdf noPdf => ProjectProblems.NoPdf(noPdf.Candidate, anonymised ?? false),
            _ => ProjectProblems.CandidateNotFound(id),
        };
}

/// <summary>The problems of the projects API, with details that say what is true and what to do.</summary>
public static class ProjectProblems
{
    /// <summary>The same answer for an unknown id and another organisation's project.</summary>
    public static ProblemHttpResult ProjectNotFound(Guid id) =>
        Problem(StatusCodes.Status404NotFound, "Project not found", $"No project {id} exists for this API key's organisation.", "PROJECT_NOT_FOUND");

    public static ProblemHttpResult CandidateNotFound(Guid id) =>
        Problem(StatusCodes.Status404NotFound, "Candidate not found", $"No candidate {id} exists for this API key's organisation.", "CANDIDATE_NOT_FOUND");

    /// <summary>409: the candidate is there, its PDF is not (yet): pending or importing, or failed with its reason.</summary>
    public static ProblemHttpResult PdfNotReady(CandidateView candidate)
    {
        var status = CandidateStatuses.Wire(candidate.Status);
        var detail = candidate.Status == CandidateStatus.Failed
            ? $"Candidate {candidate.Id} failed to import ({candidate.Reason ?? "no reason recorded"}); it has no profile PDF."
            : $"Candidate {candidate.Id} is {status}; its profile PDF is there once it is ready. Poll /v1/candidates/{candidate.Id}.";
        var problem = Problem(StatusCodes.Status409Conflict, "Candidate not ready", detail, "CANDIDATE_NOT_READY");
        problem.ProblemDetails.Extensions["candidate_status"] = status;
        return problem;
    }

    public static ProblemHttpResult NoPdf(CandidateView candidate, bool anonymised) =>
        Problem(StatusCodes.Status404NotFound, "PDF not found",
            $"Candidate {candidate.Id} is ready but has no {(anonymised ? "anonymised " : "")}profile PDF stored.", "PDF_NOT_FOUND");

    private static ProblemHttpResult Problem(int status, string title, string detail, string code) =>
        WireProblemWriter.Coded(status, title, detail, code);
}
