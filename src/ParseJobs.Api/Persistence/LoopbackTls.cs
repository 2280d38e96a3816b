using System.Data.Common;
using Npgsql;

namespace ParseJobs.Api.Persistence;

/// <summary>
/// A connection string for a database on this machine (localhost, 127.0.0.1, ::1, a Unix socket) that names no SSL
/// mode gets <c>SSL Mode=Disable</c>. Npgsql's default (Prefer) negotiates TLS whenever the server offers it (Debian's
/// cluster does, with its snakeoil certificate), and on loopback that protects nothing but costs record encryption
/// and extra reads on every round trip (docs/PERFORMANCE.md, "Second profile"). A connection string that names a
/// mode, or any other host, is left as it is.
/// </summary>
public static class LoopbackTls
{
    public static string Apply(string connectionString)
    {
        var raw = new DbConnectionStringBuilder { ConnectionString = connectionString };
        if (raw.Keys.Cast<string>().Any(k => k.Replace(" ", "", StringComparison.Ordinal).Equals("sslmode", StringComparison.OrdinalIgnoreCase)))
        {
            return connectionString;
        }

        var builder = new NpgsqlConnectionStringBuilder(connectionString);
        if (builder.Host is not { Length: > 0 } host || !host.Split(',').All(h => IsLoopback(h.Trim())))
        {
            return connectionString;
        }

        builder.SslMode = SslMode.Disable;
        return builder.ConnectionString;
    }

    private static bool IsLoopback(string host) =>
        host.StartsWith('/') || host.Equals("localhost", StringComparison.OrdinalIgnoreCase)
        || host.StartsWith("127.", StringComparison.Ordinal) || host is "::1" or "[::1]";
}
