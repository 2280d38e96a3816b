namespace ParseJobs.Api.Ats.Projects.ReadModel;

/// <summary>A project as the API and the page show it: its post, its owner and how far its imports are.</summary>
public sealed record ProjectView(
    Guid Id,
    string Name,
    ProjectOwnerView Owner,
    JobPostView? JobPost,
    DateTimeOffset CreatedAt,
    Guid ImportJobId,
    CandidateCounts Counts);

public sealed record ProjectOwnerView(Guid Id, string Email, string? Name);

/// <summary>The ATS job the project is for (create-pdf's <c>projectId</c>).</summary>
public sealed record JobPostView(string Id, string? Title, string? Description);

/// <summary>Candidates by import status.</summary>
public sealed record CandidateCounts(int Pending, int Importing, int Ready, int Failed)
{
    public int Total => Pending + Importing + Ready + Failed;

    /// <summary>Every import has ended (ready or failed): nothing will change any more.</summary>
    public bool AllEnded => Pending + Importing == 0;

    public static CandidateCounts Of(IEnumerable<CandidateStatus> statuses)
    {
        int pending = 0, importing = 0, ready = 0, failed = 0;
        foreach (var status in statuses)
        {
            switch (status)
            {
                case CandidateStatus.Pending: pending++; break;
                case CandidateStatus.Importing: importing++; break;
                case CandidateStatus.Ready: ready++; break;
                case CandidateStatus.Failed: failed++; break;
                default: throw new ArgumentOutOfRangeException(nameof(statuses), status, null);
            }
        }

        return new CandidateCounts(pending, importing, ready, failed);
    }
}

/// <summary>
/// One candidate with its import's status and reason. <see cref="ProfileJson"/> is the stored profile (wire JSON of
/// <see cref="Extraction.Cv.CvProfile"/>) when it was asked for and the import is ready.
/// </summary>
public sealed record CandidateView(
    Guid Id,
    Guid ProjectId,
    int Seq,
    string ApplicantId,
    CandidateStatus Status,
    string? Reason,
    string? Name,
    string? Headline,
    string? ProfileJson)
{
    /// <summary>"Candidate 3": what the anonymised PDF calls the candidate (1-based position in the project).</summary>
    public string AnonymousLabel => $"Candidate {Seq + 1}";

    public bool IsReady => Status == CandidateStatus.Ready;
}

/// <summary>A candidate's profile PDF, with the file name to download it under.</summary>
public sealed record CandidatePdfFile(byte[] Content, string FileName);

/// <summary>What a PDF lookup found: the file, or why there is none.</summary>
public abstract record PdfLookup
{
    private PdfLookup()
    {
    }

    /// <summary>No such candidate for this organisation (or project).</summary>
    public sealed record NoCandidate : PdfLookup;

    /// <summary>The candidate exists, but its import is not ready (pending, importing or failed).</summary>
    public sealed record NotReady(CandidateView Candidate) : PdfLookup;

    /// <summary>Ready, but no PDF of this variant is stored (its import stored none).</summary>
    public sealed record NoPdf(CandidateView Candidate) : PdfLookup;

    public sealed record Found(CandidateView Candidate, CandidatePdfFile File) : PdfLookup;
}
