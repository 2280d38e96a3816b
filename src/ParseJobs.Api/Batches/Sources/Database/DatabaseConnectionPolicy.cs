using System.Globalization;
using System.Net;
using MySqlConnector;
using Npgsql;

namespace ParseJobs.Api.Batches.Sources.Database;

/// <summary>
/// Turns a client's connection string into the one the source opens: its host must be on
/// <see cref="DatabaseSourceOptions.AllowedHosts"/> (one host, no list that sneaks another in, no Unix socket unless
/// allowed), and only the keys that say where and who are kept (host, port, database, user, password, SSL mode);
/// the server's own settings (timeouts, no pooling, read-only session, no files of the server, no Kerberos, no
/// LOAD DATA LOCAL) are ours. Problems never quote the connection string: it holds a password.
/// </summary>
internal sealed class DatabaseConnectionPolicy(DatabaseSourceOptions options)
{
    private const string Field = "source_config_json.connection_string";
    private const string OpenSetting = "Sources:Database:AllowedHosts";

    /// <summary>A connection string for Npgsql, or why not.</summary>
    public (string? ConnectionString, SourceProblem? Problem) Postgres(string connectionString)
    {
        NpgsqlConnectionStringBuilder given;
        try
        {
            given = new NpgsqlConnectionStringBuilder(connectionString);
        }
        catch (Exception ex) when (ex is ArgumentException or FormatException or InvalidOperationException)
        {
            return Fail("connection_string is not a PostgreSQL connection string (Host=…;Port=…;Database=…;Username=…;Password=…).");
        }

        if (given.Passfile is not null || given.SslCertificate is not null || given.SslKey is not null || given.RootCertificate is not null)
        {
            return Fail("connection_string must not name files of the server (Passfile, SSL Certificate, SSL Key, Root Certificate).");
        }

        var problem = CheckHost(given.Host, given.Port, "PostgreSQL") ?? CheckLogin(given.Username, given.Password);
        if (problem is not null)
        {
            return (null, problem);
        }

        var timeoutMs = options.StatementTimeoutSeconds * 1000L;
        var safe = new NpgsqlConnectionStringBuilder
        {
            Host = given.Host,
            Port = given.Port,
            Database = given.Database,
            Username = given.Username,
            Password = given.Password,
            SslMode = given.SslMode,
            ApplicationName = "parsejobs-batch-source",
            Timeout = options.ConnectTimeoutSeconds,
            CommandTimeout = options.StatementTimeoutSeconds + 5,
            Pooling = false,
            // Every transaction of the session is read-only and every statement has a timeout, from the first byte on.
            Options = string.Create(CultureInfo.InvariantCulture, $"-c default_transaction_read_only=on -c statement_timeout={timeoutMs}"),
            // A password, never the server's Kerberos ticket, logs in (nor PGPASSWORD / ~/.pgpass: a password is required).
            RequireAuth = "Password,MD5,ScramSHA256",
            IncludeErrorDetail = false,
        };
        return (safe.ConnectionString, null);
    }

    /// <summary>A connection string for MySqlConnector (MySQL, MariaDB), or why not.</summary>
    public (string? ConnectionString, SourceProblem? Problem) MySql(string connectionString)
    {
        MySqlConnectionStringBuilder given;
        try
        {
            given = new MySqlConnectionStringBuilder(connectionString);
        }
        catch (Exception ex) when (ex is ArgumentException or FormatException or InvalidOperationException)
        {
            return Fail("connection_string is not a MySQL connection string (Server=…;Port=…;Database=…;User ID=…;Password=…).");
        }

        if (!string.IsNullOrEmpty(given.CertificateFile) || !string.IsNullOrEmpty(given.SslCert) || !string.IsNullOrEmpty(given.SslKey)
            || !string.IsNullOrEmpty(given.SslCa) || !string.IsNullOrEmpty(given.ServerRsaPublicKeyFile))
        {
            return Fail("connection_string must not name files of the server (CertificateFile, SslCert, SslKey, SslCa, ServerRsaPublicKeyFile).");
        }

        var socket = given.ConnectionProtocol is MySqlConnectionProtocol.UnixSocket;
        if (given.ConnectionProtocol is not (MySqlConnectionProtocol.Sockets or MySqlConnectionProtocol.UnixSocket))
        {
            return Fail("connection_string must connect over TCP (Protocol=Socket).");
        }

        var host = socket && !given.Server.StartsWith('/') ? "/" + given.Server : given.Server;
        var problem = CheckHost(host, (int)given.Port, "MySQL") ?? CheckLogin(given.UserID, given.Password);
        if (problem is not null)
        {
            return (null, problem);
        }

        var safe = new MySqlConnectionStringBuilder
        {
            Server = given.Server,
            Port = given.Port,
            ConnectionProtocol = given.ConnectionProtocol,
            Database = given.Database,
            UserID = given.UserID,
            Password = given.Password,
            SslMode = given.SslMode,
            AllowPublicKeyRetrieval = given.AllowPublicKeyRetrieval,
            ApplicationName = "parsejobs-batch-source",
            ConnectionTimeout = (uint)options.ConnectTimeoutSeconds,
            DefaultCommandTimeout = (uint)options.StatementTimeoutSeconds + 5,
            Pooling = false,
            // A server may ask the client for any of its files (LOAD DATA LOCAL): never.
            AllowLoadLocalInfile = false,
            ServerRedirectionMode = MySqlServerRedirectionMode.Disabled,
        };
        return (safe.ConnectionString, null);
    }

