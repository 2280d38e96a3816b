using System.Text.Json;
using Microsoft.Extensions.Options;
using ParseJobs.Api.Ats.Projects;
using ParseJobs.Api.Ats.Projects.ReadModel;
using ParseJobs.Api.Auth;

namespace ParseJobs.Api.Ats.Page;

/// <summary>
/// The project page at the create-pdf answer's <c>redirectUrl</c> (<c>/p/{projectId}/?t=TOKEN</c>), its status JSON
/// (polled by the page while imports run) and its downloads. No login: the signed, expiring token
/// (<see cref="ProjectPageToken"/>) is the only credential, and it grants exactly one project of one organisation.
/// A link that opens nothing gets a page that says why (403 not valid or another project, 410 expired, 404 gone),
/// never a 500. Request logging logs the path only, never the query, so the token stays out of the logs.
/// </summary>
public static class ProjectPageEndpoints
{
    // The page's own script reads it: camelCase, like the ATS contract.
    private static readonly JsonSerializerOptions StatusJson = new(JsonSerializerDefaults.Web);

    private const string LogCategory = "ParseJobs.Api.Ats.Page.ProjectPage";

    public static IEndpointRouteBuilder MapProjectPage(this IEndpointRouteBuilder app)
    {
        // Not an API (no OpenAPI entry); the id is a string so that a mangled link gets the page's 404, not a bare one.
        var page = app.MapGroup("/p/{projectId}").AllowAnonymous().ExcludeFromDescription();
        page.MapGet("/", GetPage);
        page.MapGet("/status", GetStatus);
        page.MapGet("/candidates/{candidateId}/pdf", GetPdf);
        page.MapGet("/pdfs.zip", GetZip);
        return app;
    }

    private static async Task<IResult> GetPage(
        string projectId, string? t, HttpRequest request, ProjectPageToken tokens, ProjectReader reader, ILoggerFactory logger,
        IOptions<ProjectPageOptions> options, CancellationToken ct)
    {
        if (Authorise(projectId, t, tokens) is not { Grant: { } grant } access)
        {
            return Refused(projectId, t, tokens, logger.CreateLogger(LogCategory));
        }

        var tenant = new Tenant(grant.OrganisationId);
        var project = await reader.GetProjectAsync(tenant, grant.ProjectId, ct);
        var candidates = project is null ? null : await reader.GetCandidatesAsync(tenant, grant.ProjectId, withProfiles: true, ct);
        if (project is null || candidates is null)
        {
            return ProjectGone();
        }

        var model = new ProjectPageModel(project, candidates, ProjectPageLinks.For(request, grant.ProjectId, access.Token),
            options.Value.PollIntervalSeconds * 1000, grant.Expires);
        return new ProjectPageHtmlResult(ProjectPageHtml.Render(model), StatusCodes.Status200OK);
    }

    private static async Task<IResult> GetStatus(string projectId, string? t, ProjectPageToken tokens, ProjectReader reader, ILoggerFactory logger, CancellationToken ct)
    {
        if (Authorise(projectId, t, tokens) is not { Grant: { } grant })
        {
            return Refused(projectId, t, tokens, logger.CreateLogger(LogCategory));
        }

        var candidates = await reader.GetCandidatesAsync(new Tenant(grant.OrganisationId), grant.ProjectId, withProfiles: true, ct);
        return candidates is null
            ? ProjectGone()
            : new WithPageHeadersResult(TypedResults.Json(PageStatusResponse.From(candidates), StatusJson));
    }

    private static async Task<IResult> GetPdf(
        string projectId, string candidateId, string? t, string? anonymised, ProjectPageToken tokens, ProjectReader reader, ILoggerFactory logger, CancellationToken ct)
    {
        if (Authorise(projectId, t, tokens) is not { Grant: { } grant })
        {
            return Refused(projectId, t, tokens, logger.CreateLogger(LogCategory));
        }

        var lookup = Guid.TryParse(candidateId, out var id)
            ? await reader.GetPdfAsync(new Tenant(grant.OrganisationId), id, IsTrue(anonymised), grant.ProjectId, ct)
            : new PdfLookup.NoCandidate();
        return lookup switch
        {
            PdfLookup.Found found => new WithPageHeadersResult(TypedResults.File(found.File.Content, "application/pdf", found.File.FileName)),
            PdfLookup.NotReady { Candidate: var candidate } => ProjectPageHtmlResult.Refusal(StatusCodes.Status409Conflict, "Profile not ready",
                candidate.Status == CandidateStatus.Failed
                    ? $"This candidate's import failed ({candidate.Reason ?? "no reason was recorded"}), so there is no profile PDF."
                    : $"This candidate is still {CandidateStatuses.Wire(candidate.Status)}. Go back to the project page: the PDF buttons appear once the profile is ready."),
            PdfLookup.NoPdf => ProjectPageHtmlResult.Refusal(StatusCodes.Status404NotFound, "Profile PDF missing",
                "This candidate is imported, but no PDF of this kind was stored. Ask your ATS to create the profiles again."),
            _ => ProjectPageHtmlResult.Refusal(StatusCodes.Status404NotFound, "Candidate not found",
                "This project has no such candidate. Go back to the project page and use its buttons."),
        };
    }

