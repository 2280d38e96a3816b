using System.Globalization;
using System.Text.RegularExpressions;
using ParseJobs.Extraction.Cv;

namespace ParseJobs.Extraction.Matching;

/// <summary>A position of the CV with its months (inclusive) and how its title compares with the job's.</summary>
internal sealed record PositionReading(ExperienceEntry Entry, int StartMonth, int EndMonth, bool Ongoing, RoleReading Role, double Similarity);

/// <summary>A candidate's best degree against the job: its level (0–4), field and fit (1, 0.5 or 0).</summary>
internal sealed record DegreeReading(string Name, int Level, string Field, double Fit);

/// <summary>The career side of a CV: positions in time, the current one, years in the job's role, the best degree, the
/// current employer's sector.</summary>
internal static partial class CareerReading
{
    /// <summary>Positions with dates, most recent first (ongoing first, then by end and start month; then CV order).</summary>
    public static List<PositionReading> Positions(CvProfile profile, RoleReading job, int asOfMonth)
    {
        var positions = new List<PositionReading>();
        foreach (var (entry, order) in profile.Experience.Select((e, i) => (e, i)))
        {
            var start = Month(entry.StartDate, endOfYear: false);
            var ongoing = entry.EndDate.Length == 0;
            var end = ongoing ? asOfMonth : Month(entry.EndDate, endOfYear: true);
            if (start is null && end is null)
            {
                start = end = -1; // undated: its title still tells the role, it adds no months
            }

            var s = start ?? end!.Value;
            var e = Math.Min(end ?? s, Math.Max(asOfMonth, s));
            var role = RoleCatalog.Read(entry.Position);
            positions.Add(new PositionReading(entry, s, Math.Max(s, e), ongoing && start is not null, role, RoleCatalog.Similarity(job, role)));
        }

        return positions
            .Select((p, i) => (p, i))
            .OrderByDescending(t => t.p.Ongoing)
            .ThenByDescending(t => t.p.EndMonth)
            .ThenByDescending(t => t.p.StartMonth)
            .ThenBy(t => t.i)
            .Select(t => t.p)
            .ToList();
    }

    /// <summary>Whole years (rounded, as CVs state them) in positions of the same, junior or a related role; overlapping
    /// positions count once.</summary>
    public static int YearsInRole(IEnumerable<PositionReading> positions)
    {
        var ranges = positions.Where(p => p.Similarity > 0 && p.StartMonth >= 0).Select(p => (p.StartMonth, p.EndMonth)).OrderBy(r => r.StartMonth).ToList();
        var months = 0;
        var coveredTo = int.MinValue;
        foreach (var (start, end) in ranges)
        {
            var from = Math.Max(start, coveredTo + 1);
            if (end >= from)
                months += end - from + 1;
            coveredTo = Math.Max(coveredTo, end);
        }

        return (int)Math.Round(months / 12.0, MidpointRounding.AwayFromZero);
    }

    /// <summary>The month index (year*12 + month-1) of "MM.YYYY" or "YYYY"; a bare year starts in January and ends in December.</summary>
    internal static int? Month(string date, bool endOfYear)
    {
        var m = DatePattern().Match(date ?? "");
        if (!m.Success)
            return null;
        var year = int.Parse(m.Groups["y"].Value, CultureInfo.InvariantCulture);
        var month = m.Groups["m"].Success ? int.Parse(m.Groups["m"].Value, CultureInfo.InvariantCulture) : endOfYear ? 12 : 1;
        return year * 12 + Math.Clamp(month, 1, 12) - 1;
    }

    public static int MonthOf(DateOnly date) => date.Year * 12 + date.Month - 1;

