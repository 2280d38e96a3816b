using Microsoft.EntityFrameworkCore;
using ParseJobs.Api.Auth;
using ParseJobs.Api.Jobs.Items;
using ParseJobs.Api.Persistence;

namespace ParseJobs.Api.Ats.Projects.ReadModel;

/// <summary>
/// The one place that reads projects: a project with its counts, its candidates, one candidate with its profile, one
/// PDF. The API (<see cref="ProjectEndpoints"/>) and the project page read through it. Every read is filtered by the
/// tenant: another organisation's project or candidate is as unknown as one that never existed. A candidate's status
/// and reason are its import item's (<see cref="CandidateStatuses"/>); an item not stored yet reads as pending.
/// </summary>
public sealed class ProjectReader(ParseJobsDbContext db)
{
    /// <summary>Null when the project does not exist for this organisation.</summary>
    public async Task<ProjectView?> GetProjectAsync(Tenant tenant, Guid projectId, CancellationToken ct)
    {
        var row = await db.Projects.OwnedBy(tenant).AsNoTracking()
            .Where(p => p.Id == projectId)
            .Join(db.Users, p => p.OwnerUserId, u => u.Id, (p, u) => new { Project = p, Owner = u })
            .SingleOrDefaultAsync(ct);
        if (row is null)
        {
            return null;
        }

        var statuses = await ItemStatuses(row.Project).ToListAsync(ct);
        var project = row.Project;
        return new ProjectView(
            project.Id, project.Name, new ProjectOwnerView(row.Owner.Id, row.Owner.Email, row.Owner.DisplayName),
            project.JobPostId is null ? null : new JobPostView(project.JobPostId, project.JobPostTitle, project.JobPostDescription),
            project.CreatedAt, project.JobId, CandidateCounts.Of(statuses.Select(Status)));
    }

    /// <summary>The project's candidates in their order; null when the project does not exist for this organisation.
    /// With <paramref name="withProfiles"/>, ready candidates carry their stored profile (for the page's summaries).</summary>
    public async Task<IReadOnlyList<CandidateView>?> GetCandidatesAsync(Tenant tenant, Guid projectId, bool withProfiles, CancellationToken ct)
    {
        var jobId = await db.Projects.OwnedBy(tenant).Where(p => p.Id == projectId).Select(p => (Guid?)p.JobId).SingleOrDefaultAsync(ct);
        if (jobId is null)
        {
            return null;
        }

        var rows = await (
                from c in db.ProjectCandidates.OwnedBy(tenant).AsNoTracking()
                where c.ProjectId == projectId
                join i in db.JobItems.Where(i => i.JobId == jobId) on c.Seq equals i.Seq into items
                from i in items.DefaultIfEmpty()
                orderby c.Seq
                select new CandidateRow(c.Id, c.ProjectId, c.Seq, c.ApplicantId, c.Name, c.Headline,
                    i == null ? (JobItemStatus?)null : i.Status, i == null ? null : i.ErrorMessage,
                    withProfiles && i != null && i.Status == JobItemStatus.Completed ? i.Result : null))
            .ToListAsync(ct);
        return rows.Select(r => r.ToView()).ToList();
    }

    /// <summary>One candidate with its stored profile; null when it does not exist for this organisation.</summary>
    public async Task<CandidateView?> GetCandidateAsync(Tenant tenant, Guid candidateId, CancellationToken ct)
    {
        var row = await (
                from c in db.ProjectCandidates.OwnedBy(tenant).AsNoTracking()
                where c.Id == candidateId
                join p in db.Projects on c.ProjectId equals p.Id
                join i in db.JobItems on new { p.JobId, c.Seq } equals new { i.JobId, i.Seq } into items
                from i in items.DefaultIfEmpty()
                select new CandidateRow(c.Id, c.ProjectId, c.Seq, c.ApplicantId, c.Name, c.Headline,
                    i == null ? (JobItemStatus?)null : i.Status, i == null ? null : i.ErrorMessage,
                    i != null && i.Status == JobItemStatus.Completed ? i.Result : null))
            .SingleOrDefaultAsync(ct);
        return row?.ToView();
    }

    /// <summary>A candidate's profile PDF (named or anonymised). With <paramref name="projectId"/>, a candidate of
    /// another project is <see cref="PdfLookup.NoCandidate"/> (the page grants one project only).</summary>
    public async Task<PdfLookup> GetPdfAsync(Tenant tenant, Guid candidateId, bool anonymised, Guid? projectId, CancellationToken ct)
    {
        var candidate = await GetCandidateAsync(tenant, candidateId, ct);
        if (candidate is null || (projectId is { } project && candidate.ProjectId != project))
        {
            return new PdfLookup.NoCandidate();
        }

        if (!candidate.IsReady)
        {
            return new PdfLookup.NotReady(candidate);
        }

        var content = await PdfContent(candidateId, anonymised).SingleOrDefaultAsync(ct);
        return content is null
            ? new PdfLookup.NoPdf(candidate)
            : new PdfLookup.Found(candidate, new CandidatePdfFile(content, ProfileFileNames.For(candidate, anonymised)));
    }

    /// <summary>The ready candidates of a project that have a PDF of the variant, in order, each PDF read only when
    /// it is its turn (a ZIP of a large project never holds every PDF in memory at once).</summary>
    public async IAsyncEnumerable<(CandidateView Candidate, byte[] Content)> ReadyPdfsAsync(
        Tenant tenant, Guid projectId, bool anonymised, [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken ct)
    {
        var candidates = await GetCandidatesAsync(tenant, projectId, withProfiles: false, ct) ?? [];
        foreach (var candidate in candidates.Where(c => c.IsReady))
        {
            var content = await PdfContent(candidate.Id, anonymised).SingleOrDefaultAsync(ct);
            if (content is not null)
            {
                yield return (candidate, content);
            }
        }
    }

    private IQueryable<byte[]> PdfContent(Guid candidateId, bool anonymised) =>
        db.CandidatePdfs.AsNoTracking().Where(p => p.CandidateId == candidateId && p.Anonymised == anonymised).Select(p => p.Content);

    // The statuses of the project's candidates' items (a candidate without an item yet is pending: null).
    private IQueryable<JobItemStatus?> ItemStatuses(Project project) =>
        from c in db.ProjectCandidates
        where c.ProjectId == project.Id
        join i in db.JobItems.Where(i => i.JobId == project.JobId) on c.Seq equals i.Seq into items
        from i in items.DefaultIfEmpty()
        select i == null ? (JobItemStatus?)null : i.Status;

    private static CandidateStatus Status(JobItemStatus? item) => item is { } status ? CandidateStatuses.From(status) : CandidateStatus.Pending;

    private sealed record CandidateRow(
        Guid Id, Guid ProjectId, int Seq, string ApplicantId, string? Name, string? Headline,
        JobItemStatus? ItemStatus, string? ErrorMessage, string? Result)
    {
        public CandidateView ToView()
        {
            var status = Status(ItemStatus);
            return new CandidateView(Id, ProjectId, Seq, ApplicantId, status, status == CandidateStatus.Failed ? ErrorMessage : null,
                Name, Headline, Result);
        }
    }
}
