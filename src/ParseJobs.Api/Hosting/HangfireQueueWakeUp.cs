using System.Reflection;
using Hangfire.PostgreSql;
using Hangfire.PostgreSql.Utils;
using Npgsql;
using ParseJobs.Api.Persistence;

namespace ParseJobs.Api.Hosting;

/// <summary>
/// Wakes this node's idle Hangfire workers when another node enqueues a job, without Hangfire.PostgreSql's long
/// polling. Within a process Hangfire.PostgreSql already wakes one waiting worker of the job's queue when an enqueue
/// commits (its per-queue signal); long polling added, for every fetch, a LISTEN on a pooled connection and a
/// listening task, and every NOTIFY woke every idle worker of every server to fetch (about 18 statements per job,
/// docs/PERFORMANCE.md). Instead a trigger on Hangfire's queue table notifies <see cref="ChannelName"/> with the
/// enqueuing connection's application name (<see cref="HangfireNode"/>) and the queue; the node's
/// <see cref="NotificationListener"/> hands other nodes' notifications to the same per-queue signal (its own enqueues
/// have signalled already). Several hosts in one process (the tests) share that static signal: a wake-up may reach
/// another host's worker, and the queue poll interval bounds the wait then.
/// </summary>
public sealed class HangfireQueueWakeUp(HangfireNode node, IReadOnlyList<string> queues) : INotificationHandler
{
    public const string ChannelName = "parsejobs_enqueued";

    private const char Separator = '|';

    /// <summary>Hangfire.PostgreSql's in-process per-queue signal (internal in 1.21); null when a version no longer has
    /// it, and then the node keeps long polling (<see cref="HangfireSetup"/>).</summary>
    public static AutoResetEventRegistry? QueueSignals { get; } =
        typeof(PostgreSqlJobQueue).GetField("_queueEventRegistry", BindingFlags.NonPublic | BindingFlags.Static)?.GetValue(null) as AutoResetEventRegistry;

    public string Channel => ChannelName;

    public void OnNotification(string payload)
    {
        var split = payload.LastIndexOf(Separator);
        if (split < 0 || payload.AsSpan(0, split).SequenceEqual(node.ApplicationName))
        {
            return; // this node's own enqueue: Hangfire signalled its workers on commit
        }

        QueueSignals?.Set(payload[(split + 1)..]);
    }

    /// <summary>Enqueues while the listener was away were not heard: every queue of this node's servers fetches once.</summary>
    public void OnListening()
    {
        foreach (var queue in queues)
        {
            QueueSignals?.Set(queue);
        }
    }

    /// <summary>The trigger that notifies <see cref="ChannelName"/> on every enqueue, installed with Hangfire's schema
    /// (idempotent: <c>CREATE OR REPLACE</c>).</summary>
    public static async Task InstallTriggerAsync(NpgsqlConnection connection, string schemaName, CancellationToken ct)
    {
        var schema = schemaName.Replace("\"", "", StringComparison.Ordinal);
        var sql = $"""
            CREATE OR REPLACE FUNCTION "{schema}".parsejobs_notify_enqueued() RETURNS trigger LANGUAGE plpgsql AS $$
            BEGIN
                PERFORM pg_notify('{ChannelName}', current_setting('application_name') || '{Separator}' || NEW.queue);
                RETURN NULL;
            END $$;
            CREATE OR REPLACE TRIGGER parsejobs_notify_enqueued AFTER INSERT ON "{schema}".jobqueue
                FOR EACH ROW EXECUTE FUNCTION "{schema}".parsejobs_notify_enqueued();
            """;
#pragma warning disable CA2100 // the schema name is configuration (quotes removed), not input
        await using var command = new NpgsqlCommand(sql, connection);
#pragma warning restore CA2100
        await command.ExecuteNonQueryAsync(ct);
    }
}

/// <summary>This node's identity on Hangfire's connections (their application name), so that the node can tell its
/// own enqueue notifications from other nodes'.</summary>
public sealed record HangfireNode(string ApplicationName)
{
    public static HangfireNode Create() => new($"parsejobs-hangfire {Guid.NewGuid():N}"[..31]);
}
