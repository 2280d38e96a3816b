using ParseJobs.Extraction.Cv;

namespace ParseJobs.Extraction.Matching;

/// <summary>Reads a job description (EN, DE, FR, IT) into a <see cref="JobAnalysis"/>. Pure and deterministic.</summary>
/// <remarks>The first line is the title. Requirements come from bullets under a requirements heading and from sentences
/// with a requirement cue (Data/cues.tsv): a nice-to-have cue ("a plus", "von Vorteil") wins over a core cue in the same
/// sentence ("would be a plus but is not required"). Skills are the taxonomy's names found there and the items of the
/// lists those sentences make ("experience with A, B and C"), so a skill the taxonomy does not know is still asked for.</remarks>
public sealed class JobDescriptionAnalyzer
{
    /// <summary>Descriptions longer than this are read up to here: a job ad is a page, not a book.</summary>
    public const int MaxCharacters = 50_000;

    private const int MaxSkillsPerKind = 25;

    public JobAnalysis Analyze(string jobDescriptionText)
    {
        ArgumentNullException.ThrowIfNull(jobDescriptionText);
        var text = jobDescriptionText.Length > MaxCharacters ? jobDescriptionText[..MaxCharacters] : jobDescriptionText;
        var lines = text.Replace("\r\n", "\n", StringComparison.Ordinal).Replace('\r', '\n').Split('\n').Select(CvText.Clean).ToList();
        var titleIndex = lines.FindIndex(l => l.Length > 0);
        var title = titleIndex < 0 ? "" : lines[titleIndex];
        if (title.Length > 200)
            title = title[..200];
        var role = RoleCatalog.Read(title);

        var units = RequirementUnits.Read(lines, titleIndex + 1);
        var core = new List<JobSkill>();
        var nice = new List<JobSkill>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var years = 0;
        var degree = new DegreeRequirement(0, [], true);
        var certifications = new List<string>();
        foreach (var unit in units)
        {
            if (years == 0 && unit.Kind != RequirementKind.None && RequirementText.Years(unit.Text) is { } y)
                years = y;
            if (unit.Kind == RequirementKind.None)
                continue;
            if (RequirementText.Degree(unit.Text) is { } d && (degree.Level == 0 || d.Level < degree.Level))
                degree = d;
            certifications.AddRange(RequirementText.Certifications(unit.Text).Where(c => !certifications.Contains(c, StringComparer.OrdinalIgnoreCase)));
            var target = unit.Kind == RequirementKind.Core ? core : nice;
            foreach (var skill in RequirementText.Skills(unit.Text, unit.IsListItem))
            {
                var key = skill.Canonical.Length > 0 ? "c:" + skill.Canonical : "p:" + SkillScanner.PhraseKey(skill.Name);
                if (target.Count < MaxSkillsPerKind && seen.Add(key))
                    target.Add(skill);
            }
        }

        // Years and degree written outside any requirement sentence still count ("5 years of experience" in the intro).
        if (years == 0)
            years = units.Select(u => RequirementText.Years(u.Text)).FirstOrDefault(y => y is not null) ?? 0;
        var header = string.Join('\n', lines.Skip(titleIndex + 1).Where(l => l.Length > 0).Take(2));
        var sector = SectorCatalog.Find(header);
        if (sector.Length == 0)
            sector = SectorCatalog.Find(text);
        return new JobAnalysis
        {
            Title = title,
            Summary = core.Count == 0 ? "" : "Requires: " + string.Join(", ", core.Select(s => s.Name)),
            Language = LanguageDetector.Detect(text).Code,
            RoleFamily = role.Family,
            Seniority = role.IsJunior ? "junior" : role.IsSenior ? "senior" : "",
            Sector = sector,
            SectorLabel = sector.Length == 0 ? "" : SectorCatalog.Label(sector),
            CoreSkills = core,
            NiceSkills = nice,
            DegreeLevel = degree.Level,
            DegreeFields = degree.Fields,
            RelatedFieldsAccepted = degree.RelatedAccepted,
            Certifications = certifications,
            YearsRequired = years,
        };
    }
}
