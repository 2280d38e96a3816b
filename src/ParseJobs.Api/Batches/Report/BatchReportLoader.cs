using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using ParseJobs.Api.Auth;
using ParseJobs.Api.Hosting;
using ParseJobs.Api.Jobs;
using ParseJobs.Api.Jobs.Items;
using ParseJobs.Api.Persistence;
using ParseJobs.Extraction.Matching;

namespace ParseJobs.Api.Batches.Report;

/// <summary>Reads what the report shows: the batch's results, best first, in pages, up to <see cref="MaxCandidates"/>
/// candidates (a page a browser renders and prints in a few seconds; the results endpoint pages through the rest).</summary>
public static class BatchReportLoader
{
    public const int MaxCandidates = 1000;

    private const int PageSize = 100;

    /// <summary>Null when the batch does not exist for this organisation.</summary>
    public static async Task<BatchReportModel?> LoadAsync(ParseJobsDbContext db, Tenant tenant, Guid id, DateTimeOffset now, CancellationToken ct)
    {
        BatchResultsResponse? first = null;
        var items = new List<BatchProcessedItem>();
        while (items.Count < MaxCandidates)
        {
            var page = await ReadPageAsync(db, tenant, id, items.Count, Math.Min(PageSize, MaxCandidates - items.Count), ct);
            if (page is null)
            {
                return null;
            }

            first ??= page;
            items.AddRange(page.ProcessedItems);
            if (page.ProcessedItems.Count == 0 || items.Count >= page.TotalCandidates)
            {
                break;
            }
        }

        var results = first! with { ProcessedItems = items };
        return new BatchReportModel(results, Truncated: items.Count < first.TotalCandidates && items.Count >= MaxCandidates, now);
    }

    // TODO(batch-core): BatchResultsReader.ReadAsync(tenant, id, skip, limit, minScore: null, ct) once it is on the batch
    // branch; this stand-in reads the same rows so that the page and its tests can be built first.
    private static async Task<BatchResultsResponse?> ReadPageAsync(ParseJobsDbContext db, Tenant tenant, Guid id, int skip, int limit, CancellationToken ct)
    {
        var job = await db.Jobs.OwnedBy(tenant).AsNoTracking().SingleOrDefaultAsync(j => j.Id == id && j.Kind == JobKind.BatchMatch, ct);
        if (job is null)
        {
            return null;
        }

        var items = db.JobItems.AsNoTracking().Where(i => i.JobId == id && (i.Status == JobItemStatus.Completed || i.Status == JobItemStatus.Failed));
        var scores = items.Where(i => i.OverallScore != null).Select(i => i.OverallScore!.Value);
        var page = await items.OrderByDescending(i => i.OverallScore != null).ThenByDescending(i => i.OverallScore).ThenBy(i => i.Seq)
            .Skip(skip).Take(limit).ToListAsync(ct);
        var scored = await scores.CountAsync(ct);
        return new BatchResultsResponse
        {
            BatchJobId = job.Id,
            Status = ProcessingWire.Name(job.Status),
            TotalCandidates = job.TotalItems ?? 0,
            ProcessedCandidates = job.ProcessedItems ?? 0,
            CreatedAt = job.CreatedAt,
            UpdatedAt = job.UpdatedAt,
            CompletedAt = job.CompletedAt,
            ErrorMessage = job.ErrorMessage,
            SummaryStats = new BatchSummaryStats
            {
                TotalCandidates = job.TotalItems ?? 0,
                SuccessfulMatches = scored,
                ErrorCount = await items.CountAsync(i => i.Status == JobItemStatus.Failed, ct),
                AverageScore = scored == 0 ? null : Math.Round(await scores.AverageAsync(ct), 1),
                HighestScore = scored == 0 ? null : await scores.MaxAsync(ct),
                LowestScore = scored == 0 ? null : await scores.MinAsync(ct),
                CandidatesAbove70 = await scores.CountAsync(s => s >= 70, ct),
                CandidatesAbove80 = await scores.CountAsync(s => s >= 80, ct),
                CandidatesAbove90 = await scores.CountAsync(s => s >= 90, ct),
            },
            ProcessedItems = page.Select(i =>
            {
                var match = i.Result is null ? null : JsonSerializer.Deserialize<CandidateMatch>(i.Result);
                return new BatchProcessedItem
                {
                    OriginalFilename = i.SourceName,
                    MatchScore = match?.MatchScore,
                    MatchResultsSummary = match?.MatchResultsSummary,
                    Error = i.ErrorMessage,
                };
            }).ToList(),
        };
    }
}
