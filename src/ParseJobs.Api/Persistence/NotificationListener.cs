using Npgsql;

namespace ParseJobs.Api.Persistence;

/// <summary>Something this node does when PostgreSQL delivers a NOTIFY on <see cref="Channel"/>.</summary>
public interface INotificationHandler
{
    /// <summary>The channel (a plain identifier: letters, digits, underscores).</summary>
    string Channel { get; }

    /// <summary>Called on the listener's thread: quick, and never throws.</summary>
    void OnNotification(string payload);

    /// <summary>The listener (re)connected: notifications sent while it was away are lost, so catch up.</summary>
    void OnListening();
}

/// <summary>
/// The node's one LISTEN connection (<see cref="Hosting.ConnectionBudget.Listener"/>): a dedicated connection outside
/// the pools, listening on every registered handler's channel, reconnecting with a bounded back-off when it drops.
/// </summary>
public sealed class NotificationListener(string connectionString, IEnumerable<INotificationHandler> handlers, ILogger<NotificationListener> logger)
    : BackgroundService
{
    private static readonly TimeSpan MaxRetryDelay = TimeSpan.FromSeconds(30);

    private readonly Dictionary<string, INotificationHandler[]> _byChannel = handlers
        .GroupBy(h => h.Channel, StringComparer.Ordinal)
        .ToDictionary(g => g.Key, g => g.ToArray(), StringComparer.Ordinal);

    /// <summary>The dedicated connection's settings: no pool (it is held for the node's life), a keep-alive so that a
    /// silently dropped connection is noticed, and a name operators see in pg_stat_activity.</summary>
    public static string ListenerConnectionString(string connectionString) => new NpgsqlConnectionStringBuilder(connectionString)
    {
        Pooling = false,
        KeepAlive = 30,
        ApplicationName = "parsejobs-listener",
    }.ConnectionString;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (_byChannel.Count == 0)
        {
            return;
        }

        var delay = TimeSpan.FromSeconds(1);
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await ListenAsync(stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex) when (ex is NpgsqlException or IOException or TimeoutException or InvalidOperationException)
            {
                logger.LogWarning(ex, "The notification listener lost its connection; reconnecting in {Delay}", delay);
                try
                {
                    await Task.Delay(delay, stoppingToken);
                }
                catch (OperationCanceledException)
                {
                    return;
                }

                delay = TimeSpan.FromTicks(Math.Min(delay.Ticks * 2, MaxRetryDelay.Ticks));
                continue;
            }
        }
    }

    private async Task ListenAsync(CancellationToken ct)
    {
        await using var connection = new NpgsqlConnection(ListenerConnectionString(connectionString));
        connection.Notification += (_, e) => Dispatch(e.Channel, e.Payload);
        await connection.OpenAsync(ct);
        await using (var listen = new NpgsqlCommand(string.Concat(_byChannel.Keys.Select(c => $"LISTEN {c};")), connection))
        {
            await listen.ExecuteNonQueryAsync(ct);
        }

        foreach (var handler in _byChannel.Values.SelectMany(h => h))
        {
            handler.OnListening();
        }

        while (true)
        {
            await connection.WaitAsync(ct);
        }
    }

    private void Dispatch(string channel, string payload)
    {
        if (!_byChannel.TryGetValue(channel, out var targets))
        {
            return;
        }

        foreach (var handler in targets)
        {
            try
            {
                handler.OnNotification(payload);
            }
            catch (Exception ex)
            {
                // A handler's bug must not stop the node's listener.
                logger.LogError(ex, "Notification handler {Handler} failed on channel {Channel}", handler.GetType().Name, channel);
            }
        }
    }
}
