using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Unicode;
using ParseJobs.Extraction.Matching;

namespace ParseJobs.Api.Batches.Report;

/// <summary>What the report shows: the batch's results (best first), the score distribution of the candidates shown,
/// and whether the list was cut at <see cref="BatchReportLoader.MaxCandidates"/>.</summary>
public sealed record BatchReportModel(BatchResultsResponse Results, bool Truncated, DateTimeOffset GeneratedAt);

/// <summary>
/// The report page: plain HTML and CSS (<see cref="ReportStyles"/>), no scripts. Every text that comes from a batch
/// (file names, candidate ids, skills, the job title and summary, error messages) is HTML-encoded here, by
/// <see cref="Text"/>: nothing from a document reaches the page unencoded.
/// </summary>
public static class BatchReportPage
{
    // Encodes markup characters (&lt; &gt; &amp; quotes) and keeps letters of every script readable in the source.
    private static readonly HtmlEncoder Encoder = HtmlEncoder.Create(UnicodeRanges.All);

    public static string Render(BatchReportModel model)
    {
        var results = model.Results;
        var title = string.IsNullOrWhiteSpace(results.JobTitle) ? "Batch matching report" : results.JobTitle;
        var html = new StringBuilder(16 * 1024);
        html.Append("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">")
            .Append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"><meta name=\"robots\" content=\"noindex\">")
            .Append("<title>");
        Text(html, title);
        html.Append(" – candidate ranking</title><style>").Append(ReportStyles.Css).Append("</style></head><body>");

        Header(html, model, title);
        Stats(html, results.SummaryStats);
        html.Append("<section class=\"chart\" id=\"distribution\"><h2>Score distribution</h2>");
        ScoreChart.Render(html, ScoreChart.Distribution(Scored(results).Select(i => i.MatchScore!.OverallScore)));
        html.Append("</section>");
        Ranking(html, model);
        Errors(html, results);

        html.Append("<footer>Generated ");
        Text(html, Timestamp(model.GeneratedAt));
        html.Append(" by ParseJobs. Scores are explained in the API's match_results_summary; the formula is in docs/MATCHING.md.</footer>")
            .Append("</body></html>\n");
        return html.ToString();
    }

    private static void Header(StringBuilder html, BatchReportModel model, string title)
    {
        var results = model.Results;
        html.Append("<header><h1>");
        Text(html, title);
        html.Append("</h1>");
        if (!string.IsNullOrWhiteSpace(results.JobSummary))
        {
            html.Append("<p class=\"summary\">");
            Text(html, results.JobSummary);
            html.Append("</p>");
        }

        html.Append("<p class=\"meta\">Batch ");
        Text(html, results.BatchJobId.ToString());
        html.Append(" · status ");
        Text(html, results.Status);
        html.Append(" · submitted ");
        Text(html, Timestamp(results.CreatedAt));
        if (results.CompletedAt is { } completed)
        {
            html.Append(" · completed ");
            Text(html, Timestamp(completed));
        }

        html.Append("</p>");
        if (results.Status is "pending" or "processing")
        {
            html.Append("<p class=\"notice\">This batch is still ");
            Text(html, results.Status);
            html.Append(": ");
            Number(html, results.ProcessedCandidates);
            html.Append(" of ");
            Number(html, results.TotalCandidates);
            html.Append(" candidates are done. Reload the page for the rest.</p>");
        }
        else if (results.Status == "failed")
        {
            html.Append("<p class=\"notice\">The batch failed: ");
            Text(html, results.ErrorMessage ?? "no reason was recorded");
            html.Append("</p>");
        }

        if (model.Truncated)
        {
            html.Append("<p class=\"notice\">This page shows the best ");
            Number(html, results.ProcessedItems.Count);
            html.Append(" candidates; read all of them through /api/v1/batch-jobs/");
            Text(html, results.BatchJobId.ToString());
            html.Append("/results.</p>");
        }

        html.Append("</header>");
    }

    private static void Stats(StringBuilder html, BatchSummaryStats stats)
    {
        html.Append("<section id=\"summary\"><h2>Summary</h2><dl class=\"stats\">");
        Stat(html, "Candidates", Count(stats.TotalCandidates));
        Stat(html, "Scored", Count(stats.SuccessfulMatches));
        Stat(html, "Errors", Count(stats.ErrorCount));
        Stat(html, "Average score", Score(stats.AverageScore));
        Stat(html, "Highest score", Score(stats.HighestScore));
        Stat(html, "Lowest score", Score(stats.LowestScore));
        Stat(html, "Score 70 or more", Count(stats.CandidatesAbove70));
        Stat(html, "Score 80 or more", Count(stats.CandidatesAbove80));
        Stat(html, "Score 90 or more", Count(stats.CandidatesAbove90));
        html.Append("</dl></section>");
    }

    private static void Ranking(StringBuilder html, BatchReportModel model)
    {
        var scored = Scored(model.Results).ToList();
        html.Append("<section id=\"ranking\"><h2>Ranked candidates</h2>");
        if (scored.Count == 0)
        {
            html.Append("<p class=\"none\">No candidate has been scored yet.</p></section>");
            return;
        }

        html.Append("<ol class=\"ranking\">");
        for (var rank = 0; rank < scored.Count; rank++)
        {
            Candidate(html, rank + 1, scored[rank]);
        }

        html.Append("</ol></section>");
    }

