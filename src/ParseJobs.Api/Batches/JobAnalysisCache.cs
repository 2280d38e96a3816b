using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using ParseJobs.Api.Persistence;
using ParseJobs.Extraction.Matching;

namespace ParseJobs.Api.Batches;

/// <summary>A job description is analysed once per organisation, client <c>job_id</c> and text (its SHA-256): a
/// recruiter who sends the same position again gets the same analysis, read from <c>job_analysis_cache</c>.</summary>
public sealed class JobAnalysisCache(ParseJobsDbContext db, JobDescriptionAnalyzer analyzer, TimeProvider clock)
{
    /// <summary>The analysis as stored JSON (the batch keeps this string) and as the model.</summary>
    public async Task<(string Json, JobAnalysis Analysis)> GetOrAnalyzeAsync(Guid organisationId, string? clientJobId, string text, CancellationToken ct)
    {
        var key = clientJobId ?? "";
        var sha = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)));
        var cached = await db.JobAnalysisCache.AsNoTracking()
            .Where(c => c.OrganisationId == organisationId && c.ClientJobId == key && c.TextSha256 == sha)
            .Select(c => c.Analysis).SingleOrDefaultAsync(ct);
        if (cached is not null && Read(cached) is { SchemaVersion: JobAnalysis.CurrentSchemaVersion } hit)
        {
            return (cached, hit);
        }

        var analysis = analyzer.Analyze(text);
        var json = JsonSerializer.Serialize(analysis);
        // Two submissions of one position at once: the first insert wins, both analyses are the same (deterministic).
        await db.Database.ExecuteSqlAsync($"""
            INSERT INTO parsejobs.job_analysis_cache (organisation_id, client_job_id, text_sha256, analysis, created_at)
            VALUES ({organisationId}, {key}, {sha}, {json}::json, {clock.GetUtcNow()})
            ON CONFLICT (organisation_id, client_job_id, text_sha256) DO UPDATE SET analysis = EXCLUDED.analysis, created_at = EXCLUDED.created_at
            """, ct);
        return (json, analysis);
    }

    public static JobAnalysis? Read(string json)
    {
        try
        {
            return JsonSerializer.Deserialize<JobAnalysis>(json);
        }
        catch (JsonException)
        {
            return null; // an older shape: analysed again
        }
    }
}
