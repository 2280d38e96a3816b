using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;

namespace ParseJobs.Api.Tests.Infrastructure;

/// <summary>
/// A loopback TCP forwarder in front of the real PostgreSQL: <see cref="Cut"/> drops every open connection and
/// closes new ones at once (the database is gone, as in a restart or a network partition), <see cref="Restore"/>
/// forwards again. Lets a test take the database away from one host without touching the shared server.
/// </summary>
public sealed class TcpProxy : IAsyncDisposable
{
    private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
    private readonly string _targetHost;
    private readonly int _targetPort;
    private readonly CancellationTokenSource _stop = new();
    private readonly ConcurrentDictionary<TcpClient, byte> _open = new();
    private readonly Task _acceptLoop;
    private volatile bool _up;

    public TcpProxy(string targetHost, int targetPort, bool up = true)
    {
        _targetHost = targetHost;
        _targetPort = targetPort;
        _up = up;
        _listener.Start();
        _acceptLoop = AcceptAsync();
    }

    /// <summary>Connections closed at once because the proxy was cut.</summary>
    public int Refused => _refused;

    private int _refused;

    public int Port => ((IPEndPoint)_listener.LocalEndpoint).Port;

    /// <summary>The connection string with host and port replaced by the proxy's.</summary>
    public static (TcpProxy Proxy, string ConnectionString) For(string connectionString, bool up = true)
    {
        var builder = new Npgsql.NpgsqlConnectionStringBuilder(connectionString);
        var host = builder.Host is null or "localhost" ? "127.0.0.1" : builder.Host;
        var proxy = new TcpProxy(host, builder.Port, up);
        builder.Host = "127.0.0.1";
        builder.Port = proxy.Port;
        return (proxy, builder.ConnectionString);
    }

    public void Cut()
    {
        _up = false;
        foreach (var client in _open.Keys)
        {
            Drop(client);
        }
    }

    public void Restore() => _up = true;

    private async Task AcceptAsync()
    {
        while (!_stop.IsCancellationRequested)
        {
            TcpClient client;
            try
            {
                client = await _listener.AcceptTcpClientAsync(_stop.Token);
            }
            catch (Exception) when (_stop.IsCancellationRequested)
            {
                return;
            }

            if (!_up)
            {
                Interlocked.Increment(ref _refused);
                Drop(client);
                continue;
            }

            _ = ForwardAsync(client);
        }
    }

    private async Task ForwardAsync(TcpClient client)
    {
        using var server = new TcpClient();
        _open[client] = 0;
        _open[server] = 0;
        try
        {
            await server.ConnectAsync(_targetHost, _targetPort, _stop.Token);
            var a = client.GetStream();
            var b = server.GetStream();
            await Task.WhenAny(a.CopyToAsync(b, _stop.Token), b.CopyToAsync(a, _stop.Token));
        }
        catch (Exception ex) when (ex is IOException or SocketException or OperationCanceledException or ObjectDisposedException)
        {
            // a cut connection: both ends are dropped below
        }
        finally
        {
            Drop(client);
            Drop(server);
        }
    }

    private void Drop(TcpClient client)
    {
        _open.TryRemove(client, out _);
        try
        {
            if (client.Client is { } socket) // null once closed
            {
                socket.LingerState = new LingerOption(true, 0); // RST, like a dead server
            }

            client.Close();
        }
        catch (Exception ex) when (ex is SocketException or ObjectDisposedException)
        {
            // already closed
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        _listener.Stop();
        Cut();
        try
        {
            await _acceptLoop;
        }
        catch (OperationCanceledException)
        {
        }

        _stop.Dispose();
    }
}
