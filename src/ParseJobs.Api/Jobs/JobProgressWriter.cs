using Microsoft.EntityFrameworkCore;
using ParseJobs.Api.Persistence;
using ParseJobs.Extraction.Parsing;

namespace ParseJobs.Api.Jobs;

/// <summary>
/// Writes page progress of a running job as pages finish, at most every <see cref="MinInterval"/>,
/// on its own DbContext so that progress never collides with the job's unit of work.
/// </summary>
public sealed class JobProgressWriter(IDbContextFactory<ParseJobsDbContext> contexts, TimeProvider clock, ILogger<JobProgressWriter> logger)
{
    private readonly TimeProvider clock = clock;

    private static readonly TimeSpan MinInterval = TimeSpan.FromMilliseconds(200);

    public IProgress<PageProgress> For(Guid jobId, CancellationToken ct) => new Reporter(this, jobId, clock.GetUtcNow().UtcTicks, ct);

    private async Task WriteAsync(Guid jobId, PageProgress progress, CancellationToken ct)
    {
        try
        {
            await using var db = await contexts.CreateDbContextAsync(ct);
            var now = clock.GetUtcNow();
            await db.Jobs.Where(j => j.Id == jobId && j.Status == JobStatus.Running)
                .ExecuteUpdateAsync(s => s
                    .SetProperty(j => j.TotalPages, progress.TotalPages)
                    .SetProperty(j => j.ProcessedPages, progress.ProcessedPages)
                    .SetProperty(j => j.UpdatedAt, now), ct);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // Progress is informative; losing one update must not fail the job.
            logger.LogDebug(ex, "Progress update for job {JobId} skipped", jobId);
        }
    }

    private sealed class Reporter(JobProgressWriter writer, Guid jobId, long startTicks, CancellationToken ct) : IProgress<PageProgress>
    {
        private int _writing; // 1 while a write is under way: updates meanwhile are skipped, not queued

        // The first write comes MinInterval after the parse started, not with its first page: a job that ends sooner
        // (a two-page CV: ~30 ms) writes no progress at all, one statement and round trip fewer per job.
        private long _lastWriteTicks = startTicks;

        public void Report(PageProgress value)
        {
            // The last page is not written here: the job's outcome carries the final counts (JobOutput.PageCount), and a
            // write racing the completion's UPDATE of the same row only made the completion wait for its row lock.
            if (value.ProcessedPages >= value.TotalPages)
            {
                return;
            }

            var now = writer.clock.GetUtcNow().UtcTicks;
            if (now - Interlocked.Read(ref _lastWriteTicks) < MinInterval.Ticks || Interlocked.Exchange(ref _writing, 1) == 1)
            {
                return;
            }

            Interlocked.Exchange(ref _lastWriteTicks, now);
            _ = Task.Run(async () =>
            {
                try
                {
                    await writer.WriteAsync(jobId, value, ct);
                }
                finally
                {
                    Volatile.Write(ref _writing, 0);
                }
            }, CancellationToken.None);
        }
    }
}
