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
}
