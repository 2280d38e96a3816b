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

        return services;
    }

    public static string Input(int delayMs, bool fail = false) => JsonSerializer.Serialize(new EchoInput(delayMs, fail));
}

public sealed record HostMarker(string Name);

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
