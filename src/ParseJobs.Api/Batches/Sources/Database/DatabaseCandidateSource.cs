using System.Runtime.CompilerServices;
using Microsoft.Extensions.Options;

namespace ParseJobs.Api.Batches.Sources.Database;

/// <summary>
/// DATABASE: the candidates are the rows of a client's query on PostgreSQL, MySQL/MariaDB or an uploaded SQLite
/// database (see <see cref="DatabaseSourceConfig"/>, <see cref="CandidateColumns"/>). <see cref="Check"/> parses
/// the config and applies the host allow-list without touching the network; <see cref="ReadAsync"/> checks again
/// (the settings may have changed since) and streams the rows, at most <see cref="DatabaseSourceOptions.MaxRows"/>.
/// </summary>
public sealed class DatabaseCandidateSource(IOptions<DatabaseSourceOptions> options, ILogger<DatabaseCandidateSource> logger) : ICandidateSource
{
    private const string FileField = "candidate_source_file";

    private readonly DatabaseSourceOptions _options = options.Value;

    public BatchInputType InputType => BatchInputType.Database;

    /// <summary>Where SQLite uploads are written (tests); the system temp folder when null.</summary>
    internal string? TempDirectory { get; init; }

    public SourceProblem? Check(CandidateSourceInput input) => Prepare(input).Problem;

    public async IAsyncEnumerable<SourceCandidate> ReadAsync(CandidateSourceInput input, [EnumeratorCancellation] CancellationToken ct)
    {
        var (source, problem) = Prepare(input);
        if (source is null)
        {
            throw new CandidateSourceException(SourceQuerySession.SourceUnavailable, problem!.Message);
        }

        var host = DatabaseConnectionPolicy.HostOf(source.Config.Kind, source.Config.ConnectionString);
        logger.LogInformation("Reading a {Kind} candidate source on {Host}", source.Config.Kind, host ?? "an uploaded file");

        await using var session = await OpenAsync(source, ct);
        var columns = CandidateColumns.Of(session.Reader, _options);
        var rows = 0;
        while (await Guard(session, () => session.Reader.ReadAsync(ct), ct))
        {
            if (++rows > _options.MaxRows)
            {
                session.Cancel();
                throw new CandidateSourceException(SourceQuerySession.SourceLimitExceeded,
                    $"The query returns more than {_options.MaxRows} rows (Sources:Database:MaxRows); narrow it with WHERE or LIMIT.");
            }

            var row = rows;
            yield return await Guard(session, () => columns.ReadAsync(session.Reader, row, ct), ct);
        }

        logger.LogInformation("Read {Rows} candidate row(s) from a {Kind} source", rows, source.Config.Kind);
    }

    private Task<SourceQuerySession> OpenAsync(PreparedSource source, CancellationToken ct) => source.Config.Kind switch
    {
        DatabaseKind.PostgreSql => PostgresQuerySession.OpenAsync(source.ConnectionString!, source.Config.Query, _options, ct),
        DatabaseKind.MySql => MySqlQuerySession.OpenAsync(source.ConnectionString!, source.Config.Query, _options, ct),
        _ => SqliteQuerySession.OpenAsync(source.SqliteFile!, source.Config.Query, _options, TempDirectory, ct),
    };

    /// <summary>A driver's exception as the batch's failure; a cancellation of the batch stays a cancellation.</summary>
    private static async Task<T> Guard<T>(SourceQuerySession session, Func<Task<T>> read, CancellationToken ct)
    {
        try
        {
            return await read();
        }
        catch (Exception ex) when (!ct.IsCancellationRequested && session.Translate(ex) is not null)
        {
            throw session.Translate(ex)!;
        }
    }

    private sealed record PreparedSource(DatabaseSourceConfig Config, string? ConnectionString, byte[]? SqliteFile);

    private (PreparedSource? Source, SourceProblem? Problem) Prepare(CandidateSourceInput input)
    {
        var (config, problem) = DatabaseSourceConfig.Parse(input.Config, _options.MaxQueryChars);
        if (config is null)
        {
            return (null, problem);
        }

        var policy = new DatabaseConnectionPolicy(_options);
        switch (config.Kind)
        {
            case DatabaseKind.PostgreSql:
                var (postgres, pgProblem) = policy.Postgres(config.ConnectionString!);
                return postgres is null ? (null, pgProblem) : (new PreparedSource(config, postgres, null), null);
            case DatabaseKind.MySql:
                var (mysql, myProblem) = policy.MySql(config.ConnectionString!);
                return mysql is null ? (null, myProblem) : (new PreparedSource(config, mysql, null), null);
            default:
                var sqliteProblem = CheckSqlite(config, input.File);
                return sqliteProblem is null ? (new PreparedSource(config, null, input.File), null) : (null, sqliteProblem);
        }
    }

    private SourceProblem? CheckSqlite(DatabaseSourceConfig config, byte[]? file)
    {
        if (!string.IsNullOrWhiteSpace(config.ConnectionString))
        {
            return new SourceProblem(DatabaseSourceConfig.Field + ".connection_string",
                "A SQLite source is the uploaded candidate_source_file: leave connection_string out (a server path is never opened).");
        }

        if (file is not { Length: > 0 })
        {
            return new SourceProblem(FileField, "A SQLite source needs the database file as candidate_source_file.", Expected: "a SQLite 3 database");
        }

        if (file.LongLength > _options.MaxSqliteFileBytes)
        {
            return new SourceProblem(FileField, $"The SQLite database is larger than {_options.MaxSqliteFileMb} MB (Sources:Database:MaxSqliteFileMb).",
                file.LongLength, _options.MaxSqliteFileBytes);
        }

        return SqliteUploadFile.HasSqliteHeader(file)
            ? null
            : new SourceProblem(FileField, "candidate_source_file is not a SQLite 3 database (it must start with \"SQLite format 3\").", Expected: "a SQLite 3 database");
    }
}
