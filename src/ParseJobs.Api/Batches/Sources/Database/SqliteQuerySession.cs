using System.Data;
using Microsoft.Data.Sqlite;
using SQLitePCL;

namespace ParseJobs.Api.Batches.Sources.Database;

/// <summary>
/// SQLite: the uploaded database (never a path of the config) opened <c>Mode=ReadOnly</c> from a private temp file,
/// with <c>query_only</c>, <c>trusted_schema=OFF</c>, no attached databases and no extensions; the query is
/// interrupted (<c>sqlite3_interrupt</c>) after the statement timeout or when the batch is cancelled.
/// </summary>
internal sealed class SqliteQuerySession : SourceQuerySession
{
    private const int SqliteInterrupt = 9;
    private const int SqliteCorrupt = 11;
    private const int SqliteNotADatabase = 26;
    private const int SqliteReadOnly = 8;

    private readonly SqliteUploadFile _file;
    private readonly SqliteConnection _connection;
    private readonly SqliteCommand _command;
    private readonly CancellationTokenSource _timeout;
    private readonly CancellationTokenRegistration _interrupt;
    private readonly int _timeoutSeconds;

    private SqliteQuerySession(SqliteUploadFile file, SqliteConnection connection, SqliteCommand command, SqliteDataReader reader,
        CancellationTokenSource timeout, CancellationTokenRegistration interrupt, int timeoutSeconds)
        : base(reader)
    {
        _file = file;
        _connection = connection;
        _command = command;
        _timeout = timeout;
        _interrupt = interrupt;
        _timeoutSeconds = timeoutSeconds;
    }

    public static async Task<SourceQuerySession> OpenAsync(byte[] database, string query, DatabaseSourceOptions options, string? tempDirectory, CancellationToken ct)
    {
        var file = await SqliteUploadFile.WriteAsync(database, tempDirectory, ct);
        var connectionString = new SqliteConnectionStringBuilder
        {
            DataSource = file.Path,
            Mode = SqliteOpenMode.ReadOnly,
            Pooling = false,
        }.ConnectionString;
        var connection = new SqliteConnection(connectionString);
        var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
        CancellationTokenRegistration interrupt = default;
        SqliteCommand? command = null;
        try
        {
            await connection.OpenAsync(ct);
            // No ATTACH of the server's files, whatever the query says.
            raw.sqlite3_limit(connection.Handle, raw.SQLITE_LIMIT_ATTACHED, 0);
            await using (var pragmas = new SqliteCommand("PRAGMA query_only = ON; PRAGMA trusted_schema = OFF; PRAGMA cell_size_check = ON; PRAGMA mmap_size = 0;", connection))
            {
                await pragmas.ExecuteNonQueryAsync(ct);
            }

            var handle = connection.Handle;
            interrupt = timeout.Token.Register(() => raw.sqlite3_interrupt(handle));
            timeout.CancelAfter(options.StatementTimeout);
            command = new SqliteCommand(query, connection) { CommandTimeout = options.StatementTimeoutSeconds };
            var reader = await command.ExecuteReaderAsync(CommandBehavior.SequentialAccess, ct);
            return new SqliteQuerySession(file, connection, command, reader, timeout, interrupt, options.StatementTimeoutSeconds);
        }
        catch (Exception ex)
        {
            await interrupt.DisposeAsync();
            timeout.Dispose();
            if (command is not null)
            {
                await command.DisposeAsync();
            }

            await connection.DisposeAsync();
            file.Dispose();
            if (Translate(ex, options.StatementTimeoutSeconds) is { } failure)
            {
                throw failure;
            }

            throw;
        }
    }

    public override CandidateSourceException? Translate(Exception exception) => Translate(exception, _timeoutSeconds);

    private static CandidateSourceException? Translate(Exception exception, int timeoutSeconds)
    {
        if (exception is not SqliteException sqlite)
        {
            return null;
        }

        return (sqlite.SqliteErrorCode & 0xFF) switch
        {
            SqliteInterrupt => QueryFailed(TimedOut(timeoutSeconds), sqlite),
            SqliteNotADatabase or SqliteCorrupt => Unavailable("The uploaded file is not a readable SQLite database (corrupt, or encrypted).", sqlite),
            SqliteReadOnly => QueryFailed(WroteMessage, sqlite),
            _ => QueryFailed($"The query failed: {sqlite.Message}", sqlite),
        };
    }

    public override void Cancel() => raw.sqlite3_interrupt(_connection.Handle);

    public override async ValueTask DisposeAsync()
    {
        try
        {
            await Reader.DisposeAsync();
        }
        catch (SqliteException)
        {
            // An interrupted statement reports it again when it is finalised.
        }

        await _interrupt.DisposeAsync();
        _timeout.Dispose();
        await _command.DisposeAsync();
        await _connection.DisposeAsync();
        _file.Dispose();
    }
}
