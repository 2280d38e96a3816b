using Microsoft.EntityFrameworkCore.Storage;
using Npgsql;

namespace ParseJobs.Api.Persistence;

/// <summary>Which exceptions mean "the database is unavailable right now" (answer 503, retry later) rather than a bug.</summary>
public static class DatabaseErrors
{
    // Named explicitly although Npgsql flags most as transient: these are the outage and exhaustion cases
    // that must never surface as a 500.
    private static readonly HashSet<string> UnavailableStates = new(StringComparer.Ordinal)
    {
        PostgresErrorCodes.TooManyConnections,        // 53300: max_connections or a database/role connection limit
        PostgresErrorCodes.AdminShutdown,             // 57P01: the server is shutting down or restarting
        PostgresErrorCodes.CrashShutdown,             // 57P02
        PostgresErrorCodes.CannotConnectNow,          // 57P03: starting up
        PostgresErrorCodes.ConnectionException,       // 08000
        PostgresErrorCodes.ConnectionDoesNotExist,    // 08003
        PostgresErrorCodes.ConnectionFailure,         // 08006
        PostgresErrorCodes.SqlClientUnableToEstablishSqlConnection, // 08001
    };

    /// <summary>True when <paramref name="exception"/> or one of its inner exceptions is a database outage, an
    /// exhausted pool or connection limit, a connection timeout, or the retry strategy's last straw.</summary>
    public static bool IsUnavailable(Exception? exception)
    {
        for (var e = exception; e is not null; e = e.InnerException)
        {
            switch (e)
            {
                case RetryLimitExceededException:
                    return true;
                case PostgresException pg when UnavailableStates.Contains(pg.SqlState) || pg.IsTransient:
                    return true;
                case NpgsqlException { IsTransient: true }:
                    return true; // refused, reset, pool exhausted (inner TimeoutException), read timeouts
                case AggregateException aggregate when aggregate.InnerExceptions.Any(IsUnavailable):
                    return true;
            }
        }

        return false;
    }

    /// <summary>The innermost database message, for a log line (no stack trace: the outage is the news).</summary>
    public static string Describe(Exception exception)
    {
        var message = exception.Message;
        for (var e = exception; e is not null; e = e.InnerException)
        {
            if (e is NpgsqlException or System.Net.Sockets.SocketException or TimeoutException)
            {
                message = e.Message;
            }
        }

        return message;
    }
}
