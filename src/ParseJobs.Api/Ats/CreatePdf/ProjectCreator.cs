using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using ParseJobs.Api.Ats.Connections;
using ParseJobs.Api.Ats.Hr4You;
using ParseJobs.Api.Ats.Import;
using ParseJobs.Api.Ats.Projects;
using ParseJobs.Api.Jobs;
using ParseJobs.Api.Persistence;

namespace ParseJobs.Api.Ats.CreatePdf;

/// <summary>What create-pdf answers: a project (new or the retried one) with its candidates, or a problem.</summary>
public sealed record CreateOutcome(Project? Project, IReadOnlyList<CreatePdfCandidate> Candidates, bool IsNew, ProblemHttpResult? Problem)
{
    public static CreateOutcome Failed(ProblemHttpResult problem) => new(null, [], IsNew: false, problem);
}

/// <summary>
/// The steps of create-pdf (issue 12): the organisation's HR4YOU connection; an ATS retry answered with its project
/// before HR4YOU is called again; the consultant and the job post from HR4YOU; the user; then the import job with one
/// item per candidate, the project and the candidates as the draft's rows, in the submitter's one transaction.
/// Identical requests at once are serialised by a PostgreSQL advisory lock on the organisation and fingerprint (or
/// key), held around "look again, then create", so they make one project; a same key with another body racing in
/// meets the key's unique index and reads the winner.
/// </summary>
public sealed class ProjectCreator(
    ParseJobsDbContext db, AtsConnectionStore connections, IHr4YouClient hr4you, ExistingProjects existing, ConsultantUsers users,
    JobSubmitter submitter, TimeProvider clock)
{
    public async Task<CreateOutcome> CreateAsync(Guid organisationId, CreatePdfRequest request, string? idempotencyKey, HttpResponse response, CancellationToken ct)
    {
        var connection = await connections.GetHr4YouAsync(organisationId, ct);
        if (connection is null)
        {
            return CreateOutcome.Failed(AtsProblems.NoConnection());
        }

        var fingerprint = ExistingProjects.Fingerprint(request);
        if (await ReplayAsync(organisationId, idempotencyKey, fingerprint, ct) is { } replay)
        {
            return replay; // an ATS retry: HR4YOU is not asked again
        }

        Hr4YouConsultant? consultant;
        Hr4YouJobPost? post = null;
        try
        {
            consultant = await hr4you.GetConsultantAsync(connection, request.UserId, ct);
            if (consultant is null)
            {
                return CreateOutcome.Failed(AtsProblems.ConsultantNotFound(request.UserId));
            }

            if (request.ProjectId is { } jobId)
            {
                post = await hr4you.GetJobAsync(connection, jobId, ct);
                if (post is null)
                {
                    return CreateOutcome.Failed(AtsProblems.JobPostNotFound(jobId));
                }
            }

            return await CreateLockedAsync(organisationId, request, idempotencyKey, fingerprint, consultant, post, ct);
        }
        catch (Hr4YouException ex)
        {
            return CreateOutcome.Failed(AtsProblems.FromHr4You(ex, response));
        }
    }

    private async Task<CreateOutcome?> ReplayAsync(Guid organisationId, string? idempotencyKey, string fingerprint, CancellationToken ct)
    {
        var project = await existing.FindAsync(organisationId, idempotencyKey, fingerprint, ct);
        if (project is null)
        {
            return null;
        }

        return string.Equals(project.RequestFingerprint, fingerprint, StringComparison.Ordinal)
            ? new CreateOutcome(project, await existing.CandidatesAsync(project, ct), IsNew: false, Problem: null)
            : CreateOutcome.Failed(AtsProblems.KeyReused());
    }

    private async Task<CreateOutcome> CreateLockedAsync(
        Guid organisationId, CreatePdfRequest request, string? idempotencyKey, string fingerprint, Hr4YouConsultant consultant,
        Hr4YouJobPost? post, CancellationToken ct)
    {
        // A session lock on one held connection (not a transaction lock): the submitter commits its own transaction and
        // enqueues after the commit, and the lock must span both the second look and that commit.
        var lockKey = LockKey(organisationId, idempotencyKey ?? fingerprint);
        await db.Database.OpenConnectionAsync(ct);
        try
        {
            await db.Database.ExecuteSqlAsync($"SELECT pg_advisory_lock({lockKey})", ct);
            try
            {
                if (await ReplayAsync(organisationId, idempotencyKey, fingerprint, ct) is { } replay)
                {
                    return replay;
                }

                var ownerId = await users.FindOrProvisionAsync(organisationId, consultant, ct);
                var (project, projectId, _, candidates) = Draft(organisationId, request, idempotencyKey, fingerprint, ownerId, post);
                try
                {
                    await submitter.SubmitAsync(new JobDraft(organisationId, JobKind.AtsImport)
                    {
                        Items = [.. candidates.Select(c => new JobItemDraft($"{AtsSystems.Hr4You} applicant {c.ApplicantId}")
                        {
                            Input = JsonSerializer.Serialize(new CandidateImportInput(c.Id, c.ApplicantId)),
                        })],
                        Rows = job => [project(job.Id), .. candidates],
                    }, ct);
                }
                catch (DbUpdateException ex) when (ex.InnerException is PostgresException { SqlState: PostgresErrorCodes.UniqueViolation })
                {
                    // The same Idempotency-Key with another body won the race (its lock is another fingerprint's).
                    db.ChangeTracker.Clear();
                    return await ReplayAsync(organisationId, idempotencyKey, fingerprint, ct) ?? throw new InvalidOperationException("A project's unique key was taken, but no project has it.", ex);
                }

                var stored = await db.Projects.AsNoTracking().SingleAsync(p => p.Id == projectId, ct);
                return new CreateOutcome(stored, [.. candidates.Select(c => new CreatePdfCandidate(c.Id, c.ApplicantId, CandidateStatuses.Wire(CandidateStatus.Pending)))], IsNew: true, Problem: null);
            }
            finally
            {
                await db.Database.ExecuteSqlAsync($"SELECT pg_advisory_unlock({lockKey})", CancellationToken.None);
            }
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }

    /// <summary>The project (made once the job's id exists, in the draft's Rows) and its candidates.</summary>
    private (Func<Guid, Project> Project, Guid ProjectId, string Name, List<ProjectCandidate> Candidates) Draft(
        Guid organisationId, CreatePdfRequest request, string? idempotencyKey, string fingerprint, Guid ownerId, Hr4YouJobPost? post)
    {
        var now = clock.GetUtcNow();
        var projectId = Guid.CreateVersion7(now);
        var name = Bound(request.ProjectName ?? NonEmpty(post?.Title) ?? $"HR4YOU import {now.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture)} UTC", 300);
        Project ProjectOf(Guid jobId) => new()
        {
            Id = projectId,
            JobId = jobId,
            OrganisationId = organisationId,
            Name = name,
            OwnerUserId = ownerId,
            AtsSystem = AtsSystems.Hr4You,
            ConsultantId = request.UserId,
            JobPostId = request.ProjectId,
            JobPostTitle = post?.Title is { } title ? Bound(title, 500) : null,
            JobPostDescription = post?.Description,
            IdempotencyKey = idempotencyKey,
            RequestFingerprint = fingerprint,
            CreatedAt = now,
        };

        var candidates = request.ApplicantIds.Select((applicantId, seq) => new ProjectCandidate
        {
            Id = Guid.CreateVersion7(now),
            ProjectId = projectId,
            OrganisationId = organisationId,
            Seq = seq, // the import item's seq: JobSubmitter numbers items in list order
            AtsSystem = AtsSystems.Hr4You,
            ApplicantId = applicantId,
            CreatedAt = now,
        }).ToList();
        return (ProjectOf, projectId, name, candidates);
    }

    private static long LockKey(Guid organisationId, string key) =>
        BitConverter.ToInt64(SHA256.HashData(Encoding.UTF8.GetBytes($"ats-create-pdf\n{organisationId:N}\n{key}")), 0);

    private static string? NonEmpty(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();

    private static string Bound(string value, int max) => value.Length <= max ? value : value[..max];
}
