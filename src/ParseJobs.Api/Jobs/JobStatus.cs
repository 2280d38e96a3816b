namespace ParseJobs.Api.Jobs;

/// <summary>pending → running → completed | failed. Transitions live on <see cref="Job"/> only.</summary>
public enum JobStatus
{
    Pending,
    Running,
    Completed,
    Failed,
}

/// <summary>What a job does; each kind has its own submit endpoint and Hangfire job class.</summary>
public enum JobKind
{
    /// <summary>A CV to a candidate profile (POST /v1/parse).</summary>
    CvParse,

    /// <summary>A document to its layout model: segments, chunks, markdown (POST /v1/documents).</summary>
    DocumentParse,

    /// <summary>CVs ranked against a job description, one item per candidate (POST /api/v1/batch-jobs).</summary>
    BatchMatch,

    /// <summary>The applicants of an ATS project imported, one item per candidate: applicant and CV fetched from the
    /// ATS, parsed, profile PDFs rendered (POST /v1/ats/create-pdf).</summary>
    AtsImport,
}
