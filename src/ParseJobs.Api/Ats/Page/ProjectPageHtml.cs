using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Unicode;
using ParseJobs.Api.Ats.Projects;
using ParseJobs.Api.Ats.Projects.ReadModel;

namespace ParseJobs.Api.Ats.Page;

/// <summary>What the page shows: the project, its candidates with their summaries, and the links (token included).</summary>
public sealed record ProjectPageModel(ProjectView Project, IReadOnlyList<CandidateView> Candidates, ProjectPageLinks Links, int PollMilliseconds, DateTimeOffset LinkExpires);

/// <summary>
/// The project page: the project's name and job post, each candidate with its live import status and, once ready,
/// a profile summary and its two PDFs; the ZIPs of all ready PDFs. Every text from the ATS or a CV (names,
/// headlines, skills, the job post, failure reasons) goes through <see cref="Text"/>, which HTML-encodes it; the
/// script (<see cref="ProjectPageAssets.Script"/>) writes updates with <c>textContent</c> only.
/// </summary>
public static class ProjectPageHtml
{
    // Encodes markup characters (&lt; &gt; &amp; quotes) and keeps letters of every script readable in the source.
    private static readonly HtmlEncoder Encoder = HtmlEncoder.Create(UnicodeRanges.All);

    public static string Render(ProjectPageModel model)
    {
        var project = model.Project;
        var counts = CandidateCounts.Of(model.Candidates.Select(c => c.Status));
        var html = new StringBuilder(16 * 1024);
        Head(html, project.Name);
        html.Append("<body><div id=\"project\" data-status-url=\"");
        Text(html, model.Links.Status);
        html.Append("\" data-poll-ms=\"").Append(model.PollMilliseconds.ToString(CultureInfo.InvariantCulture))
            .Append("\" data-live=\"").Append(counts.AllEnded ? "done" : "polling").Append("\">");

        html.Append("<div class=\"topbar\"><div class=\"wrap\"><div class=\"brand\">ParseJobs <span>· candidate profiles</span></div>")
            .Append("<div class=\"live\">Updating live</div></div></div><main class=\"wrap\">");

        html.Append("<header class=\"project\"><h1>");
        Text(html, project.Name);
        html.Append("</h1><p class=\"meta\">");
        if (project.JobPost?.Title is { Length: > 0 } title)
        {
            html.Append("For <strong>");
            Text(html, title);
            html.Append("</strong> · ");
        }

        html.Append("Consultant <strong>");
        Text(html, project.Owner.Name ?? project.Owner.Email);
        html.Append("</strong> · created ");
        Text(html, Date(project.CreatedAt));
        html.Append("</p><p id=\"notice\" class=\"notice\" role=\"status\" hidden></p></header>");

        Overview(html, model, counts);
        JobPost(html, project.JobPost);
        Candidates(html, model);

        html.Append("<footer>This link opens the project without a login until ");
        Text(html, Timestamp(model.LinkExpires));
        html.Append(". Share the PDFs, not the link.</footer></main></div><script>").Append(ProjectPageAssets.Script)
            .Append("</script></body></html>\n");
        return html.ToString();
    }

    /// <summary>The page of a link that opens nothing (tampered, expired, another project): a clear message, no data.</summary>
    public static string Error(string title, string message, int status)
    {
        var html = new StringBuilder(4096);
        Head(html, title);
        html.Append("<body><main class=\"error-page\"><h1>");
        Text(html, title);
        html.Append("</h1><p>");
        Text(html, message);
        html.Append("</p><p class=\"code\">HTTP ").Append(status.ToString(CultureInfo.InvariantCulture)).Append("</p></main></body></html>\n");
        return html.ToString();
    }

    private static void Head(StringBuilder html, string title)
    {
        html.Append("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">")
            .Append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"><meta name=\"robots\" content=\"noindex, nofollow\">")
            .Append("<meta name=\"referrer\" content=\"no-referrer\"><title>");
        Text(html, title);
        html.Append(" – ParseJobs</title><style>").Append(ProjectPageAssets.Css).Append("</style></head>");
    }

