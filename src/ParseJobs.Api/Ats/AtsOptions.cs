using System.ComponentModel.DataAnnotations;

namespace ParseJobs.Api.Ats;

/// <summary>Settings of the ATS create-pdf flow (<c>Ats</c>). README "ATS create-pdf" lists them.</summary>
public sealed class AtsOptions
{
    public const string Section = "Ats";

    /// <summary>The same create-pdf request (organisation, consultant, applicant set, projectId) within this many
    /// minutes is an ATS retry: it answers with the project made the first time.</summary>
    [Range(0, 24 * 60)] public int RetryWindowMinutes { get; init; } = 10;

    /// <summary>The public base URL of the service for <c>redirectUrl</c> (e.g. <c>https://parsejobs.example</c>). When
    /// unset, the request's own scheme and host are used: forwarded headers are not trusted unless the host is set up
    /// for them, so behind a proxy set this.</summary>
    [Url] public string? PublicBaseUrl { get; init; }

    /// <summary>How long the project page link (<c>redirectUrl</c>'s token) is valid.</summary>
    [Range(1, 24 * 90)] public int PageLinkHours { get; init; } = 72;

    /// <summary>Most applicants one request may carry (after removing duplicates).</summary>
    [Range(1, 10_000)] public int MaxApplicants { get; init; } = 200;

    /// <summary>Time limit of one candidate's import (fetch, parse, two PDFs).</summary>
    [Range(5, 3_600)] public int ImportTimeoutSeconds { get; init; } = 180;

    /// <summary>Largest CV document downloaded from the ATS; a bigger one fails the candidate CV_DOCUMENT_TOO_LARGE.</summary>
    [Range(1, 200)] public int MaxCvMb { get; init; } = 20;

    public long MaxCvBytes => MaxCvMb * 1024L * 1024L;
}
