using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using ParseJobs.Api.Auth;
using ParseJobs.Api.Hosting;
using ParseJobs.Api.Jobs;
using ParseJobs.Api.Jobs.Items;
using ParseJobs.Api.Persistence;
using ParseJobs.Extraction.Matching;

namespace ParseJobs.Api.Batches;

/// <summary>
/// The reads of a batch: its status, and its results page: candidates that ended so far, scored ones first by
/// overall score (best first, ties by their order in the source), then the ones that failed, in source order; the
/// summary over the whole batch, not the page. Null for a batch that is not the tenant's (the same 404 for both).
/// </summary>
public sealed class BatchResultsReader(ParseJobsDbContext db)
{
    public const int MaxLimit = 500;
    public const int DefaultLimit = 100;

    public async Task<BatchStatusResponse?> ReadStatusAsync(Tenant tenant, Guid id, CancellationToken ct)
    {
        var head = await HeadAsync(tenant, id, ct);
        return head is null ? null : Status(head.Value.Job, head.Value.UserId);
    }

    public async Task<BatchResultsResponse?> ReadAsync(Tenant tenant, Guid id, int skip, int limit, double? minScore, CancellationToken ct)
    {
        var head = await HeadAsync(tenant, id, ct);
        if (head is not { Job: var job, UserId: var userId })
        {
            return null;
        }

        var analysis = await db.Batches.AsNoTracking().Where(b => b.JobId == id).Select(b => b.Analysis).SingleOrDefaultAsync(ct);
        var model = analysis is null ? null : JobAnalysisCache.Read(analysis);
        var ended = db.JobItems.AsNoTracking().Where(i => i.JobId == id && (i.Status == JobItemStatus.Completed || i.Status == JobItemStatus.Failed));
        if (minScore is { } min)
        {
            ended = ended.Where(i => i.Status == JobItemStatus.Completed && i.OverallScore >= min);
        }

        var page = await ended
            .OrderBy(i => i.Status == JobItemStatus.Failed ? 1 : 0).ThenByDescending(i => i.OverallScore).ThenBy(i => i.Seq)
            .Skip(skip).Take(limit)
            .Select(i => new { i.SourceName, i.Input, i.Result, i.Status, i.ErrorMessage })
            .ToListAsync(ct);
        var status = Status(job, userId);
        return new BatchResultsResponse
        {
            BatchJobId = job.Id,
            UserId = userId,
            Status = status.Status,
            JobTitle = model?.Title ?? "",
            JobSummary = model?.Summary ?? "",
            TotalCandidates = status.TotalCandidates,
            ProcessedCandidates = status.ProcessedCandidates,
            CreatedAt = job.CreatedAt,
            UpdatedAt = job.UpdatedAt,
            CompletedAt = status.CompletedAt,
            ErrorMessage = job.ErrorMessage,
            SummaryStats = await SummaryAsync(id, status.TotalCandidates, ct),
            ProcessedItems = [.. page.Select(i => Item(i.SourceName, i.Input, i.Result, i.Status, i.ErrorMessage))],
        };
    }

    private async Task<(Job Job, long UserId)?> HeadAsync(Tenant tenant, Guid id, CancellationToken ct)
    {
        var job = await db.FindOwnedAsync(tenant, id, ct);
        if (job is not { Kind: JobKind.BatchMatch })
        {
            return null;
        }

        var userId = await db.Organisations.AsNoTracking().Where(o => o.Id == tenant.OrganisationId).Select(o => o.Number).SingleAsync(ct);
        return (job, userId);
    }

    /// <summary>The status shape (one place for the words: <see cref="ProcessingWire"/>).</summary>
    public static BatchStatusResponse Status(Job job, long userId)
    {
        var total = job.TotalItems ?? 0;
        var processed = job.ProcessedItems ?? 0;
        var progress = total > 0 ? Math.Round(100.0 * processed / total, 1) : job.Status == JobStatus.Completed ? 100.0 : 0.0;
        return new BatchStatusResponse
        {
            BatchJobId = job.Id,
            UserId = userId,
            Status = ProcessingWire.Name(job.Status),
            TotalCandidates = total,
            ProcessedCandidates = processed,
            ProgressPercentage = progress,
            CreatedAt = job.CreatedAt,
            UpdatedAt = job.UpdatedAt,
            CompletedAt = job.CompletedAt ?? job.FailedAt,
            ErrorMessage = job.ErrorMessage,
        };
    }

    public static BatchSubmitResponse Submitted(Job job, long userId) => new()
    {
        BatchJobId = job.Id,
        UserId = userId,
        Status = ProcessingWire.Name(job.Status),
        TotalCandidates = job.TotalItems ?? 0,
        ProcessedCandidates = job.ProcessedItems ?? 0,
        CreatedAt = job.CreatedAt,
        UpdatedAt = job.UpdatedAt,
    };

    // One aggregate over the batch's ended items (the (job_id, overall_score) index serves it).
    private async Task<BatchSummaryStats> SummaryAsync(Guid id, int total, CancellationToken ct)
    {
        var completed = JobItemStatus.Completed.ToString();
        var failed = JobItemStatus.Failed.ToString();
        var row = (await db.Database.SqlQuery<SummaryRow>($"""
            SELECT count(*) FILTER (WHERE status = {completed}) AS successful,
                   count(*) FILTER (WHERE status = {failed}) AS errors,
                   avg(overall_score) FILTER (WHERE status = {completed}) AS average,
                   max(overall_score) FILTER (WHERE status = {completed}) AS highest,
                   min(overall_score) FILTER (WHERE status = {completed}) AS lowest,
                   count(*) FILTER (WHERE status = {completed} AND overall_score >= 70) AS above70,
                   count(*) FILTER (WHERE status = {completed} AND overall_score >= 80) AS above80,
                   count(*) FILTER (WHERE status = {completed} AND overall_score >= 90) AS above90
            FROM parsejobs.job_items WHERE job_id = {id}
            """).ToListAsync(ct)).Single();
        return new BatchSummaryStats
        {
            TotalCandidates = total,
            SuccessfulMatches = (int)row.Successful,
            ErrorCount = (int)row.Errors,
            AverageScore = row.Average is { } average ? Math.Round(average, 1) : null,
            HighestScore = row.Highest,
            LowestScore = row.Lowest,
            CandidatesAbove70 = (int)row.Above70,
            CandidatesAbove80 = (int)row.Above80,
            CandidatesAbove90 = (int)row.Above90,
        };
    }

    private static BatchProcessedItem Item(string sourceName, string? input, string? result, JobItemStatus status, string? error)
    {
        var candidate = input is null ? null : JsonSerializer.Deserialize<CandidateInput>(input);
        var match = status == JobItemStatus.Completed && result is not null ? JsonSerializer.Deserialize<CandidateMatch>(result) : null;
        return new BatchProcessedItem
        {
            CandidateIdInternal = candidate?.CandidateId,
            OriginalFilename = sourceName,
            MatchScore = match?.MatchScore,
            MatchResultsSummary = match?.MatchResultsSummary,
            Error = status == JobItemStatus.Failed ? error ?? "The candidate could not be processed." : null,
        };
    }

    // Read from the aggregate's columns (snake_case names as written).
    private sealed class SummaryRow
    {
        public long Successful { get; init; }
        public long Errors { get; init; }
        public double? Average { get; init; }
        public double? Highest { get; init; }
        public double? Lowest { get; init; }
        public long Above70 { get; init; }
        public long Above80 { get; init; }
        public long Above90 { get; init; }
    }
}
