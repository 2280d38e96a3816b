using Microsoft.EntityFrameworkCore;
using Npgsql;
using NpgsqlTypes;
using ParseJobs.Api.Auth;
using ParseJobs.Api.Jobs;
using ParseJobs.Api.Jobs.Items;
using ParseJobs.Api.Persistence;

namespace ParseJobs.Api.Batches.Analytics;

/// <summary>
/// The figures of <c>GET /api/v1/analytics</c>, computed by PostgreSQL: four aggregate queries over the organisation's
/// batches in the range (the (organisation_id, created_at) index) and their items (the (job_id, seq) key). Nothing is
/// loaded per candidate: the gaps are read from the items' result JSON by json operators, and every answer is bounded
/// (10 buckets, 10 gaps, <see cref="MaxJobIds"/> job_ids). The database's command timeout bounds the time.
/// </summary>
public static class BatchAnalytics
{
    /// <summary>At most this many job_ids are listed (the most recently used); the answer says when there were more.</summary>
    public const int MaxJobIds = 100;

    public const int MaxGaps = 10;

    public const int BucketCount = 10;

    // The batches of the range, then one row per batch with its items' counts (items counted once per batch, so
    // that the per-candidate time divides each batch's execution time by its own candidates).
    private const string PerBatch = """
        WITH batches AS (
            SELECT j.id, j.data_id, j.status, j.created_at, j.execution_time_seconds
            FROM parsejobs.jobs j
            WHERE j.organisation_id = @org AND j.kind = @kind AND j.created_at >= @from
              AND (@filter = '' OR j.data_id = @filter)
        ),
        per_batch AS (
            SELECT b.id, b.data_id, b.status, b.created_at, b.execution_time_seconds,
                   count(i.seq) FILTER (WHERE i.status IN (@item_completed, @item_failed)) AS processed,
                   count(i.seq) FILTER (WHERE i.status = @item_failed) AS failed,
                   count(i.overall_score) AS scored,
                   sum(i.overall_score) AS score_sum,
                   count(i.seq) FILTER (WHERE i.overall_score >= 70) AS above_70,
                   count(i.seq) FILTER (WHERE i.overall_score >= 80) AS above_80,
                   count(i.seq) FILTER (WHERE i.overall_score >= 90) AS above_90
            FROM batches b LEFT JOIN parsejobs.job_items i ON i.job_id = b.id
            GROUP BY b.id, b.data_id, b.status, b.created_at, b.execution_time_seconds
        )
        """;

    // Shared by the totals and the per-job_id rows: the same figures over a set of per_batch rows.
    private const string Figures = """
        count(*)::int AS total_batches,
        coalesce(sum(processed), 0)::int AS candidates_processed,
        coalesce(sum(scored), 0)::int AS candidates_scored,
        coalesce(sum(failed), 0)::int AS candidates_failed,
        round((sum(score_sum) / nullif(sum(scored), 0))::numeric, 1)::float8 AS average_score,
        coalesce(sum(above_70), 0)::int AS candidates_above70,
        coalesce(sum(above_80), 0)::int AS candidates_above80,
        coalesce(sum(above_90), 0)::int AS candidates_above90,
        round((sum(execution_time_seconds) FILTER (WHERE status = @completed AND processed > 0)
              / nullif(sum(processed) FILTER (WHERE status = @completed AND processed > 0), 0))::numeric, 3)::float8
            AS seconds_per_candidate,
        count(*) FILTER (WHERE status = @completed)::int AS completed_batches,
        count(*) FILTER (WHERE status = @failed)::int AS failed_batches,
        max(created_at) AS last_batch_at
        """;

    private const string TotalsSql = PerBatch + $"""
        SELECT NULL::text AS job_id, {Figures}, 0 AS job_ids
        FROM per_batch
        """;

    private const string ByJobIdSql = PerBatch + $"""
        SELECT data_id AS job_id, {Figures}, count(*) OVER ()::int AS job_ids
        FROM per_batch
        GROUP BY data_id
        ORDER BY max(created_at) DESC, data_id
        LIMIT @max_job_ids
        """;

    private const string BucketsSql = PerBatch + """
        SELECT least(greatest(floor(i.overall_score / 10), 0), 9)::int AS bucket, count(*)::int AS count
        FROM batches b JOIN parsejobs.job_items i ON i.job_id = b.id
        WHERE i.overall_score IS NOT NULL
        GROUP BY 1
        """;

    // A gap is {"name", "is_core"} in match_results_summary.skills.gaps (ParseJobs.Extraction.Matching.MatchWire).
    // Results that are not of that shape (none should be) count no gaps instead of failing the query.
    private const string GapsSql = PerBatch + """
        , gaps AS (
            SELECT i.result -> 'match_results_summary' -> 'skills' -> 'gaps' AS list
            FROM batches b JOIN parsejobs.job_items i ON i.job_id = b.id
            WHERE i.overall_score IS NOT NULL
        )
        SELECT g.value ->> 'name' AS name, count(*)::int AS candidates
        FROM gaps
        CROSS JOIN LATERAL json_array_elements(CASE WHEN json_typeof(gaps.list) = 'array' THEN gaps.list ELSE '[]'::json END) g
        WHERE json_typeof(g.value) = 'object' AND g.value ->> 'is_core' = 'true' AND coalesce(g.value ->> 'name', '') <> ''
        GROUP BY 1
        ORDER BY 2 DESC, 1
        LIMIT @max_gaps
        """;

