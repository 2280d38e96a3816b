using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging.Abstractions;
using ParseJobs.Api.Jobs;
using ParseJobs.Api.Persistence;
using ParseJobs.Extraction.Parsing;

namespace ParseJobs.Api.Tests.Jobs;

public sealed class JobProgressWriterTests
{
    [Fact]
    public async Task Progress_IsFirstWritten_OneIntervalAfterTheParseStarted_NotWithItsFirstPage()
    {
        var clock = new SteppedClock();
        var contexts = new CountingContexts();
        var progress = new JobProgressWriter(contexts, clock, NullLogger<JobProgressWriter>.Instance).For(Guid.NewGuid(), CancellationToken.None);

        progress.Report(new PageProgress(1, 3)); // 0 ms: a job that ends before the interval writes nothing
        await Task.Delay(200);
        var writtenAtOnce = contexts.Created;
        clock.Advance(TimeSpan.FromMilliseconds(250));
        progress.Report(new PageProgress(2, 3));
        await contexts.WaitForFirstAsync();

        Assert.Equal(0, writtenAtOnce);
        Assert.Equal(1, contexts.Created);
    }

    private sealed class SteppedClock : TimeProvider
    {
        private DateTimeOffset _now = new(2026, 12, 2, 0, 0, 0, TimeSpan.Zero);

        public override DateTimeOffset GetUtcNow() => _now;

        public void Advance(TimeSpan by) => _now += by;
    }

    /// <summary>Counts the writes (each opens a context); the write itself fails, which the writer only logs.</summary>
    private sealed class CountingContexts : IDbContextFactory<ParseJobsDbContext>
    {
        private readonly TaskCompletionSource _first = new(TaskCreationOptions.RunContinuationsAsynchronously);
        private int _created;

        public int Created => Volatile.Read(ref _created);

        public ParseJobsDbContext CreateDbContext()
        {
            Interlocked.Increment(ref _created);
            _first.TrySetResult();
            throw new InvalidOperationException("no database in this test");
        }

        public Task WaitForFirstAsync() => _first.Task.WaitAsync(TimeSpan.FromSeconds(10));
    }
}