    private static void Candidate(StringBuilder html, int rank, BatchProcessedItem item)
    {
        var score = item.MatchScore!;
        var skills = item.MatchResultsSummary?.Skills ?? new SkillsComparison();
        html.Append("<li class=\"candidate\"><div class=\"head\"><span class=\"rank\">#");
        Number(html, rank);
        html.Append("</span><span class=\"name\">");
        Text(html, item.OriginalFilename);
        html.Append("</span>");
        if (!string.IsNullOrWhiteSpace(item.CandidateIdInternal))
        {
            html.Append("<span class=\"cid\">");
            Text(html, item.CandidateIdInternal);
            html.Append("</span>");
        }

        html.Append("<span class=\"score\">");
        Text(html, Score(score.OverallScore));
        html.Append("</span></div><div class=\"bar\" role=\"img\" aria-label=\"overall score ");
        Text(html, Score(score.OverallScore));
        html.Append(" of 100\"><span class=\"fill ").Append(ReportStyles.WidthClass(score.OverallScore)).Append("\"></span></div>");

        html.Append("<dl class=\"parts\">");
        Part(html, "Skills", score.SkillMatchPercentage);
        Part(html, "Core skills", score.CoreSkillMatchPercentage);
        Part(html, "Role", score.RoleMatchPercentage);
        Part(html, "Qualifications", score.QualificationMatchPercentage);
        Part(html, "Sector", score.SectorMatchPercentage);
        html.Append("</dl>");

        html.Append("<h3>Matched skills</h3>");
        Tags(html, "match", "matches", skills.Matches.Select(m => (m.Name, m.IsCore, m.MatchType == SkillMatchType.Exact ? null : WireName(m.MatchType))).ToList());
        html.Append("<h3>Gaps</h3>");
        Tags(html, "gap", "gaps", skills.Gaps.Select(g => (g.Name, g.IsCore, (string?)null)).ToList());
        html.Append("</li>");
    }

    private static void Tags(StringBuilder html, string kind, string listClass, List<(string Name, bool IsCore, string? How)> tags)
    {
        if (tags.Count == 0)
        {
            html.Append("<p class=\"none\">none</p>");
            return;
        }

        html.Append("<ul class=\"tags ").Append(listClass).Append("\">");
        // Core skills first: they weigh most and are what a recruiter checks first.
        foreach (var (name, isCore, how) in tags.OrderByDescending(t => t.IsCore))
        {
            html.Append("<li class=\"tag ").Append(kind).Append(isCore ? " core\">" : "\">");
            Text(html, name);
            if (isCore || how is not null)
            {
                html.Append(" <span class=\"kind\">");
                Text(html, string.Join(", ", new[] { isCore ? "core" : null, how }.OfType<string>()));
                html.Append("</span>");
            }

            html.Append("</li>");
        }

        html.Append("</ul>");
    }

    private static void Errors(StringBuilder html, BatchResultsResponse results)
    {
        var failed = results.ProcessedItems.Where(i => i.MatchScore is null).ToList();
        if (failed.Count == 0)
        {
            return;
        }

        html.Append("<section id=\"errors\"><h2>Not scored</h2><table class=\"errors\"><thead><tr><th>File</th><th>Reason</th></tr></thead><tbody>");
        foreach (var item in failed)
        {
            html.Append("<tr><td>");
            Text(html, item.OriginalFilename);
            html.Append("</td><td>");
            Text(html, item.Error ?? "not processed");
            html.Append("</td></tr>");
        }

        html.Append("</tbody></table></section>");
    }

    private static IEnumerable<BatchProcessedItem> Scored(BatchResultsResponse results) =>
        results.ProcessedItems.Where(i => i.MatchScore is not null);

    private static void Stat(StringBuilder html, string label, string value)
    {
        html.Append("<div><dt>");
        Text(html, label);
        html.Append("</dt><dd>");
        Text(html, value);
        html.Append("</dd></div>");
    }

    private static void Part(StringBuilder html, string label, double value)
    {
        html.Append("<div><dt>");
        Text(html, label);
        html.Append("</dt><dd>");
        Text(html, Score(value));
        html.Append("%</dd></div>");
    }

    /// <summary>The one way text gets into the page.</summary>
    private static void Text(StringBuilder html, string? text) => html.Append(Encoder.Encode(text ?? ""));

    private static void Number(StringBuilder html, int value) => html.Append(value.ToString("N0", CultureInfo.InvariantCulture));

    private static string Count(int value) => value.ToString("N0", CultureInfo.InvariantCulture);

    private static string Score(double? value) => value is { } v ? v.ToString("0.0", CultureInfo.InvariantCulture) : "–";

    private static string Timestamp(DateTimeOffset at) => at.UtcDateTime.ToString("yyyy-MM-dd HH:mm 'UTC'", CultureInfo.InvariantCulture);

    private static string WireName(SkillMatchType type) => type.ToString().ToLowerInvariant();
}
