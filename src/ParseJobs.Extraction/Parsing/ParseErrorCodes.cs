namespace ParseJobs.Extraction.Parsing;

/// <summary>Stable, documented error codes for documents that cannot be parsed. They are part of the API.</summary>
public static class ParseErrorCodes
{
    public const string DocumentEncrypted = "DOCUMENT_ENCRYPTED";
    public const string DocumentCorrupt = "DOCUMENT_CORRUPT";
    public const string NoTextLayer = "NO_TEXT_LAYER";
    public const string TooManyPages = "TOO_MANY_PAGES";
    public const string DocumentTooComplex = "DOCUMENT_TOO_COMPLEX";
    public const string EmptyDocument = "EMPTY_DOCUMENT";
    public const string UnsupportedType = "UNSUPPORTED_TYPE";
    public const string ParseTimeout = "PARSE_TIMEOUT";
    public const string ParserCrashed = "PARSER_CRASHED";
    public const string ParserOutOfMemory = "PARSER_OUT_OF_MEMORY";
    public const string InternalError = "INTERNAL_ERROR";

    /// <summary>The result made of the document exceeds <see cref="ParseLimits.MaxResultBytes"/>.</summary>
    public const string ResultTooLarge = "RESULT_TOO_LARGE";

    /// <summary>Our own analysis code failed on a document the readers accepted: a bug to look at in the logs,
    /// not a corrupt document.</summary>
    public const string AnalysisFailed = "ANALYSIS_FAILED";

    /// <summary>Warning: a table was cut to <see cref="ParseLimits.MaxTableRows"/>, columns or cells.</summary>
    public const string TableTruncated = "TABLE_TRUNCATED";

    /// <summary>Warning: embedded images beyond <see cref="ParseLimits.MaxImages"/> or bytes were not kept.</summary>
    public const string ImagesTruncated = "IMAGES_TRUNCATED";

    /// <summary>Warning: text or segments beyond the limits were dropped.</summary>
    public const string TextTruncated = "TEXT_TRUNCATED";
}