    private static void Overview(StringBuilder html, ProjectPageModel model, CandidateCounts counts)
    {
        var ended = counts.Ready + counts.Failed;
        var percent = counts.Total == 0 ? 100 : (int)Math.Round(100.0 * ended / counts.Total, MidpointRounding.AwayFromZero);
        html.Append("<section class=\"overview\" aria-label=\"Import progress\"><div class=\"progress-block\"><p class=\"progress-text\"><strong><span data-count=\"ended\">")
            .Append(Count(ended)).Append("</span> of <span data-count=\"total\">").Append(Count(counts.Total))
            .Append("</span></strong> candidates imported</p><div class=\"progress\"><span class=\"fill ")
            .Append(ProjectPageAssets.WidthClass(percent)).Append("\"></span></div><ul class=\"chips\">");
        Chip(html, "ready", "ready", counts.Ready);
        Chip(html, "importing", "importing", counts.Importing);
        Chip(html, "pending", "waiting", counts.Pending);
        Chip(html, "failed", "failed", counts.Failed);
        html.Append("</ul></div><div class=\"downloads\"").Append(counts.Ready > 0 ? "" : " hidden").Append('>');
        Link(html, model.Links.Zip(anonymised: false), "button", "Download all (ZIP)");
        Link(html, model.Links.Zip(anonymised: true), "button secondary", "Download all anonymised (ZIP)");
        html.Append("</div></section>");
    }

    private static void Chip(StringBuilder html, string key, string label, int count) =>
        html.Append("<li class=\"").Append(key).Append("\"><span data-count=\"").Append(key).Append("\">").Append(Count(count))
            .Append("</span> ").Append(label).Append("</li>");

    private static void JobPost(StringBuilder html, JobPostView? post)
    {
        if (post is null)
        {
            return;
        }

        html.Append("<section class=\"card\" id=\"job-post\"><h2>Job post</h2><p class=\"post-title\">");
        Text(html, post.Title ?? $"ATS job {post.Id}");
        html.Append("</p>");
        if (!string.IsNullOrWhiteSpace(post.Description))
        {
            html.Append("<details class=\"description\"><summary>Job description</summary><div class=\"description-text\">");
            Text(html, post.Description.Trim());
            html.Append("</div></details>");
        }

        html.Append("</section>");
    }

    private static void Candidates(StringBuilder html, ProjectPageModel model)
    {
        html.Append("<section class=\"card\" id=\"candidates\"><h2>Candidates</h2>");
        if (model.Candidates.Count == 0)
        {
            html.Append("<p class=\"empty\">This project has no candidates.</p></section>");
            return;
        }

        html.Append("<ol class=\"candidates\">");
        foreach (var candidate in model.Candidates)
        {
            Candidate(html, candidate, model.Links);
        }

        html.Append("</ol></section>");
    }

