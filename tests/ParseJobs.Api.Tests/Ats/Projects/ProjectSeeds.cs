using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using ParseJobs.Api.Ats.Page;
using ParseJobs.Api.Ats.Projects;
using ParseJobs.Api.Hosting;
using ParseJobs.Api.Jobs;
using ParseJobs.Api.Jobs.Items;
using ParseJobs.Api.Persistence;
using ParseJobs.Api.Tests.Samples;
using ParseJobs.Extraction.Cv;

namespace ParseJobs.Api.Tests.Ats.Projects;

/// <summary>One applicant of a seeded project, and how far its import got.</summary>
public sealed record SeedCandidate(string ApplicantId, CandidateStatus Status, string? Name = null, string? Headline = null, string? Reason = null)
{
    public CvProfile Profile { get; init; } = ProjectSeeds.Profile(Name ?? "Anna Keller");

    /// <summary>Store no anonymised PDF (a ready candidate whose import stored only one variant).</summary>
    public bool WithoutAnonymisedPdf { get; init; }
}

public sealed record SeededProject(Guid ProjectId, Guid OrganisationId, Guid JobId, IReadOnlyList<Guid> CandidateIds);

/// <summary>
/// Projects written straight through the DbContext, as the create-pdf request and its import job leave them: the
/// import job (kind AtsImport, one item per candidate), the project and its candidates, and for ready candidates the
/// parsed profile as the item's result and both PDFs. Items move through the item's own transitions.
/// </summary>
public static class ProjectSeeds
{
    public const string JobPostDescription = "We are looking for a data engineer.\nRequired: Python, SQL and Kafka.";

    public static async Task<SeededProject> SeedAsync(IServiceProvider services, Guid organisationId, string name, params SeedCandidate[] candidates)
    {
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ParseJobsDbContext>();
        var now = DateTimeOffset.UtcNow;
        var user = new OrganisationUser
        {
            Id = Guid.CreateVersion7(), OrganisationId = organisationId, Email = $"julia.berger.{Guid.NewGuid():N}@staffing.example",
            DisplayName = "Julia Berger", ProvisionedFrom = AtsSystems.Hr4You, ExternalId = "42", CreatedAt = now,
        };
        // Dispatched (so the sweeper leaves it to its import, which these tests play themselves) and running.
        var job = Job.Create(organisationId, JobKind.AtsImport, null, null, now, totalItems: candidates.Length);
        job.ClaimDispatch(now);
        job.TryStart(now);
        var project = new Project
        {
            Id = Guid.CreateVersion7(), OrganisationId = organisationId, JobId = job.Id, Name = name, OwnerUserId = user.Id,
            AtsSystem = AtsSystems.Hr4You, ConsultantId = "42", JobPostId = "501", JobPostTitle = "Senior Data Engineer",
            JobPostDescription = JobPostDescription, RequestFingerprint = Convert.ToHexStringLower(Guid.NewGuid().ToByteArray()), CreatedAt = now,
        };
        db.AddRange(user, job, project);
        var ids = new List<Guid>();
        for (var seq = 0; seq < candidates.Length; seq++)
        {
            var seed = candidates[seq];
            var item = JobItem.Create(job.Id, seq, 5, $"hr4you:{seed.ApplicantId}", null, null, now);
            var candidate = new ProjectCandidate
            {
                Id = Guid.CreateVersion7(), ProjectId = project.Id, OrganisationId = organisationId, Seq = seq,
                AtsSystem = AtsSystems.Hr4You, ApplicantId = seed.ApplicantId, CreatedAt = now,
            };
            db.AddRange(item, candidate);
            Move(db, item, candidate, seed, now);
            ids.Add(candidate.Id);
        }

        await db.SaveChangesAsync();
        return new SeededProject(project.Id, organisationId, job.Id, ids);
    }

    /// <summary>Ends a pending or importing candidate's import as ready, with its profile and PDFs (what the import job does).</summary>
    public static async Task CompleteAsync(IServiceProvider services, SeededProject project, int seq, SeedCandidate ready)
    {
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ParseJobsDbContext>();
        var item = await db.JobItems.SingleAsync(i => i.JobId == project.JobId && i.Seq == seq);
        var candidate = await db.ProjectCandidates.SingleAsync(c => c.ProjectId == project.ProjectId && c.Seq == seq);
        Move(db, item, candidate, ready, DateTimeOffset.UtcNow);
        await db.SaveChangesAsync();
    }

    /// <summary>A page link to the project, as the create-pdf answer's redirectUrl carries.</summary>
    public static string PageUrl(IServiceProvider services, SeededProject project, TimeSpan? lifetime = null) =>
        $"/p/{project.ProjectId}/?t={Uri.EscapeDataString(Token(services, project.OrganisationId, project.ProjectId, lifetime))}";

    public static string Token(IServiceProvider services, Guid organisationId, Guid projectId, TimeSpan? lifetime = null) =>
        services.GetRequiredService<ProjectPageToken>().Create(organisationId, projectId, lifetime ?? TimeSpan.FromHours(1));

    /// <summary>The profile PDF a renderer would make, small and real (its first line says which candidate and variant).</summary>
    public static byte[] Pdf(string label) => SampleDocuments.Pdf(lines: [label, "Profile", "Experience", "Skills"]);

    public static CvProfile Profile(string name, List<string>? itSkills = null) => new()
    {
        PersonalInfo = new PersonalInfo { FullName = name, Email = "anna.keller@example.com" },
        ProfessionalSummary = "Data engineer with eight years of streaming experience.",
        Experience =
        [
            new ExperienceEntry { Id = "exp_1", Company = "Helvetic Analytics AG", Position = "Senior Data Engineer", StartDate = "01.2020", EndDate = "" },
            new ExperienceEntry { Id = "exp_2", Company = "Datawerk GmbH", Position = "Data Engineer", StartDate = "03.2016", EndDate = "12.2019" },
        ],
        Skills = new SkillSet { ItSkills = itSkills ?? ["Python", "SQL", "Kafka"], HardSkills = ["Data modelling"] },
        Languages = [new LanguageSkill { Language = "German", StandardProficiency = "C2" }, new LanguageSkill { Language = "English", StandardProficiency = "C1" }],
    };

    private static void Move(ParseJobsDbContext db, JobItem item, ProjectCandidate candidate, SeedCandidate seed, DateTimeOffset now)
    {
        switch (seed.Status)
        {
            case CandidateStatus.Pending:
                break;
            case CandidateStatus.Importing:
                item.TryStart(now, maxAttempts: 3);
                break;
            case CandidateStatus.Failed:
                item.TryStart(now, maxAttempts: 3);
                item.Fail("APPLICANT_NOT_FOUND", seed.Reason ?? "HR4YOU does not know this applicant.", now);
                break;
            case CandidateStatus.Ready:
                if (item.Status == JobItemStatus.Pending)
                {
                    item.TryStart(now, maxAttempts: 3);
                }

                item.Complete(JsonSerializer.Serialize(seed.Profile, JsonSetup.Wire), null, now);
                candidate.Name = seed.Name;
                candidate.Headline = seed.Headline;
                db.CandidatePdfs.Add(new CandidatePdf { CandidateId = candidate.Id, Anonymised = false, Content = Pdf($"Named profile {seed.Name}"), CreatedAt = now });
                if (!seed.WithoutAnonymisedPdf)
                {
                    db.CandidatePdfs.Add(new CandidatePdf { CandidateId = candidate.Id, Anonymised = true, Content = Pdf($"Anonymised profile {seed.ApplicantId}"), CreatedAt = now });
                }

                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(seed), seed.Status, null);
        }
    }
}
