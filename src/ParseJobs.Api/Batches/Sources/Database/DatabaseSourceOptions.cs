using System.ComponentModel.DataAnnotations;

namespace ParseJobs.Api.Batches.Sources.Database;

/// <summary>The DATABASE source (section <c>Sources:Database</c>): which servers it may reach, and its limits.</summary>
public sealed class DatabaseSourceOptions
{
    public const string Section = "Sources:Database";

    /// <summary>
    /// The PostgreSQL and MySQL/MariaDB hosts a batch may read from: <c>host</c> (any port) or <c>host:port</c>
    /// (<c>[::1]:5432</c> for IPv6), compared without case to the connection string's host as written (no DNS).
    /// Empty (the default): every postgresql and mysql source is refused, so that nobody can make the server probe
    /// the network. SQLite uploads need no entry.
    /// </summary>
    public List<string> AllowedHosts { get; init; } = [];

    /// <summary>Whether a Unix socket path may be the host (it must still be on <see cref="AllowedHosts"/>).</summary>
    public bool AllowUnixSockets { get; init; }

    /// <summary>Rows read at most: a query that returns more fails the batch (SOURCE_LIMIT_EXCEEDED); at most this + 1 are read.</summary>
    [Range(1, 100_000)]
    public int MaxRows { get; init; } = 1_000;

    /// <summary>How long the query may run on the server (statement timeout; also the client's command timeout, plus a grace).</summary>
    [Range(1, 3_600)]
    public int StatementTimeoutSeconds { get; init; } = 60;

    [Range(1, 120)]
    public int ConnectTimeoutSeconds { get; init; } = 10;

    /// <summary>Largest resume text of one row (characters, in KB); a longer one makes that row an item with an error.</summary>
    [Range(1, 10_240)]
    public int MaxResumeTextKb { get; init; } = 200;

    /// <summary>Largest document (bytes) of one row; a larger one makes that row an item with an error.</summary>
    [Range(1, 500)]
    public int MaxDocumentMb { get; init; } = 20;

    /// <summary>Largest id, name or file name value (characters); longer makes that row an item with an error.</summary>
    [Range(16, 10_000)]
    public int MaxLabelChars { get; init; } = 500;

    /// <summary>Largest query text (characters).</summary>
    [Range(16, 1_000_000)]
    public int MaxQueryChars { get; init; } = 20_000;

    /// <summary>Largest uploaded SQLite database.</summary>
    [Range(1, 2_000)]
    public int MaxSqliteFileMb { get; init; } = 100;

    public TimeSpan StatementTimeout => TimeSpan.FromSeconds(StatementTimeoutSeconds);

    public int MaxResumeTextChars => MaxResumeTextKb * 1024;

    public long MaxDocumentBytes => MaxDocumentMb * 1024L * 1024L;

    public long MaxSqliteFileBytes => MaxSqliteFileMb * 1024L * 1024L;
}
