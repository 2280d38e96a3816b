using System.Collections.Concurrent;
using Serilog.Core;
using Serilog.Events;

namespace ParseJobs.Api.Tests.Infrastructure;

/// <summary>
/// Where a test host's log goes instead of the console: the test runner's output stays free of log lines
/// (expected job failures log warnings and errors by design). The latest events are kept so that a failing
/// wait can show what the host was doing (<see cref="Describe"/>).
/// </summary>
public sealed class TestLogSink : ILogEventSink
{
    private const int Capacity = 2000;
    private readonly ConcurrentQueue<LogEvent> _events = new();

    public void Emit(LogEvent logEvent)
    {
        _events.Enqueue(logEvent);
        while (_events.Count > Capacity && _events.TryDequeue(out _))
        {
        }
    }

    public IReadOnlyList<LogEvent> Events => [.. _events];

    public bool Contains(string text) =>
        _events.Any(e => e.RenderMessage(System.Globalization.CultureInfo.InvariantCulture).Contains(text, StringComparison.Ordinal));

    /// <summary>The last warnings and errors, one per line, for an assertion message.</summary>
    public string Describe(int count = 20) => string.Join(
        Environment.NewLine,
        _events.Where(e => e.Level >= LogEventLevel.Warning).TakeLast(count)
            .Select(e => $"{e.Timestamp:HH:mm:ss.fff} {e.Level}: {e.RenderMessage(System.Globalization.CultureInfo.InvariantCulture)} {e.Exception?.GetType().Name}"));
}