    private static async Task<IResult> GetZip(
        string projectId, string? t, string? anonymised, ProjectPageToken tokens, ProjectReader reader, ILoggerFactory logger,
        IOptions<ProjectPageOptions> options, CancellationToken ct)
    {
        if (Authorise(projectId, t, tokens) is not { Grant: { } grant })
        {
            return Refused(projectId, t, tokens, logger.CreateLogger(LogCategory));
        }

        var tenant = new Tenant(grant.OrganisationId);
        var project = await reader.GetProjectAsync(tenant, grant.ProjectId, ct);
        if (project is null)
        {
            return ProjectGone();
        }

        if (project.Counts.Ready == 0)
        {
            return ProjectPageHtmlResult.Refusal(StatusCodes.Status409Conflict, "No profile ready yet",
                "No candidate of this project is ready yet. Go back to the project page: the ZIP button appears once the first profile is ready.");
        }

        var anonymous = IsTrue(anonymised);
        return new ProjectZipResult(reader, tenant, grant.ProjectId, ProfileFileNames.ForZip(project.Name, anonymous), anonymous, options.Value.MaxZipEntries);
    }

    /// <summary>The grant of a valid token for exactly this project, with the token to put into the page's links.</summary>
    private static PageAccess? Authorise(string projectId, string? token, ProjectPageToken tokens) =>
        Guid.TryParse(projectId, out var id) && tokens.Read(token) is { } grant && grant.ProjectId == id
            ? new PageAccess(grant, token!)
            : null;

    private static ProjectPageHtmlResult Refused(string projectId, string? token, ProjectPageToken tokens, ILogger logger)
    {
        var refusal = Refusal(projectId, token, tokens);
        // The project and why, for support ("my link does not work"); never the token, which is a credential.
        logger.LogInformation("Project page link refused for project {ProjectId}: {Status} {Reason}", projectId, refusal.StatusCode, refusal.Title);
        return refusal;
    }

    private static ProjectPageHtmlResult Refusal(string projectId, string? token, ProjectPageToken tokens)
    {
        if (!Guid.TryParse(projectId, out var id))
        {
            return ProjectPageHtmlResult.Refusal(StatusCodes.Status404NotFound, "Page not found",
                "This address does not lead to a project. Open the project from your ATS again.");
        }

        if (string.IsNullOrEmpty(token))
        {
            return ProjectPageHtmlResult.Refusal(StatusCodes.Status403Forbidden, "Link incomplete",
                "This link has no access code. Open the project from your ATS, or ask your ATS for a new link.");
        }

        var check = tokens.Check(token);
        return check switch
        {
            { State: PageTokenState.Expired, Expires: { } expired } => ProjectPageHtmlResult.Refusal(StatusCodes.Status410Gone, "Link expired",
                $"This link expired on {expired.UtcDateTime.ToString("d MMM yyyy, HH:mm 'UTC'", System.Globalization.CultureInfo.InvariantCulture)}. Ask your ATS for a new link."),
            { State: PageTokenState.Valid, Grant: { } grant } when grant.ProjectId != id => ProjectPageHtmlResult.Refusal(StatusCodes.Status403Forbidden,
                "Link for another project", "This link opens a different project. Ask your ATS for a new link to this one."),
            _ => ProjectPageHtmlResult.Refusal(StatusCodes.Status403Forbidden, "Link not valid",
                "This link is not valid: it may have been changed or cut short. Ask your ATS for a new link."),
        };
    }

    // The project was deleted (retention, erasure) while its link was still valid.
    private static ProjectPageHtmlResult ProjectGone() => ProjectPageHtmlResult.Refusal(StatusCodes.Status404NotFound, "Project not found",
        "This project no longer exists; it may have been deleted after its retention period.");

    private static bool IsTrue(string? flag) =>
        string.Equals(flag, "true", StringComparison.OrdinalIgnoreCase) || string.Equals(flag, "1", StringComparison.Ordinal);

    private sealed record PageAccess(PageGrant Grant, string Token);
}

/// <summary>What the page's script polls: every candidate's status and summary, the counts, and whether all ended.</summary>
public sealed record PageStatusResponse(bool Done, CandidateCountsResponse Counts, IReadOnlyList<PageCandidateStatus> Candidates)
{
    public static PageStatusResponse From(IReadOnlyList<CandidateView> candidates)
    {
        var counts = CandidateCounts.Of(candidates.Select(c => c.Status));
        return new PageStatusResponse(counts.AllEnded, CandidateCountsResponse.From(counts), candidates.Select(PageCandidateStatus.From).ToList());
    }
}

public sealed record PageCandidateStatus(
    Guid CandidateId, string Status, string? Reason, string? Name, string? Headline,
    string? LatestPosition, IReadOnlyList<string> Skills, IReadOnlyList<string> Languages)
{
    public static PageCandidateStatus From(CandidateView candidate)
    {
        var summary = candidate.IsReady ? ProfileSummary.From(candidate.Headline, candidate.ProfileJson) : ProfileSummary.Empty with { Headline = candidate.Headline };
        return new PageCandidateStatus(candidate.Id, CandidateStatuses.Wire(candidate.Status), candidate.Reason, candidate.Name, summary.Headline,
            summary.LatestPosition, summary.TopSkills, summary.Languages);
    }
}