    /// <summary>The best degree by fit, then level: level ≥ required in a related field 1; level ≥ required in another
    /// field, or one level below in a related field 0.5; else 0. Without a degree requirement every CV fits.</summary>
    public static DegreeReading Degree(CvProfile profile, JobAnalysis job)
    {
        var best = new DegreeReading("", 0, "", job.DegreeLevel == 0 ? 1.0 : 0.0);
        foreach (var entry in profile.Education)
        {
            var text = (entry.Degree + " " + entry.FieldOfStudy).Trim();
            if (text.Length == 0)
                continue;
            var level = Level(entry);
            var fields = FieldCatalog.Find(text);
            var field = fields.Count > 0 ? fields[0] : entry.FieldOfStudy;
            var related = job.DegreeFields.Count == 0 || fields.Exists(f => job.DegreeFields.Any(j => job.RelatedFieldsAccepted ? FieldCatalog.AreRelated(f, j) : string.Equals(f, j, StringComparison.Ordinal)));
            double fit;
            if (job.DegreeLevel == 0)
                fit = 1.0;
            else if (level >= job.DegreeLevel)
                fit = related ? 1.0 : 0.5;
            else
                fit = level == job.DegreeLevel - 1 && related ? 0.5 : 0.0;
            if (fit > best.Fit || (fit == best.Fit && level > best.Level))
                best = new DegreeReading(entry.Degree.Length > 0 ? entry.Degree : text, level, field, fit);
        }

        return best;
    }

    /// <summary>0 none/school, 1 vocational/associate, 2 bachelor, 3 master, 4 doctorate.</summary>
    internal static int Level(EducationEntry entry)
    {
        var d = CvText.Fold(entry.Degree + " " + entry.FieldOfStudy);
        if (Doctorate().IsMatch(d))
            return 4;
        if (Master().IsMatch(d))
            return 3;
        if (Bachelor().IsMatch(d))
            return 2;
        if (School().IsMatch(d))
            return 0;
        if (Vocational().IsMatch(d))
            return 1;
        return entry.DegreeLevel switch
        {
            DegreeLevels.Doctorate => 4,
            DegreeLevels.Master => 3,
            DegreeLevels.Bachelor => 2,
            DegreeLevels.Apprenticeship or DegreeLevels.Diploma => 1,
            _ => 0,
        };
    }

    /// <summary>The sector of the current employer: from the company line ("Wanderly, an online travel agency"), else
    /// from the summary ("… most recently in insurance").</summary>
    public static string Sector(CvProfile profile, PositionReading? current)
    {
        if (current is not null)
        {
            var fromCompany = SectorCatalog.Find(current.Entry.Company);
            if (fromCompany.Length > 0)
                return fromCompany;
        }

        return SectorCatalog.Find(profile.ProfessionalSummary);
    }

    [GeneratedRegex(@"(?:(?<m>\d{1,2})\.)?(?<y>(?:19|20)\d{2})", RegexOptions.None, matchTimeoutMilliseconds: 1000)]
    private static partial Regex DatePattern();

    [GeneratedRegex(@"\b(phd|ph\.d|doctor|doctorate|doktor|dr\.|promotion|doctorat|dottorato)\b", RegexOptions.None, matchTimeoutMilliseconds: 1000)]
    private static partial Regex Doctorate();

    [GeneratedRegex(@"\b(master|masters|master's|msc|m\.sc|m\.a|ma|mba|meng|m\.eng|mas|llm|magister|laurea magistrale|diplom-ingenieur|dipl\.-ing|diplom-kaufmann|diplom-informatiker|universitatsdiplom)\b", RegexOptions.None, matchTimeoutMilliseconds: 1000)]
    private static partial Regex Master();

    [GeneratedRegex(@"\b(bachelor|bachelors|bachelor's|bachelor-studium|bsc|b\.sc|ba|b\.a|beng|b\.eng|bba|llb|licence|laurea|undergraduate degree)\b", RegexOptions.None, matchTimeoutMilliseconds: 1000)]
    private static partial Regex Bachelor();

    [GeneratedRegex(@"\b(high school|secondary school|mittlere reife|realschulabschluss|hauptschulabschluss|abitur|fachabitur|fachhochschulreife|matura|a-levels?|gcse|baccalaureat|diploma di maturita|brevet)\b", RegexOptions.None, matchTimeoutMilliseconds: 1000)]
    private static partial Regex School();

    [GeneratedRegex(@"\b(associate|vocational|apprenticeship|ausbildung|berufsausbildung|lehre|techniker|meister|fachwirt|efz|cfc|eba|fachkraft|kaufmann|kauffrau|examen|examiniert|examinierte|staatlich|diploma|diplom|hnd|btec|nvq|cap|bts|dut|qualifica)\b", RegexOptions.None, matchTimeoutMilliseconds: 1000)]
    private static partial Regex Vocational();
}