    /// <summary>The host of a connection string for messages and logs (never the rest of it); null when it cannot be read.</summary>
    public static string? HostOf(DatabaseKind kind, string? connectionString)
    {
        try
        {
            return kind switch
            {
                DatabaseKind.PostgreSql => new NpgsqlConnectionStringBuilder(connectionString).Host,
                DatabaseKind.MySql => new MySqlConnectionStringBuilder(connectionString ?? "").Server,
                _ => null,
            };
        }
        catch (Exception ex) when (ex is ArgumentException or FormatException or InvalidOperationException)
        {
            return null;
        }
    }

    private SourceProblem? CheckHost(string? host, int port, string server)
    {
        if (string.IsNullOrWhiteSpace(host))
        {
            return Problem($"connection_string names no {server} host.");
        }

        host = host.Trim();
        if (host.Contains(',', StringComparison.Ordinal))
        {
            return Problem("connection_string must name one host, not a list.", Bounded(host));
        }

        var isSocket = host.StartsWith('/') || host.StartsWith('@');
        if (isSocket && !options.AllowUnixSockets)
        {
            return Problem("connection_string must name a host reached over TCP: Unix sockets are turned off on this server (Sources:Database:AllowUnixSockets).", Bounded(host));
        }

        if (!isSocket && host.Contains(':', StringComparison.Ordinal) && !IPAddress.TryParse(host, out _))
        {
            return Problem("connection_string must give the port as Port=, not in the host.", Bounded(host));
        }

        if (options.AllowedHosts.Count == 0)
        {
            return Problem($"Database sources are turned off on this server: an operator lists the hosts a batch may read from in {OpenSetting}.", Bounded(host));
        }

        return options.AllowedHosts.Any(entry => Matches(entry, host, port))
            ? null
            : Problem($"The host {Bounded(host)} is not on this server's list of database hosts ({OpenSetting}).", Bounded(host), options.AllowedHosts);
    }

    private static SourceProblem? CheckLogin(string? user, string? password) =>
        string.IsNullOrEmpty(user) || string.IsNullOrEmpty(password)
            ? Problem("connection_string needs a user and a password (the server's own credentials are never used).")
            : null;

    /// <summary>An allow-list entry: <c>host</c>, <c>host:port</c>, <c>[v6]</c>, <c>[v6]:port</c>, or a socket path.</summary>
    internal static bool Matches(string entry, string host, int port)
    {
        entry = entry.Trim();
        string entryHost = entry;
        int? entryPort = null;
        if (entry.StartsWith('['))
        {
            var close = entry.IndexOf(']', StringComparison.Ordinal);
            if (close < 0)
            {
                return false;
            }

            entryHost = entry[1..close];
            if (close + 1 < entry.Length)
            {
                if (entry[close + 1] != ':' || !int.TryParse(entry.AsSpan(close + 2), NumberStyles.None, CultureInfo.InvariantCulture, out var p))
                {
                    return false;
                }

                entryPort = p;
            }
        }
        else if (!entry.StartsWith('/') && entry.Count(c => c == ':') == 1)
        {
            var colon = entry.IndexOf(':', StringComparison.Ordinal);
            if (!int.TryParse(entry.AsSpan(colon + 1), NumberStyles.None, CultureInfo.InvariantCulture, out var p))
            {
                return false;
            }

            entryHost = entry[..colon];
            entryPort = p;
        }

        return string.Equals(entryHost, host.Trim('[', ']'), StringComparison.OrdinalIgnoreCase) && (entryPort is null || entryPort == port);
    }

    private static string Bounded(string value) => value.Length <= 128 ? value : value[..128] + "…";

    private static SourceProblem Problem(string message, object? provided = null, object? expected = null) =>
        new(Field, message, provided, expected);

    private static (string?, SourceProblem?) Fail(string message) => (null, Problem(message));
}
