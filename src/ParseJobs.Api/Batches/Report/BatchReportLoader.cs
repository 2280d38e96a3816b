using ParseJobs.Api.Auth;

namespace ParseJobs.Api.Batches.Report;

/// <summary>Reads what the report shows: the batch's results, best first, in pages, up to <see cref="MaxCandidates"/>
/// candidates (a page a browser renders and prints in a few seconds; the results endpoint pages through the rest).</summary>
public static class BatchReportLoader
{
    public const int MaxCandidates = 1000;

    private const int PageSize = 100;

    /// <summary>Null when the batch does not exist for this organisation.</summary>
    public static async Task<BatchReportModel?> LoadAsync(BatchResultsReader reader, Tenant tenant, Guid id, DateTimeOffset now, CancellationToken ct)
    {
        BatchResultsResponse? first = null;
        var items = new List<BatchProcessedItem>();
        while (items.Count < MaxCandidates)
        {
            var page = await reader.ReadAsync(tenant, id, items.Count, Math.Min(PageSize, MaxCandidates - items.Count), minScore: null, ct);
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
}
