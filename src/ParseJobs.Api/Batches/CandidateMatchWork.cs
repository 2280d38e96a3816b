using System.Text;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using ParseJobs.Api.Jobs;
using ParseJobs.Api.Jobs.Items;
using ParseJobs.Api.Persistence;
using ParseJobs.Extraction.Matching;
using ParseJobs.Extraction.Parsing;

namespace ParseJobs.Api.Batches;

/// <summary>
/// One candidate of a batch: its CV profile (<see cref="CvProfileCache"/>: parsed once per organisation and
/// document), matched against the batch's job analysis (<see cref="CandidateMatcher"/>). The item's result is the
/// <see cref="CandidateMatch"/>, its overall score the sortable column. Resume text given as text is parsed as a TXT
/// document.
/// </summary>
public sealed class CandidateMatchWork(ParseJobsDbContext db, CvProfileCache profiles, BatchAnalyses analyses, CandidateMatcher matcher)
    : IJobItemWork<CandidateMatch>
{
    public async Task<JobItemOutput<CandidateMatch>> RunAsync(JobItemContext item, CancellationToken ct)
    {
        var analysis = await analyses.GetAsync(item.Job.Id, ct);
        var organisationId = item.Job.OrganisationId;
        Extraction.Cv.CvProfile profile;
        if (item.Item.DocumentId is { } documentId)
        {
            var document = await db.Documents.AsNoTracking().Where(d => d.Id == documentId)
                .Select(d => new { d.Content, d.DetectedType, d.Sha256 }).SingleOrDefaultAsync(ct)
                ?? throw new JobFailedException(ErrorCodes.DocumentCorrupt, "The candidate's document no longer exists.");
            var type = document.DetectedType
                ?? throw new JobFailedException(ErrorCodes.UnsupportedType, "The candidate's file is not a CV document.");
            profile = await profiles.GetOrParseAsync(organisationId, document.Content, type, document.Sha256, ct);
        }
        else
        {
            var input = item.Item.Input is { } json ? JsonSerializer.Deserialize<CandidateInput>(json) : null;
            var text = input?.ResumeText;
            if (string.IsNullOrWhiteSpace(text))
            {
                throw new JobFailedException(ErrorCodes.NotACandidate, "The candidate has no resume: neither a document nor resume text.");
            }

            profile = await profiles.GetOrParseAsync(organisationId, Encoding.UTF8.GetBytes(text), DocumentType.Txt, sha256: null, ct);
        }

        var match = matcher.Match(analysis, profile);
        return new JobItemOutput<CandidateMatch>(match) { OverallScore = match.MatchScore.OverallScore };
    }
}

/// <summary>The job analyses of the batches a chunk runs (scoped: one read per chunk, not per candidate).</summary>
public sealed class BatchAnalyses(ParseJobsDbContext db)
{
    private readonly Dictionary<Guid, JobAnalysis> _byJob = [];

    public async Task<JobAnalysis> GetAsync(Guid jobId, CancellationToken ct)
    {
        if (_byJob.TryGetValue(jobId, out var known))
        {
            return known;
        }

        var json = await db.Batches.AsNoTracking().Where(b => b.JobId == jobId).Select(b => b.Analysis).SingleOrDefaultAsync(ct)
            ?? throw new JobFailedException(ErrorCodes.InternalError, "The batch's job analysis is missing.");
        var analysis = JobAnalysisCache.Read(json) ?? throw new JobFailedException(ErrorCodes.InternalError, "The batch's job analysis cannot be read.");
        _byJob[jobId] = analysis;
        return analysis;
    }
}
