using System.Globalization;
using System.Text.Json;
using ParseJobs.Api.Hosting;
using ParseJobs.Extraction.Cv;

namespace ParseJobs.Api.Ats.Page;

/// <summary>What a row of the project page shows of a ready candidate: headline, latest position, top skills and
/// languages, read from the stored profile.</summary>
public sealed record ProfileSummary(string? Headline, string? LatestPosition, IReadOnlyList<string> TopSkills, IReadOnlyList<string> Languages)
{
    public const int MaxSkills = 8;

    public static ProfileSummary Empty { get; } = new(null, null, [], []);

    /// <summary>From the stored profile JSON (wire options); an unreadable profile gives an empty summary, not an error page.</summary>
    public static ProfileSummary From(string? headline, string? profileJson)
    {
        CvProfile? profile = null;
        if (profileJson is not null)
        {
            try
            {
                profile = JsonSerializer.Deserialize<CvProfile>(profileJson, JsonSetup.Wire);
            }
            catch (JsonException)
            {
                profile = null;
            }
        }

        if (profile is null)
        {
            return Empty with { Headline = Blank(headline) };
        }

        var latest = Latest(profile.Experience);
        return new ProfileSummary(
            Blank(headline) ?? Blank(latest?.Position),
            latest is null ? null : Blank(string.Join(" · ", new[] { latest.Position, latest.Company }.Where(s => !string.IsNullOrWhiteSpace(s)))),
            SkillsOf(profile.Skills),
            profile.Languages.Where(l => !string.IsNullOrWhiteSpace(l.Language))
                .Select(l => string.IsNullOrWhiteSpace(l.StandardProficiency) ? l.Language.Trim() : $"{l.Language.Trim()} {l.StandardProficiency.Trim()}")
                .Distinct(StringComparer.OrdinalIgnoreCase).Take(6).ToList());
    }

    // The ongoing position first, then the one that started last; the document's order breaks ties (CVs list newest first).
    private static ExperienceEntry? Latest(List<ExperienceEntry> experience) =>
        experience.Where(e => !string.IsNullOrWhiteSpace(e.Position) || !string.IsNullOrWhiteSpace(e.Company))
            .Select((e, index) => (Entry: e, Index: index))
            .OrderByDescending(x => x.Entry.EndDate.Length == 0 && x.Entry.StartDate.Length > 0)
            .ThenByDescending(x => MonthOf(x.Entry.StartDate))
            .ThenBy(x => x.Index)
            .Select(x => x.Entry)
            .FirstOrDefault();

    // "MM.YYYY" (the profile's date form) as a sortable number; 0 when absent or of another form.
    private static int MonthOf(string date) =>
        date.Split('.') is [var month, var year]
        && int.TryParse(month, NumberStyles.None, CultureInfo.InvariantCulture, out var m)
        && int.TryParse(year, NumberStyles.None, CultureInfo.InvariantCulture, out var y)
            ? (y * 12) + m
            : 0;

    // Technical skills first (what a client scans for), then the rest; each once.
    private static List<string> SkillsOf(SkillSet skills) =>
        skills.ItSkills.Concat(skills.HardSkills).Concat(skills.FieldsOfExpertise)
            .Where(s => !string.IsNullOrWhiteSpace(s)).Select(s => s.Trim())
            .Distinct(StringComparer.OrdinalIgnoreCase).Take(MaxSkills).ToList();

    private static string? Blank(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();
}
