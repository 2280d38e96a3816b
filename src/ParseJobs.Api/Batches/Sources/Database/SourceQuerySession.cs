using System.Data.Common;

namespace ParseJobs.Api.Batches.Sources.Database;

/// <summary>
/// One source query running read-only on one connection: its rows, and the translation of the driver's exceptions
/// into <see cref="CandidateSourceException"/> (SOURCE_UNAVAILABLE when the server cannot be reached or refuses the
/// login, SOURCE_QUERY_FAILED when the query fails, times out or tries to write). Messages name the host, never the
/// connection string.
/// </summary>
internal abstract class SourceQuerySession : IAsyncDisposable
{
    public const string SourceUnavailable = "SOURCE_UNAVAILABLE";
    public const string SourceQueryFailed = "SOURCE_QUERY_FAILED";
    public const string SourceLimitExceeded = "SOURCE_LIMIT_EXCEEDED";

    protected SourceQuerySession(DbDataReader reader) => Reader = reader;

    public DbDataReader Reader { get; }

    /// <summary>The driver's exception as the batch's failure, or null when it is none of the driver's (then it propagates).</summary>
    public abstract CandidateSourceException? Translate(Exception exception);

    /// <summary>Stops the query on the server (the row limit was reached): the reader is not drained.</summary>
    public abstract void Cancel();

    public abstract ValueTask DisposeAsync();

    protected static CandidateSourceException Unavailable(string message, Exception inner) => new(SourceUnavailable, message, inner);

    protected static CandidateSourceException QueryFailed(string message, Exception inner) => new(SourceQueryFailed, message, inner);

    protected static string TimedOut(int seconds) =>
        $"The query ran longer than {seconds} s (Sources:Database:StatementTimeoutSeconds); narrow it or add an index.";

    protected const string WroteMessage = "The query tried to write: database sources run in a read-only transaction; send a SELECT.";
}
