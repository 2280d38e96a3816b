using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using ParseJobs.Api.Hosting;
using ParseJobs.Api.Jobs;
using ParseJobs.Api.Parsers;
using ParseJobs.Api.Persistence;
using ParseJobs.Extraction.Cv;
using ParseJobs.Extraction.Parsing;

namespace ParseJobs.Api.Batches;

/// <summary>
/// A candidate's CV profile: from <c>cv_profile_cache</c> when the organisation had the same document (SHA-256)
/// parsed before, else parsed exactly as <c>Cv/CvParseJob.cs</c> does (the isolated parser, its limits, no images)
/// and stored for the next batch. A document that cannot be parsed throws the parser's
/// <see cref="DocumentParseException"/>, which fails that item alone.
/// </summary>
public sealed class CvProfileCache(
    ParseJobsDbContext db, IDocumentParser parser, IOptions<ParsingOptions> parsing, IOptions<ResultOptions> results, TimeProvider clock)
{
    private static readonly CvProfileProduct Product = new();

    public async Task<CvProfile> GetOrParseAsync(Guid organisationId, byte[] content, DocumentType type, string? sha256, CancellationToken ct)
    {
        var sha = sha256 ?? Convert.ToHexStringLower(SHA256.HashData(content));
        var cached = await db.CvProfileCache.AsNoTracking()
            .Where(c => c.OrganisationId == organisationId && c.Sha256 == sha).Select(c => c.Profile).SingleOrDefaultAsync(ct);
        if (cached is not null && Read(cached) is { } hit)
        {
            return hit;
        }

        var limits = parsing.Value.Limits() with { MaxImages = 0, MaxResultBytes = results.Value.MaxResultBytes };
        var parsed = await parser.ParseAsync(content, type, limits, Product, progress: null, ct);
        var json = Encoding.UTF8.GetString(parsed.Json);
        var profile = Read(json) ?? throw new JobFailedException(ErrorCodes.InternalError, "The parser's CV profile could not be read.");
        // Two items with one document at once: both parsed it, the first insert is kept (the same bytes parse the same).
        await db.Database.ExecuteSqlAsync($"""
            INSERT INTO parsejobs.cv_profile_cache (organisation_id, sha256, profile, created_at)
            VALUES ({organisationId}, {sha}, {json}::json, {clock.GetUtcNow()})
            ON CONFLICT (organisation_id, sha256) DO NOTHING
            """, ct);
        return profile;
    }

    private static CvProfile? Read(string json)
    {
        try
        {
            return JsonSerializer.Deserialize<CvProfile>(json, JsonSetup.Wire);
        }
        catch (JsonException)
        {
            return null; // an older shape: parsed again
        }
    }
}