    private static void Candidate(StringBuilder html, CandidateView candidate, ProjectPageLinks links)
    {
        var status = CandidateStatuses.Wire(candidate.Status);
        var summary = candidate.IsReady ? ProfileSummary.From(candidate.Headline, candidate.ProfileJson) : ProfileSummary.Empty with { Headline = candidate.Headline };
        html.Append("<li class=\"candidate\" data-candidate-id=\"").Append(candidate.Id.ToString("D")).Append("\" data-status=\"").Append(status)
            .Append("\"><div class=\"index\">").Append(Count(candidate.Seq + 1)).Append("</div><div class=\"body\"><div class=\"title\"><span class=\"name");
        html.Append(candidate.Name is null ? " placeholder\">" : "\">");
        Text(html, candidate.Name ?? $"Applicant {candidate.ApplicantId}");
        html.Append("</span><span class=\"badge ").Append(status).Append("\">").Append(Label(candidate.Status)).Append("</span></div>");

        Paragraph(html, "headline", summary.Headline);
        Paragraph(html, "waiting", candidate.Status switch
        {
            CandidateStatus.Pending => "Waiting to be imported from the ATS…",
            CandidateStatus.Importing => "Importing the CV and rendering the profile…",
            _ => null,
        });
        Paragraph(html, "reason", candidate.Status == CandidateStatus.Failed ? candidate.Reason ?? "The import failed." : null);

        html.Append("<dl class=\"facts\">");
        Fact(html, "Latest position", "position", summary.LatestPosition);
        Fact(html, "Languages", "languages", summary.Languages.Count > 0 ? string.Join(" · ", summary.Languages) : null);
        html.Append("</dl><ul class=\"tags skills\" aria-label=\"Top skills\"").Append(summary.TopSkills.Count > 0 ? ">" : " hidden>");
        foreach (var skill in summary.TopSkills)
        {
            html.Append("<li class=\"tag\">");
            Text(html, skill);
            html.Append("</li>");
        }

        html.Append("</ul><p class=\"applicant\">ATS applicant ");
        Text(html, candidate.ApplicantId);
        html.Append("</p></div><div class=\"actions\"").Append(candidate.IsReady ? ">" : " hidden>");
        Link(html, links.Pdf(candidate.Id, anonymised: false), "button small", "PDF");
        Link(html, links.Pdf(candidate.Id, anonymised: true), "button small secondary", "Anonymised PDF");
        html.Append("</div></li>");
    }

    // Always present (the script fills it in later), hidden while empty.
    private static void Paragraph(StringBuilder html, string cssClass, string? text)
    {
        html.Append("<p class=\"").Append(cssClass).Append(text is null ? "\" hidden>" : "\">");
        Text(html, text);
        html.Append("</p>");
    }

    private static void Fact(StringBuilder html, string label, string cssClass, string? value)
    {
        html.Append("<div class=\"fact\"").Append(value is null ? " hidden>" : ">").Append("<dt>").Append(label).Append("</dt><dd class=\"")
            .Append(cssClass).Append("\">");
        Text(html, value);
        html.Append("</dd></div>");
    }

    private static void Link(StringBuilder html, string href, string cssClass, string label)
    {
        html.Append("<a class=\"").Append(cssClass).Append("\" href=\"");
        Text(html, href);
        html.Append("\" download>").Append(label).Append("</a>");
    }

    private static string Label(CandidateStatus status) => status switch
    {
        CandidateStatus.Pending => "Waiting",
        CandidateStatus.Importing => "Importing",
        CandidateStatus.Ready => "Ready",
        CandidateStatus.Failed => "Failed",
        _ => throw new ArgumentOutOfRangeException(nameof(status), status, null),
    };

    /// <summary>The one way text gets into the page.</summary>
    private static void Text(StringBuilder html, string? text) => html.Append(Encoder.Encode(text ?? ""));

    private static string Count(int value) => value.ToString("N0", CultureInfo.InvariantCulture);

    private static string Date(DateTimeOffset at) => at.UtcDateTime.ToString("d MMM yyyy", CultureInfo.InvariantCulture);

    private static string Timestamp(DateTimeOffset at) => at.UtcDateTime.ToString("d MMM yyyy, HH:mm 'UTC'", CultureInfo.InvariantCulture);
}

/// <summary>The page's URLs, each carrying the token (the page's only credential).</summary>
public sealed record ProjectPageLinks(string Base, string Token)
{
    public static ProjectPageLinks For(HttpRequest request, Guid projectId, string token) =>
        new($"{request.PathBase}/p/{projectId:D}/", token);

    private string T => Uri.EscapeDataString(Token);

    public string Page => $"{Base}?t={T}";

    public string Status => $"{Base}status?t={T}";

    public string Pdf(Guid candidateId, bool anonymised) =>
        $"{Base}candidates/{candidateId:D}/pdf?t={T}{(anonymised ? "&anonymised=true" : "")}";

    public string Zip(bool anonymised) => $"{Base}pdfs.zip?t={T}{(anonymised ? "&anonymised=true" : "")}";
}
