using System.Globalization;
using ParseJobs.Extraction.Cv;

namespace ParseJobs.Extraction.Matching;

/// <summary>Scores one candidate profile against a job analysis (docs/MATCHING.md). Pure and deterministic: the same
/// job (with its <see cref="JobAnalysis.AsOf"/>) and profile give the same match.</summary>
public sealed class CandidateMatcher
{
    // The weights of docs/MATCHING.md; a component the job does not ask for (no nice-to-have skills, no sector) drops out
    // and the others share its weight.
    internal const double CoreWeight = 0.45;
    internal const double NiceWeight = 0.10;
    internal const double RoleWeight = 0.20;
    internal const double DegreeWeight = 0.08;
    internal const double ExperienceWeight = 0.10;
    internal const double SectorWeight = 0.07;

    /// <summary>Credit of a skill only implied by another (React ⇒ JavaScript): likely, not shown.</summary>
    internal const double RelatedCredit = 0.9;

    private const int MaxSurpluses = 20;

    private readonly TimeProvider clock;

    public CandidateMatcher()
        : this(TimeProvider.System)
    {
    }

    /// <param name="clock">Today, for ongoing positions when the job has no <see cref="JobAnalysis.AsOf"/>.</param>
    public CandidateMatcher(TimeProvider clock) => this.clock = clock ?? throw new ArgumentNullException(nameof(clock));

    public CandidateMatch Match(JobAnalysis job, CvProfile profile)
    {
        ArgumentNullException.ThrowIfNull(job);
        ArgumentNullException.ThrowIfNull(profile);
        var evidence = CandidateEvidence.From(profile);
        var jobRole = RoleCatalog.Read(job.Title);
        var asOf = AsOfMonth(job);
        var positions = CareerReading.Positions(profile, jobRole, asOf);
        var current = positions.Count > 0 ? positions[0] : null;
        var roleSimilarity = current?.Similarity ?? 0.0;
        var years = CareerReading.YearsInRole(positions);
        var experienceFit = ExperienceFit(job.YearsRequired, years, roleSimilarity);
        var durationMatch = experienceFit >= 1.0;

        var coreMatches = job.CoreSkills.Select(s => Find(s, evidence, isCore: true, durationMatch)).ToList();
        var niceMatches = job.NiceSkills.Select(s => Find(s, evidence, isCore: false, durationMatch)).ToList();
        var coreFraction = Fraction(coreMatches);
        var niceFraction = Fraction(niceMatches);

        var degree = CareerReading.Degree(profile, job);
        var certificationsHeld = job.Certifications.Where(c => HasCertification(profile, evidence, c)).ToList();
        var qualification = job.Certifications.Count == 0
            ? degree.Fit
            : 0.75 * degree.Fit + 0.25 * certificationsHeld.Count / job.Certifications.Count;
        var candidateSector = CareerReading.Sector(profile, current);
        var sectorMatch = job.Sector.Length > 0 && string.Equals(candidateSector, job.Sector, StringComparison.Ordinal) ? 1.0 : 0.0;

        var parts = new List<(double Weight, double Value)>
        {
            (RoleWeight, roleSimilarity),
            (DegreeWeight, qualification),
            (ExperienceWeight, experienceFit),
        };
        if (job.CoreSkills.Count > 0)
            parts.Add((CoreWeight, coreFraction));
        if (job.NiceSkills.Count > 0)
            parts.Add((NiceWeight, niceFraction));
        if (job.Sector.Length > 0)
            parts.Add((SectorWeight, sectorMatch));
        var overall = 100.0 * parts.Sum(p => p.Weight * p.Value) / parts.Sum(p => p.Weight);

        var all = coreMatches.Concat(niceMatches).ToList();
        var score = new MatchScore
        {
            OverallScore = Round(overall),
            SkillMatchPercentage = Round(100.0 * Fraction(all)),
            CoreSkillMatchPercentage = Round(100.0 * coreFraction),
            RoleMatchPercentage = Round(100.0 * roleSimilarity),
            QualificationMatchPercentage = Round(100.0 * qualification),
            SectorMatchPercentage = Round(100.0 * sectorMatch),
        };
        var summary = new MatchResultsSummary
        {
            Skills = new SkillsComparison
            {
                Matches = all.Where(m => m.Match is not null).Select(m => m.Match!).ToList(),
                Gaps = all.Where(m => m.Match is null).Select(m => new SkillGap { Name = m.Skill.Name, IsCore = m.IsCore }).ToList(),
                Surpluses = Surpluses(job, evidence),
            },
            Roles = Roles(job, current, positions, roleSimilarity, years),
            Qualifications = Qualifications(job, degree, certificationsHeld),
            Sectors = Sectors(job, candidateSector),
        };
        return new CandidateMatch { MatchScore = score, MatchResultsSummary = summary };
    }

