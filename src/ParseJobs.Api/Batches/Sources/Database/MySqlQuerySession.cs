using System.Data;
using System.Globalization;
using MySqlConnector;

namespace ParseJobs.Api.Batches.Sources.Database;

/// <summary>
/// MySQL and MariaDB: the session is made read-only (<c>SET SESSION TRANSACTION READ ONLY</c>, so that also a
/// statement after an implicit commit cannot write), with a statement timeout (MariaDB <c>max_statement_time</c>,
/// MySQL <c>max_execution_time</c>) and a row limit (<c>sql_select_limit</c>), and the query runs in
/// <c>START TRANSACTION READ ONLY</c>.
/// </summary>
internal sealed class MySqlQuerySession : SourceQuerySession
{
    // Server error numbers (MySQL and MariaDB share them unless noted).
    private const int ReadOnlyTransaction = 1792;     // ER_CANT_EXECUTE_IN_READ_ONLY_TRANSACTION
    private const int MariaDbStatementTimeout = 1969; // ER_STATEMENT_TIMEOUT
    private const int MySqlStatementTimeout = 3024;   // ER_QUERY_TIMEOUT
    private const int QueryInterrupted = 1317;        // ER_QUERY_INTERRUPTED

    private readonly MySqlConnection _connection;
    private readonly MySqlCommand _command;
    private readonly string _host;
    private readonly int _timeoutSeconds;

    private MySqlQuerySession(MySqlConnection connection, MySqlCommand command, MySqlDataReader reader, string host, int timeoutSeconds)
        : base(reader)
    {
        _connection = connection;
        _command = command;
        _host = host;
        _timeoutSeconds = timeoutSeconds;
    }

    public static async Task<SourceQuerySession> OpenAsync(string connectionString, string query, DatabaseSourceOptions options, CancellationToken ct)
    {
        var host = new MySqlConnectionStringBuilder(connectionString).Server;
        var connection = new MySqlConnection(connectionString);
        MySqlCommand? command = null;
        try
        {
            await connection.OpenAsync(ct);
            var mariaDb = connection.ServerVersion.Contains("MariaDB", StringComparison.OrdinalIgnoreCase);
            var timeout = mariaDb
                ? string.Create(CultureInfo.InvariantCulture, $"SET SESSION max_statement_time = {options.StatementTimeoutSeconds}")
                : string.Create(CultureInfo.InvariantCulture, $"SET SESSION max_execution_time = {options.StatementTimeoutSeconds * 1000L}");
            var setup = string.Create(CultureInfo.InvariantCulture,
                $"SET SESSION TRANSACTION READ ONLY; {timeout}; SET SESSION sql_select_limit = {options.MaxRows + 1L}");
            await using (var session = new MySqlCommand(setup, connection))
            {
                await session.ExecuteNonQueryAsync(ct);
            }

            var transaction = await connection.BeginTransactionAsync(IsolationLevel.RepeatableRead, isReadOnly: true, ct);
            command = new MySqlCommand(query, connection, transaction) { CommandTimeout = options.StatementTimeoutSeconds + 5 };
            var reader = await command.ExecuteReaderAsync(CommandBehavior.SequentialAccess, ct);
            return new MySqlQuerySession(connection, command, reader, host, options.StatementTimeoutSeconds);
        }
        catch (Exception ex)
        {
            if (command is not null)
            {
                await command.DisposeAsync();
            }

            await connection.DisposeAsync();
            if (Translate(ex, host, options.StatementTimeoutSeconds) is { } failure)
            {
                throw failure;
            }

            throw;
        }
    }

    public override CandidateSourceException? Translate(Exception exception) => Translate(exception, _host, _timeoutSeconds);

    private static CandidateSourceException? Translate(Exception exception, string host, int timeoutSeconds)
    {
        if (exception is not MySqlException my)
        {
            return null;
        }

        return my.ErrorCode switch
        {
            MySqlErrorCode.AccessDenied or MySqlErrorCode.DatabaseAccessDenied or MySqlErrorCode.PasswordNoMatch =>
                Unavailable($"The MySQL server at {host} refused the login: {my.Message}", my),
            MySqlErrorCode.UnknownDatabase => Unavailable($"The MySQL server at {host} has no such database: {my.Message}", my),
            MySqlErrorCode.UnableToConnectToHost => Unavailable($"The MySQL server at {host} cannot be reached: {my.Message}", my),
            MySqlErrorCode.CommandTimeoutExpired => QueryFailed(TimedOut(timeoutSeconds), my),
            _ when my.Number is MariaDbStatementTimeout or MySqlStatementTimeout or QueryInterrupted => QueryFailed(TimedOut(timeoutSeconds), my),
            _ when my.Number is ReadOnlyTransaction => QueryFailed(WroteMessage, my),
            _ when my.Number is >= 2000 and < 3000 => Unavailable($"The MySQL server at {host} cannot be reached: {my.Message}", my),
            _ => QueryFailed($"The query failed: {my.Message}", my),
        };
    }

    public override void Cancel()
    {
        try
        {
            _command.Cancel();
        }
        catch (Exception ex) when (ex is MySqlException or InvalidOperationException)
        {
            // The connection is closed next; it goes without pooling.
        }
    }

    public override async ValueTask DisposeAsync()
    {
        try
        {
            await Reader.DisposeAsync();
        }
        catch (Exception ex) when (ex is MySqlException or OperationCanceledException)
        {
            // A cancelled query answers with an error while the reader is closed.
        }

        await _command.DisposeAsync();
        await _connection.DisposeAsync();
    }
}
