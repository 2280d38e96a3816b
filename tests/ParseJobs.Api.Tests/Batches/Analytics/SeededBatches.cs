using System.Text.Json;
using ParseJobs.Api.Jobs;
using ParseJobs.Api.Jobs.Items;
using ParseJobs.Api.Persistence;
using ParseJobs.Extraction.Matching;

namespace ParseJobs.Api.Tests.Batches.Analytics;

/// <summary>One candidate of a seeded batch: a match with its score and skills, or an error.</summary>
public sealed record SeedCandidate(string FileName, double? Score, string? Error = null)
{
    public IReadOnlyList<SkillMatch> Matches { get; init; } = [];

    public IReadOnlyList<SkillGap> Gaps { get; init; } = [];

    public static SeedCandidate Scored(string fileName, double score, params (string Name, bool IsCore)[] gaps) =>
        new(fileName, score) { Gaps = gaps.Select(g => new SkillGap { Name = g.Name, IsCore = g.IsCore }).ToList() };

    public static SeedCandidate Failed(string fileName, string error = "The file is not a PDF, DOCX or TXT document.") =>
        new(fileName, null, error);
}

/// <summary>Batches written through the DbContext and the entities' own transitions, as the batch job stores them:
/// a <see cref="JobKind.BatchMatch"/> job with one item per candidate whose result is a <see cref="CandidateMatch"/>.</summary>
public static class SeededBatches
{
    public static async Task<Guid> SeedAsync(
        IServiceProvider services, Guid organisationId, DateTimeOffset createdAt, string? jobId,
        IReadOnlyList<SeedCandidate> candidates, double executionSeconds = 10, string? failBatchWith = null)
    {
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ParseJobsDbContext>();
        var job = Job.Create(organisationId, JobKind.BatchMatch, documentId: null, jobId, createdAt, totalItems: candidates.Count);
        job.TryStart(createdAt);
        var ended = createdAt.AddSeconds(executionSeconds);
        for (var seq = 0; seq < candidates.Count; seq++)
        {
            var candidate = candidates[seq];
            var item = JobItem.Create(job.Id, seq, chunkSize: 25, candidate.FileName, documentId: null, input: null, createdAt);
            item.TryStart(createdAt, maxAttempts: 3);
            if (candidate.Score is { } score)
            {
                item.Complete(JsonSerializer.Serialize(Match(candidate, score)), score, ended);
            }
            else
            {
                item.Fail("UNSUPPORTED_FILE_TYPE", candidate.Error ?? "error", ended);
            }

            db.JobItems.Add(item);
        }

        if (failBatchWith is not null)
        {
            job.Fail("SOURCE_UNREACHABLE", failBatchWith, ended);
        }
        else
        {
            job.Complete(ended);
        }

        db.Jobs.Add(job);
        await db.SaveChangesAsync();
        return job.Id;
    }

    public static CandidateMatch Match(SeedCandidate candidate, double score) => new()
    {
        MatchScore = new MatchScore
        {
            OverallScore = score,
            SkillMatchPercentage = score,
            CoreSkillMatchPercentage = score,
            RoleMatchPercentage = 100,
            QualificationMatchPercentage = 50,
            SectorMatchPercentage = 0,
        },
        MatchResultsSummary = new MatchResultsSummary
        {
            Skills = new SkillsComparison { Matches = candidate.Matches, Gaps = candidate.Gaps },
        },
    };
}
