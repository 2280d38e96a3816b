using ParseJobs.Extraction.Cv;
using ParseJobs.Extraction.Matching;

namespace ParseJobs.Extraction.Tests.Matching;

public sealed class JobDescriptionAnalyzerTests
{
    private const string English = """
        Frontend Developer (React)
        Wanderly, an online travel agency | Travel & Hospitality

        Requirements (must-have):
        - JavaScript
        - React
        - CSS
        - 3+ years of professional experience in a similar role
        - A completed vocational qualification or degree in Computer Science or a related field

        Bonus points for:
        - GraphQL

        We offer a competitive salary and a learning budget.
        """;

    private const string German = """
        Datenanalyst (m/w/d)
        SafeHarbor – ein Versicherungskonzern (Versicherungen)

        Voraussetzung sind fundierte Kenntnisse in SQL, Power BI sowie Statistics (zwingend erforderlich).
        Erfahrung mit Tableau oder ETL ist von Vorteil, aber keine Voraussetzung.
        Sie bringen ein abgeschlossenes Studium (mindestens Bachelor) der Fachrichtung Statistik / Mathematik oder vergleichbar und mindestens 2 Jahre Berufserfahrung mit.
        """;

    [Fact]
    public void Analyze_ReadsCoreAndNiceSkills_WhenEnglishBulletSections()
    {
        var job = new JobDescriptionAnalyzer().Analyze(English);
        Assert.Equal(string.Join("|", new[] { "JavaScript", "React", "CSS" }), string.Join("|", job.CoreSkills.Select(s => s.Name)), StringComparer.Ordinal);
        Assert.Equal(string.Join("|", new[] { "GraphQL" }), string.Join("|", job.NiceSkills.Select(s => s.Name)), StringComparer.Ordinal);
        Assert.Equal("Requires: JavaScript, React, CSS", job.Summary, StringComparer.Ordinal);
        Assert.Equal("Frontend Developer (React)", job.Title, StringComparer.Ordinal);
        Assert.Equal("frontend", job.RoleFamily, StringComparer.Ordinal);
        Assert.Equal("travel", job.Sector, StringComparer.Ordinal);
    }

    [Fact]
    public void Analyze_ReadsYearsAndLowestDegree_WhenEnglish()
    {
        var job = new JobDescriptionAnalyzer().Analyze(English);
        Assert.Equal(3, job.YearsRequired);
        Assert.Equal(1, job.DegreeLevel);
        Assert.Contains("computer_science", job.DegreeFields, StringComparer.Ordinal);
    }

    [Fact]
    public void Analyze_NiceCueWinsOverCore_WhenGermanProse()
    {
        var job = new JobDescriptionAnalyzer().Analyze(German);
        Assert.Equal(string.Join("|", new[] { "SQL", "Power BI", "Statistics" }), string.Join("|", job.CoreSkills.Select(s => s.Name)), StringComparer.Ordinal);
        Assert.Equal(string.Join("|", new[] { "Tableau", "ETL" }), string.Join("|", job.NiceSkills.Select(s => s.Name)), StringComparer.Ordinal);
        Assert.Equal(2, job.YearsRequired);
        Assert.Equal(2, job.DegreeLevel);
        Assert.Equal("insurance", job.Sector, StringComparer.Ordinal);
    }

    [Fact]
    public void Analyze_KeepsUnknownSkillWords_WhenTaxonomyLacksThem()
    {
        var job = new JobDescriptionAnalyzer().Analyze("Account Executive\n\nYou must bring solid experience with Territory Planning and Salesforce. These are required.");
        Assert.Contains(job.CoreSkills, s => s.Name == "Territory Planning" && s.Canonical.Length == 0);
        Assert.Contains(job.CoreSkills, s => s.Canonical == "Salesforce");
    }

    [Fact]
    public void Analyze_ReturnsEmptyAnalysis_WhenTextEmpty()
    {
        var job = new JobDescriptionAnalyzer().Analyze("");
        Assert.Empty(job.CoreSkills);
        Assert.Empty(job.Title);
    }
}

public sealed class CandidateMatcherTests
{
    private static readonly JobAnalysis Job = new JobDescriptionAnalyzer().Analyze("""
        Frontend Developer (React)
        Wanderly, an online travel agency | Travel & Hospitality

        Requirements (must-have):
        - JavaScript
        - TypeScript
        - React
        - 3+ years of professional experience
        """) with { AsOf = "2025-06" };

    private static CvProfile Profile(string position, string description, params string[] skills) => new()
    {
        Experience = [new ExperienceEntry { Position = position, Company = "Wanderly, an online travel agency", StartDate = "01.2019", Description = description }],
        Skills = new SkillSet { ItSkills = [.. skills] },
    };

    [Fact]
    public void Match_CountsAliasAndImplication_WhenCvUsesOtherNames()
    {
        var match = new CandidateMatcher().Match(Job, Profile("Frontend Developer", "Used ReactJS daily.", "TS"));
        var skills = match.MatchResultsSummary.Skills.Matches.ToDictionary(m => m.Name, m => m.MatchType, StringComparer.Ordinal);
        Assert.Equal(SkillMatchType.Alias, skills["TypeScript"]);
        Assert.Equal(SkillMatchType.Alias, skills["React"]);
        Assert.Equal(SkillMatchType.Related, skills["JavaScript"]);
        Assert.Empty(match.MatchResultsSummary.Skills.Gaps);
        Assert.Equal(100.0, match.MatchScore.RoleMatchPercentage);
        Assert.True(match.MatchResultsSummary.Skills.Matches.All(m => m.DurationMatch));
    }

    [Fact]
    public void Match_IgnoresSkillsRecruitedFor_WhenRecruiterBullets()
    {
        var match = new CandidateMatcher().Match(Job, Profile("Technical Recruiter",
            "Recruited 30 Frontend Developers with React, TypeScript and JavaScript experience for client companies."));
        Assert.Empty(match.MatchResultsSummary.Skills.Matches);
        Assert.Equal(3, match.MatchResultsSummary.Skills.Gaps.Count(g => g.IsCore));
        Assert.Equal(0.0, match.MatchScore.RoleMatchPercentage);
        Assert.Equal(0.0, match.MatchScore.CoreSkillMatchPercentage);
    }

    [Fact]
    public void Match_GivesSameResult_WhenRunTwice()
    {
        var profile = Profile("Junior Frontend Developer", "Hands-on work with JS and React.");
        var first = System.Text.Json.JsonSerializer.Serialize(new CandidateMatcher().Match(Job, profile));
        var second = System.Text.Json.JsonSerializer.Serialize(new CandidateMatcher().Match(Job, profile));
        Assert.Equal(first, second, StringComparer.Ordinal);
        Assert.Equal(75.0, new CandidateMatcher().Match(Job, profile).MatchScore.RoleMatchPercentage);
    }
}
