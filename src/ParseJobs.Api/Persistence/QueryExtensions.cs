using Microsoft.EntityFrameworkCore;
using ParseJobs.Api.Auth;
using ParseJobs.Api.Jobs;
using ParseJobs.Extraction.Parsing;

namespace ParseJobs.Api.Persistence;

public static class QueryExtensions
{
    /// <summary>The tenant filter: another organisation's row is as unknown as one that never existed.</summary>
    public static IQueryable<T> OwnedBy<T>(this IQueryable<T> rows, Tenant tenant)
        where T : class, IOrganisationOwned =>
        rows.Where(r => r.OrganisationId == tenant.OrganisationId);

    /// <summary>The bytes and type of a job's (or item's) document; DOCUMENT_CORRUPT when it is gone.</summary>
    public static async Task<(byte[] Content, DocumentType Type)> LoadDocumentAsync(this ParseJobsDbContext db, Guid? documentId, CancellationToken ct)
    {
        var document = await db.Documents.AsNoTracking()
            .Where(d => d.Id == documentId)
            .Select(d => new { d.Content, d.DetectedType })
            .SingleOrDefaultAsync(ct)
            ?? throw new JobFailedException(ErrorCodes.DocumentCorrupt, "The job's document no longer exists.");
        return document.DetectedType is { } type
            ? (document.Content, type)
            : throw new JobFailedException(ErrorCodes.UnsupportedType, "The job's file is not a document to parse.");
    }
}
