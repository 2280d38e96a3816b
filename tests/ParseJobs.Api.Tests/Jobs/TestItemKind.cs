using System.Collections.Concurrent;
using System.Text.Json;
using ParseJobs.Api.Jobs;
using ParseJobs.Api.Jobs.Items;

namespace ParseJobs.Api.Tests.Jobs;

/// <summary>
/// An item job kind that exists only in the tests: a value outside the production <see cref="JobKind"/> members,
/// registered only by the test hosts, so production never sees it and the descriptor test covers production kinds.
/// </summary>
public static class TestItemKind
{
    public const JobKind Echo = (JobKind)901;

    /// <summary>The same work, its items read on a worker from the job's parameters (<see cref="EchoExpander"/>).</summary>
    public const JobKind ExpandedEcho = (JobKind)902;
    public const string SourceFailCode = "TEST_SOURCE_FAILED";
    public const int ChunkSize = 2;
    public const string FailCode = "TEST_ITEM_FAILED";

    public static IServiceCollection AddEchoItemKind(this IServiceCollection services, string hostName, FanInLog fanIns)
    {
        services.AddSingleton(new HostMarker(hostName));
        services.AddSingleton(fanIns);
        services.AddJobKind<EchoItemWork, EchoItemResult>(Echo, k => k
            .WithItems(ChunkSize)
            .WithTimeout(TimeSpan.FromSeconds(30))
            .WhenAllItemsDone((sp, jobId, _) =>
            {
                sp.GetRequiredService<FanInLog>().Record(jobId);
                return Task.CompletedTask;
            }));
        services.AddJobKind<EchoItemWork, EchoItemResult>(ExpandedEcho, k => k
            .WithItems(ChunkSize)
            .ExpandedBy<EchoExpander>()
            .WithTimeout(TimeSpan.FromSeconds(30))
            .WhenAllItemsDone((sp, jobId, _) =>
            {
                sp.GetRequiredService<FanInLog>().Record(jobId);
                return Task.CompletedTask;
            }));

        return services;
    }

    public static string Input(int delayMs, bool fail = false) => JsonSerializer.Serialize(new EchoInput(delayMs, fail));
}

public sealed record HostMarker(string Name);

/// <summary>What an expanded echo job reads when it starts: <paramref name="Count"/> items (the ones in
/// <paramref name="Skipped"/> stored failed), or a source failure when <paramref name="Unreadable"/>.</summary>
public sealed record EchoSource(int Count, int DelayMs = 0, int[]? Skipped = null, bool Unreadable = false, bool Crash = false)
{
    public string Json() => JsonSerializer.Serialize(this);
}

/// <summary>Reads an expanded echo job's items from its parameters; counts its ended calls per job.</summary>
public sealed class EchoExpander(FanInLog log) : IJobItemExpander
{
    public async IAsyncEnumerable<JobItemDraft> ExpandAsync(Job job, [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken ct)
    {
        var source = JsonSerializer.Deserialize<EchoSource>(job.Parameters!)!;
        for (var i = 0; i < source.Count; i++)
        {
            await Task.Yield();
            if (source.Crash && i == source.Count / 2 && log.ShouldCrash(job.Id))
            {
                throw new InvalidOperationException("Simulated: the worker lost its source half-way.");
            }

            yield return source.Skipped?.Contains(i) == true
                ? new JobItemDraft($"entry-{i}") { Failure = new JobItemFailure(TestItemKind.FailCode, $"Entry {i} is no candidate.") }
                : new JobItemDraft($"entry-{i}") { Input = TestItemKind.Input(source.DelayMs) };
        }

        if (source.Unreadable)
        {
            throw new JobFailedException(TestItemKind.SourceFailCode, "The source cannot be read.");
        }
    }

    public Task ExpansionEndedAsync(Job job, bool succeeded, CancellationToken ct)
    {
        log.RecordExpansionEnded(job.Id, succeeded);
        return Task.CompletedTask;
    }
}

public sealed record EchoInput(int DelayMs, bool Fail);

public sealed record EchoItemResult(string Host, int Seq);

/// <summary>How often each job's fan-in ran, across every host of a test (one instance shared by the hosts).</summary>
public sealed class FanInLog
{
    private readonly ConcurrentDictionary<Guid, int> _counts = new();
    private int _failNext;

    /// <summary>The next fan-in throws instead of recording: what a fan-in run that dies before finishing leaves.</summary>
    public void FailNext() => Interlocked.Exchange(ref _failNext, 1);

    public void Record(Guid jobId)
    {
        if (Interlocked.Exchange(ref _failNext, 0) == 1)
        {
            throw new InvalidOperationException($"The fan-in of job {jobId} was asked to fail.");
        }

        _counts.AddOrUpdate(jobId, 1, (_, n) => n + 1);
    }

    public int Count(Guid jobId) => _counts.GetValueOrDefault(jobId);

    private readonly ConcurrentDictionary<Guid, bool> _expansionsEnded = new();
    private readonly ConcurrentDictionary<Guid, int> _crashes = new();

    public void RecordExpansionEnded(Guid jobId, bool succeeded) => _expansionsEnded[jobId] = succeeded;

    /// <summary>How the job's expansion ended (null: not yet).</summary>
    public bool? ExpansionEnded(Guid jobId) => _expansionsEnded.TryGetValue(jobId, out var ok) ? ok : null;

    /// <summary>True the first time for a job: its first expansion attempt crashes, the retry goes through.</summary>
    public bool ShouldCrash(Guid jobId) => _crashes.AddOrUpdate(jobId, 1, (_, n) => n + 1) == 1;
}

/// <summary>Waits, optionally fails, and says which host ran the item.</summary>
public sealed class EchoItemWork(HostMarker host) : IJobItemWork<EchoItemResult>
{
    public async Task<JobItemOutput<EchoItemResult>> RunAsync(JobItemContext item, CancellationToken ct)
    {
        var input = JsonSerializer.Deserialize<EchoInput>(item.Item.Input!)!;
        await Task.Delay(input.DelayMs, ct);
        if (input.Fail)
        {
            throw new JobFailedException(TestItemKind.FailCode, $"Item {item.Item.Seq} was asked to fail.");
        }

        return new JobItemOutput<EchoItemResult>(new EchoItemResult(host.Name, item.Item.Seq)) { OverallScore = item.Item.Seq / 100.0 };
    }
}
