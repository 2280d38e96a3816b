using ParseJobs.Api.Tests.Batches.Analytics;
using ParseJobs.Extraction.Matching;

namespace ParseJobs.Api.Tests.Batches.Report;

/// <summary>A small batch to render: three ranked candidates (one with hostile text from its document) and one error.</summary>
public static class ReportSeeds
{
    public const string HostileFileName = "<script>alert('cv')</script>.pdf";
    public const string HostileSkill = "<img src=x onerror=alert(1)>";

    public static IReadOnlyList<SeedCandidate> Candidates() =>
    [
        new("mid.docx", 64.5)
        {
            Matches = [Skill("Python", SkillMatchType.Exact, core: true)],
            Gaps = [new SkillGap { Name = "Kubernetes", IsCore = true }, new SkillGap { Name = "Go", IsCore = false }],
        },
        new("best.pdf", 100)
        {
            Matches = [Skill("Python", SkillMatchType.Exact, core: true), Skill("PostgreSQL", SkillMatchType.Alias, core: true)],
        },
        new(HostileFileName, 31.2)
        {
            Matches = [Skill(HostileSkill, SkillMatchType.Related, core: false)],
            Gaps = [new SkillGap { Name = "Python", IsCore = true }],
        },
        SeedCandidate.Failed("holiday.png", "\"><b>not a CV</b>"),
    ];

    private static SkillMatch Skill(string name, SkillMatchType type, bool core) =>
        new() { Name = name, MatchType = type, MatchScore = 100, IsCore = core, ProficiencyMatch = true, DurationMatch = true };
}
