using ParseJobs.Extraction.Parsing;

namespace ParseJobs.Api.Jobs;

/// <summary>
/// The one expected failure of a job's (or an item's) work: the runner ends it <c>failed</c> with
/// <see cref="Code"/> (one of <see cref="ErrorCodes"/>) and does not retry. Anything else is retried.
/// </summary>
public sealed class JobFailedException : Exception
{
    public JobFailedException(string code, string message)
        : base(message) => Code = code;

    public JobFailedException(string code, string message, Exception innerException)
        : base(message, innerException) => Code = code;

    public JobFailedException()
        : this(ErrorCodes.InternalError, "The job failed.")
    {
    }

    public JobFailedException(string message)
        : this(ErrorCodes.InternalError, message)
    {
    }

    public JobFailedException(string message, Exception innerException)
        : this(ErrorCodes.InternalError, message, innerException)
    {
    }

    public string Code { get; }

    /// <summary>The expected failures the runners know: ours, and the parsers' (they live in ParseJobs.Extraction, which knows no jobs).</summary>
    public static JobFailedException? From(Exception ex) => ex switch
    {
        JobFailedException failed => failed,
        DocumentParseException parse => new JobFailedException(parse.Code, parse.Message, parse),
        _ => null,
    };
}
