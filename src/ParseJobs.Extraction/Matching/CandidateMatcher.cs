using ParseJobs.Extraction.Cv;

namespace ParseJobs.Extraction.Matching;

/// <summary>Scores one candidate profile against a job analysis (docs/MATCHING.md). Pure and deterministic.</summary>
public sealed class CandidateMatcher
{
    public CandidateMatch Match(JobAnalysis job, CvProfile profile) => throw new NotSupportedException("matching: in progress on the batch branch");
}
