using ParseJobs.Extraction.Parsing;

namespace ParseJobs.Api.Jobs;

/// <summary>
/// The one catalogue of the codes a job or an item fails (or warns) with. They are part of the API: documented in
/// README "Errors of uploads and jobs"; never renamed.
/// </summary>
public static class ErrorCodes
{
    /// <summary>Unexpected: retried, then this after the last attempt; also an outcome that could not be saved.</summary>
    public const string InternalError = ParseErrorCodes.InternalError;
    public const string JobTimeout = "JOB_TIMEOUT";
    public const string ResultTooLarge = "RESULT_TOO_LARGE";

    public const string DocumentEncrypted = ParseErrorCodes.DocumentEncrypted;
    public const string DocumentCorrupt = ParseErrorCodes.DocumentCorrupt;
    public const string NoTextLayer = ParseErrorCodes.NoTextLayer;
    public const string TooManyPages = ParseErrorCodes.TooManyPages;
    public const string DocumentTooComplex = ParseErrorCodes.DocumentTooComplex;
    public const string EmptyDocument = ParseErrorCodes.EmptyDocument;
    public const string UnsupportedType = ParseErrorCodes.UnsupportedType;
    public const string ParseTimeout = ParseErrorCodes.ParseTimeout;
    public const string ParserCrashed = ParseErrorCodes.ParserCrashed;
    public const string ParserOutOfMemory = ParseErrorCodes.ParserOutOfMemory;
    public const string AnalysisFailed = ParseErrorCodes.AnalysisFailed;

    /// <summary>A batch's candidate source could not be read at all (unreachable, bad credentials, not a ZIP/CSV/database).</summary>
    public const string SourceUnavailable = "SOURCE_UNAVAILABLE";

    /// <summary>A batch's source is over a limit (candidates, bytes, a ZIP bomb).</summary>
    public const string SourceLimitExceeded = "SOURCE_LIMIT_EXCEEDED";

    /// <summary>A sync batch's remote source had more candidates than a sync call takes.</summary>
    public const string TooManyCandidates = "TOO_MANY_CANDIDATES";

    /// <summary>A batch item that is no CV (an image, an empty file, a row without resume text): it fails alone.</summary>
    public const string NotACandidate = "NOT_A_CANDIDATE";

    /// <summary>ATS create-pdf and candidate imports (README "ATS create-pdf").</summary>
    public const string ConsultantNotFound = "CONSULTANT_NOT_FOUND";
    public const string JobPostNotFound = "JOB_POST_NOT_FOUND";
    public const string ApplicantNotFound = "APPLICANT_NOT_FOUND";
    public const string NoCvDocument = "NO_CV_DOCUMENT";
    public const string CvDocumentTruncated = "CV_DOCUMENT_TRUNCATED";
    public const string CvDocumentTooLarge = "CV_DOCUMENT_TOO_LARGE";
    public const string AtsNotConnected = "ATS_NOT_CONNECTED";
    public const string AtsUnavailable = "ATS_UNAVAILABLE";
    public const string AtsUnauthorized = "ATS_UNAUTHORIZED";
    public const string AtsMalformedResponse = "ATS_MALFORMED_RESPONSE";
    public const string IdempotencyKeyReused = "IDEMPOTENCY_KEY_REUSED";
    public const string ProfilePdfFailed = "PROFILE_PDF_FAILED";

    /// <summary>Warnings of a completed document job.</summary>
    public const string ImagesTruncated = ParseErrorCodes.ImagesTruncated;
    public const string TextTruncated = ParseErrorCodes.TextTruncated;
    public const string TableTruncated = ParseErrorCodes.TableTruncated;

    /// <summary>Column widths of jobs.error_code / error_message (and of items): values are cut to fit before saving.</summary>
    public const int MaxCodeLength = 64;
    public const int MaxMessageLength = 2000;

    public static string BoundCode(string code) => code.Length <= MaxCodeLength ? code : code[..MaxCodeLength];

    /// <summary>Messages may quote document content (a ZIP entry name of 64 KB): cut, with an ellipsis.</summary>
    public static string BoundMessage(string message) =>
        message.Length <= MaxMessageLength ? message : string.Concat(message.AsSpan(0, MaxMessageLength - 1), "…");
}
