using System.Data;
using Npgsql;
using NpgsqlTypes;

namespace ParseJobs.Api.Batches.Sources.Database;

/// <summary>
/// PostgreSQL: a session whose transactions are read-only with a statement timeout (startup options, see
/// <see cref="DatabaseConnectionPolicy"/>), in <c>BEGIN; SET TRANSACTION READ ONLY</c>. The query goes as one
/// extended-protocol statement (one positional parameter turns Npgsql's statement splitting off), so the server
/// refuses a second statement even where <see cref="SourceQueryRules"/> would not.
/// </summary>
internal sealed class PostgresQuerySession : SourceQuerySession
{
    private readonly NpgsqlConnection _connection;
    private readonly NpgsqlCommand _command;
    private readonly string _host;
    private readonly int _timeoutSeconds;

    private PostgresQuerySession(NpgsqlConnection connection, NpgsqlCommand command, NpgsqlDataReader reader, string host, int timeoutSeconds)
        : base(reader)
    {
        _connection = connection;
        _command = command;
        _host = host;
        _timeoutSeconds = timeoutSeconds;
    }

    public static async Task<SourceQuerySession> OpenAsync(string connectionString, string query, DatabaseSourceOptions options, CancellationToken ct)
    {
        var host = new NpgsqlConnectionStringBuilder(connectionString).Host ?? "";
        var connection = new NpgsqlConnection(connectionString);
        NpgsqlCommand? command = null;
        try
        {
            await connection.OpenAsync(ct);
            var transaction = await connection.BeginTransactionAsync(IsolationLevel.RepeatableRead, ct);
            await using (var readOnly = new NpgsqlCommand("SET TRANSACTION READ ONLY", connection, transaction))
            {
                await readOnly.ExecuteNonQueryAsync(ct);
            }

            command = new NpgsqlCommand(query, connection, transaction) { CommandTimeout = options.StatementTimeoutSeconds + 5 };
            command.Parameters.Add(new NpgsqlParameter { NpgsqlDbType = NpgsqlDbType.Integer, Value = 0 });
            var reader = await command.ExecuteReaderAsync(CommandBehavior.SequentialAccess, ct);
            return new PostgresQuerySession(connection, command, reader, host, options.StatementTimeoutSeconds);
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
        switch (exception)
        {
            case PostgresException pg when pg.SqlState.StartsWith("28", StringComparison.Ordinal):
                return Unavailable($"The PostgreSQL server at {host} refused the login: {pg.MessageText} ({pg.SqlState}).", pg);
            case PostgresException { SqlState: PostgresErrorCodes.InvalidCatalogName } pg:
                return Unavailable($"The PostgreSQL server at {host} has no such database: {pg.MessageText}.", pg);
            case PostgresException { SqlState: PostgresErrorCodes.QueryCanceled } pg:
                return QueryFailed(TimedOut(timeoutSeconds), pg);
            case PostgresException { SqlState: PostgresErrorCodes.ReadOnlySqlTransaction } pg:
                return QueryFailed(WroteMessage, pg);
            case PostgresException pg when pg.SqlState.StartsWith("08", StringComparison.Ordinal) || pg.SqlState.StartsWith("57P", StringComparison.Ordinal):
                return Unavailable($"The PostgreSQL server at {host} ended the connection: {pg.MessageText} ({pg.SqlState}).", pg);
            case PostgresException pg:
                return QueryFailed($"The query failed: {pg.MessageText} ({pg.SqlState}).", pg);
            case NpgsqlException { InnerException: TimeoutException } npgsql:
                return npgsql.Message.Contains("connect", StringComparison.OrdinalIgnoreCase)
                    ? Unavailable($"The PostgreSQL server at {host} did not answer within the connect timeout (Sources:Database:ConnectTimeoutSeconds).", npgsql)
                    : QueryFailed(TimedOut(timeoutSeconds), npgsql);
            case NpgsqlException npgsql:
                return Unavailable($"The PostgreSQL server at {host} cannot be reached: {npgsql.InnerException?.Message ?? npgsql.Message}", npgsql);
            default:
                return null;
        }
    }

    public override void Cancel()
    {
        try
        {
            _command.Cancel();
        }
        catch (Exception ex) when (ex is NpgsqlException or InvalidOperationException)
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
        catch (Exception ex) when (ex is NpgsqlException or OperationCanceledException)
        {
            // A cancelled query answers with an error while the reader is closed.
        }

        await _command.DisposeAsync();
        await _connection.DisposeAsync();
    }
}