    public static async Task<AnalyticsResponse> ComputeAsync(
        ParseJobsDbContext db, Tenant tenant, AnalyticsTimeRange range, string? jobFilter, DateTimeOffset now, CancellationToken ct)
    {
        var from = now - AnalyticsTimeRanges.Length(range);
        NpgsqlParameter[] Parameters() =>
        [
            new("org", NpgsqlDbType.Uuid) { Value = tenant.OrganisationId },
            new("kind", NpgsqlDbType.Text) { Value = nameof(JobKind.BatchMatch) },
            new("from", NpgsqlDbType.TimestampTz) { Value = from.UtcDateTime },
            new("filter", NpgsqlDbType.Text) { Value = jobFilter ?? "" },
            new("completed", NpgsqlDbType.Text) { Value = nameof(JobStatus.Completed) },
            new("failed", NpgsqlDbType.Text) { Value = nameof(JobStatus.Failed) },
            new("item_completed", NpgsqlDbType.Text) { Value = nameof(JobItemStatus.Completed) },
            new("item_failed", NpgsqlDbType.Text) { Value = nameof(JobItemStatus.Failed) },
            new("max_job_ids", NpgsqlDbType.Integer) { Value = MaxJobIds },
            new("max_gaps", NpgsqlDbType.Integer) { Value = MaxGaps },
        ];

        var totals = (await db.Database.SqlQueryRaw<FiguresRow>(TotalsSql, Parameters()).ToListAsync(ct)).Single();
        var byJobId = await db.Database.SqlQueryRaw<FiguresRow>(ByJobIdSql, Parameters()).ToListAsync(ct);
        var buckets = (await db.Database.SqlQueryRaw<BucketRow>(BucketsSql, Parameters()).ToListAsync(ct))
            .ToDictionary(b => b.Bucket, b => b.Count);
        var gaps = await db.Database.SqlQueryRaw<GapRow>(GapsSql, Parameters()).ToListAsync(ct);

        return new AnalyticsResponse
        {
            TimeRange = AnalyticsTimeRanges.Name(range),
            JobFilter = jobFilter,
            From = from,
            To = now,
            TotalBatches = totals.TotalBatches,
            CompletedBatches = totals.CompletedBatches,
            FailedBatches = totals.FailedBatches,
            CandidatesProcessed = totals.CandidatesProcessed,
            CandidatesScored = totals.CandidatesScored,
            CandidatesFailed = totals.CandidatesFailed,
            AverageScore = totals.AverageScore,
            CandidatesAbove70 = totals.CandidatesAbove70,
            CandidatesAbove80 = totals.CandidatesAbove80,
            CandidatesAbove90 = totals.CandidatesAbove90,
            ScoreDistribution = Enumerable.Range(0, BucketCount).Select(b => new ScoreBucket
            {
                Range = $"{b * 10}-{(b + 1) * 10}",
                Min = b * 10,
                Max = (b + 1) * 10,
                Count = buckets.GetValueOrDefault(b),
            }).ToList(),
            TopCoreSkillGaps = gaps.Select(g => new SkillGapCount
            {
                Name = g.Name,
                Candidates = g.Candidates,
                Percentage = totals.CandidatesScored == 0 ? 0 : Math.Round(100.0 * g.Candidates / totals.CandidatesScored, 1),
            }).ToList(),
            AverageProcessingSecondsPerCandidate = totals.SecondsPerCandidate,
            ByJobId = byJobId.Select(j => new JobIdAnalytics
            {
                JobId = j.JobId,
                TotalBatches = j.TotalBatches,
                CandidatesProcessed = j.CandidatesProcessed,
                CandidatesScored = j.CandidatesScored,
                AverageScore = j.AverageScore,
                CandidatesAbove70 = j.CandidatesAbove70,
                CandidatesAbove80 = j.CandidatesAbove80,
                CandidatesAbove90 = j.CandidatesAbove90,
                AverageProcessingSecondsPerCandidate = j.SecondsPerCandidate,
                LastBatchAt = j.LastBatchAt ?? now,
            }).ToList(),
            ByJobIdTruncated = byJobId.Count > 0 && byJobId[0].JobIds > byJobId.Count,
        };
    }

    // Rows read by SqlQueryRaw (snake_case columns by the naming convention: CandidatesAbove70 is candidates_above70): the totals are the row without a job_id.
    private sealed class FiguresRow
    {
        public string? JobId { get; init; }
        public int TotalBatches { get; init; }
        public int CompletedBatches { get; init; }
        public int FailedBatches { get; init; }
        public int CandidatesProcessed { get; init; }
        public int CandidatesScored { get; init; }
        public int CandidatesFailed { get; init; }
        public double? AverageScore { get; init; }
        public int CandidatesAbove70 { get; init; }
        public int CandidatesAbove80 { get; init; }
        public int CandidatesAbove90 { get; init; }
        public double? SecondsPerCandidate { get; init; }
        public DateTimeOffset? LastBatchAt { get; init; }
        public int JobIds { get; init; }
    }

    private sealed class BucketRow
    {
        public int Bucket { get; init; }
        public int Count { get; init; }
    }

    private sealed class GapRow
    {
        public string Name { get; init; } = "";
        public int Candidates { get; init; }
    }
}
