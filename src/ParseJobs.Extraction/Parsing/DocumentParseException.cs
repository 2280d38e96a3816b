namespace ParseJobs.Extraction.Parsing;

/// <summary>
/// A deterministic failure: the document itself cannot be parsed, so retrying is pointless.
/// <see cref="Code"/> is one of <see cref="ParseErrorCodes"/>.
/// </summary>
public sealed class DocumentParseException : Exception
{
    public DocumentParseException(string code, string message)
        : base(message) => Code = code;

    public DocumentParseException(string code, string message, Exception innerException)
        : base(message, innerException) => Code = code;

    public DocumentParseException()
        : this(ParseErrorCodes.DocumentCorrupt, "The document could not be parsed.")
    {
    }

    public DocumentParseException(string message)
        : this(ParseErrorCodes.DocumentCorrupt, message)
    {
    }

    public DocumentParseException(string message, Exception innerException)
        : this(ParseErrorCodes.DocumentCorrupt, message, innerException)
    {
    }

    public string Code { get; }
}
