using ParseJobs.Api.Persistence;

namespace ParseJobs.Api.Jobs;

/// <summary>
/// Long polls' wake-ups: a trigger on the jobs table notifies <see cref="ChannelName"/> with the job id whenever a job
/// ends (completed or failed, on any node); the node's <see cref="NotificationListener"/> hands it here, and every
/// request waiting for that job wakes. A waiter holds no database connection, only an entry in this node's memory,
/// removed when its request ends.
/// </summary>
public sealed class JobEndSignals : INotificationHandler
{
    public const string ChannelName = "parsejobs_job_ended";

    private readonly Dictionary<Guid, Waiter> _waiting = [];

    public string Channel => ChannelName;

    /// <summary>Starts listening for the job's end. Register before reading the job's status, so that an end between
    /// the read and the wait is not missed; dispose when the request is done.</summary>
    public Registration Register(Guid jobId)
    {
        lock (_waiting)
        {
            if (!_waiting.TryGetValue(jobId, out var waiter))
            {
                _waiting[jobId] = waiter = new Waiter();
            }

            waiter.Count++;
            return new Registration(this, jobId, waiter);
        }
    }

    public void OnNotification(string payload)
    {
        if (!Guid.TryParse(payload, out var jobId))
        {
            return;
        }

        Waiter? waiter;
        lock (_waiting)
        {
            if (!_waiting.Remove(jobId, out waiter))
            {
                return;
            }
        }

        waiter.Ended.TrySetResult();
    }

    /// <summary>Ends may have been missed while the listener was away: every waiter wakes and reads its job again.</summary>
    public void OnListening()
    {
        List<Waiter> all;
        lock (_waiting)
        {
            all = [.. _waiting.Values];
            _waiting.Clear();
        }

        foreach (var waiter in all)
        {
            waiter.Ended.TrySetResult();
        }
    }

    private void Release(Guid jobId, Waiter waiter)
    {
        lock (_waiting)
        {
            if (--waiter.Count == 0 && _waiting.TryGetValue(jobId, out var current) && current == waiter)
            {
                _waiting.Remove(jobId);
            }
        }
    }

    internal sealed class Waiter
    {
        public TaskCompletionSource Ended { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public int Count { get; set; }
    }

    /// <summary>One request's wait for one job.</summary>
    public sealed class Registration : IDisposable
    {
        private readonly JobEndSignals _signals;
        private readonly Guid _jobId;
        private readonly Waiter _waiter;
        private bool _disposed;

        internal Registration(JobEndSignals signals, Guid jobId, Waiter waiter)
        {
            _signals = signals;
            _jobId = jobId;
            _waiter = waiter;
        }

        /// <summary>True when the job's end (or a listener reconnect) was signalled within <paramref name="timeout"/>.</summary>
        public async Task<bool> WaitAsync(TimeSpan timeout, CancellationToken ct)
        {
            try
            {
                await _waiter.Ended.Task.WaitAsync(timeout, ct);
                return true;
            }
            catch (TimeoutException)
            {
                return false;
            }
        }

        public void Dispose()
        {
            if (!_disposed)
            {
                _disposed = true;
                _signals.Release(_jobId, _waiter);
            }
        }
    }
}