    private int AsOfMonth(JobAnalysis job)
    {
        if (job.AsOf is { Length: >= 7 } text
            && DateOnly.TryParseExact(text[..7] + "-01", "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
            return CareerReading.MonthOf(date);
        return CareerReading.MonthOf(DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime));
    }

    /// <summary>1 when the years in the role reach the requirement, 0.5 within two years of it, else 0; years in another
    /// role do not count. Without a requirement, any position in the role fits.</summary>
    internal static double ExperienceFit(int required, int years, double roleSimilarity)
    {
        if (roleSimilarity <= 0)
            return 0.0;
        if (required <= 0 || years >= required)
            return 1.0;
        return years >= required - 2 ? 0.5 : 0.0;
    }

    private sealed record Found(JobSkill Skill, bool IsCore, SkillMatch? Match, double Credit);

    private static Found Find(JobSkill skill, CandidateEvidence evidence, bool isCore, bool durationMatch)
    {
        SkillMatch Entry(SkillMatchType type, double credit, bool proficiency) => new()
        {
            Name = skill.Name,
            MatchType = type,
            MatchScore = Round(100.0 * credit),
            ProficiencyMatch = proficiency,
            DurationMatch = durationMatch,
            IsCore = isCore,
        };

        var nameKey = SkillTaxonomy.Key(skill.Name);
        if (skill.Canonical.Length > 0)
        {
            if (evidence.TryGet(skill.Canonical, out var shown))
            {
                var exact = string.Equals(SkillTaxonomy.Key(shown.Surface), nameKey, StringComparison.Ordinal);
                return new Found(skill, isCore, Entry(exact ? SkillMatchType.Exact : SkillMatchType.Alias, 1.0, shown.InSkillsList), 1.0);
            }

            var source = evidence.Skills.FirstOrDefault(e => SkillImplications.Of(e.Canonical).Contains(skill.Canonical, StringComparer.Ordinal));
            if (source is not null)
                return new Found(skill, isCore, Entry(SkillMatchType.Related, RelatedCredit, proficiency: false), RelatedCredit);
        }

        // A skill the taxonomy does not know, or a wording it lacks: the job's own words in the CV's counted text.
        if (evidence.ContainsPhrase(SkillScanner.PhraseKey(skill.Name)))
            return new Found(skill, isCore, Entry(SkillMatchType.Exact, 1.0, proficiency: true), 1.0);
        return new Found(skill, isCore, null, 0.0);
    }

    private static double Fraction(IReadOnlyCollection<Found> found) => found.Count == 0 ? 0.0 : found.Sum(f => f.Credit) / found.Count;

    private static bool HasCertification(CvProfile profile, CandidateEvidence evidence, string certification)
    {
        var key = SkillScanner.PhraseKey(certification);
        if (evidence.ContainsPhrase(key))
            return true;
        return profile.Education.Exists(e => SkillScanner.FindPhrase(SkillScanner.Tokenize(e.Degree + " " + e.Institution + " " + e.Description), key) >= 0)
               || profile.Skills.HardSkills.Concat(profile.Skills.ItSkills).Any(s => string.Equals(SkillScanner.PhraseKey(s), key, StringComparison.Ordinal));
    }

    private static List<SkillGap> Surpluses(JobAnalysis job, CandidateEvidence evidence)
    {
        var asked = job.CoreSkills.Concat(job.NiceSkills).Select(s => s.Canonical).Where(c => c.Length > 0).ToHashSet(StringComparer.Ordinal);
        return evidence.Skills.Where(s => !asked.Contains(s.Canonical)).Take(MaxSurpluses)
            .Select(s => new SkillGap { Name = s.Canonical, IsCore = false }).ToList();
    }

    private static NamedComparison Roles(JobAnalysis job, PositionReading? current, List<PositionReading> positions, double similarity, int years)
    {
        var matches = new List<NamedEntry>();
        var gaps = new List<NamedEntry>();
        if (current is not null && similarity > 0)
            matches.Add(Named(current.Entry.Position, "match"));
        if (similarity < 1.0)
            gaps.Add(Named(job.Title, "gap"));
        if (job.YearsRequired > 0 && years < job.YearsRequired)
            gaps.Add(Named(string.Create(CultureInfo.InvariantCulture, $"{job.YearsRequired} years in the role (has {years})"), "gap"));
        var surpluses = positions.Where(p => p.Similarity <= 0 && p.Entry.Position.Length > 0)
            .Select(p => p.Entry.Position).Distinct(StringComparer.OrdinalIgnoreCase).Select(p => Named(p, "surplus")).ToList();
        return new NamedComparison { Matches = matches, Gaps = gaps, Surpluses = surpluses };
    }

    private static NamedComparison Qualifications(JobAnalysis job, DegreeReading degree, List<string> certificationsHeld)
    {
        var matches = new List<NamedEntry>();
        var gaps = new List<NamedEntry>();
        var surpluses = new List<NamedEntry>();
        if (job.DegreeLevel > 0)
        {
            if (degree.Fit >= 1.0)
                matches.Add(Named(degree.Name, "match"));
            else
                gaps.Add(Named(DegreeName(job), "gap"));
            if (degree.Fit is > 0 and < 1.0)
                surpluses.Add(Named(degree.Name, "surplus"));
        }
        else if (degree.Name.Length > 0)
        {
            surpluses.Add(Named(degree.Name, "surplus"));
        }

        foreach (var certification in job.Certifications)
        {
            if (certificationsHeld.Contains(certification, StringComparer.Ordinal))
                matches.Add(Named(certification, "match"));
            else
                gaps.Add(Named(certification, "gap"));
        }

        return new NamedComparison { Matches = matches, Gaps = gaps, Surpluses = surpluses };
    }

    private static string DegreeName(JobAnalysis job)
    {
        var level = job.DegreeLevel switch
        {
            1 => "Vocational qualification",
            2 => "Bachelor's degree",
            3 => "Master's degree",
            _ => "Doctorate",
        };
        return job.DegreeFields.Count == 0 ? level : level + " in " + string.Join(" / ", job.DegreeFields.Select(FieldCatalog.Display));
    }

    private static NamedComparison Sectors(JobAnalysis job, string candidateSector)
    {
        if (job.Sector.Length == 0)
            return new NamedComparison { Surpluses = candidateSector.Length > 0 ? [Named(SectorCatalog.Label(candidateSector), "surplus")] : [] };
        if (string.Equals(candidateSector, job.Sector, StringComparison.Ordinal))
            return new NamedComparison { Matches = [Named(job.SectorLabel, "match")] };
        return new NamedComparison
        {
            Gaps = [Named(job.SectorLabel, "gap")],
            Surpluses = candidateSector.Length > 0 ? [Named(SectorCatalog.Label(candidateSector), "surplus")] : [],
        };
    }

    private static NamedEntry Named(string name, string type) => new() { Name = name, Type = type };

    private static double Round(double value) => Math.Round(Math.Clamp(value, 0, 100), 1, MidpointRounding.AwayFromZero);
}
