using ParseJobs.Api.Jobs;

namespace ParseJobs.Api.Tests.Jobs;

public sealed class JobStateMachineTests
{
    private static readonly DateTimeOffset T0 = new(2026, 1, 1, 12, 0, 0, TimeSpan.Zero);

    private static Job NewJob() => Job.Create(Guid.NewGuid(), JobKind.CvParse, Guid.NewGuid(), null, T0);

    [Fact]
    public void NewJob_IsPending()
    {
        var job = NewJob();

        Assert.Equal(JobStatus.Pending, job.Status);
        Assert.Equal(0, job.AttemptCount);
        Assert.Null(job.StartedAt);
    }

    [Fact]
    public void TryStart_MovesPendingToRunning_AndCountsTheAttempt()
    {
        var job = NewJob();

        Assert.Equal(StartOutcome.Started, job.TryStart(T0.AddSeconds(1)));

        Assert.Equal(JobStatus.Running, job.Status);
        Assert.Equal(1, job.AttemptCount);
        Assert.Equal(T0.AddSeconds(1), job.StartedAt);
    }

    [Fact]
    public void TryStart_RunsAgain_WhenAWorkerDiedWhileRunning()
    {
        var job = NewJob();
        job.TryStart(T0);

        Assert.Equal(StartOutcome.Started, job.TryStart(T0.AddMinutes(3)));

        Assert.Equal(2, job.AttemptCount);
        Assert.Equal(T0.AddMinutes(3), job.StartedAt);
    }

    [Fact]
    public void TryStart_RefusesTerminalJobs()
    {
        var completed = NewJob();
        completed.TryStart(T0);
        completed.Complete(T0.AddSeconds(2));
        var failed = NewJob();
        failed.Fail("X", "y", T0);

        Assert.Equal(StartOutcome.AlreadyEnded, completed.TryStart(T0.AddSeconds(3)));
        Assert.Equal(StartOutcome.AlreadyEnded, failed.TryStart(T0.AddSeconds(3)));
        Assert.Equal(JobStatus.Completed, completed.Status);
        Assert.Equal(JobStatus.Failed, failed.Status);
    }

    [Fact]
    public void TryStart_FailsTheJob_WhenEveryAttemptDiedUnfinished()
    {
        var job = NewJob();
        job.TryStart(T0, maxAttempts: 2);
        job.TryStart(T0.AddMinutes(2), maxAttempts: 2);

        var outcome = job.TryStart(T0.AddMinutes(4), maxAttempts: 2);

        Assert.Equal(StartOutcome.AttemptsExhausted, outcome);
        Assert.Equal(JobStatus.Failed, job.Status);
        Assert.Equal(Job.InternalErrorCode, job.ErrorCode);
        Assert.Equal(2, job.AttemptCount);
    }

    [Fact]
    public void Complete_SetsExecutionTime()
    {
        var job = NewJob();
        job.TryStart(T0);

        job.Complete(T0.AddMilliseconds(1500));

        Assert.Equal(JobStatus.Completed, job.Status);
        Assert.Equal(1.5, job.ExecutionTimeSeconds);
        Assert.Equal(T0.AddMilliseconds(1500), job.CompletedAt);
    }

    [Fact]
    public void Complete_Throws_WhenNotRunning()
    {
        var job = NewJob();

        Assert.Throws<InvalidJobTransitionException>(() => job.Complete(T0));
    }

    [Fact]
    public void Fail_EndsTheJobOnlyOnce()
    {
        var job = NewJob();
        job.TryStart(T0);

        Assert.True(job.Fail("DOCUMENT_CORRUPT", "broken", T0.AddSeconds(1)));
        Assert.False(job.Fail("INTERNAL_ERROR", "later", T0.AddSeconds(2)));

        Assert.Equal("DOCUMENT_CORRUPT", job.ErrorCode);
        Assert.Equal(T0.AddSeconds(1), job.FailedAt);
    }

    [Fact]
    public void Fail_DoesNotOverwriteCompletion()
    {
        var job = NewJob();
        job.TryStart(T0);
        job.Complete(T0.AddSeconds(1));

        Assert.False(job.Fail("INTERNAL_ERROR", "late", T0.AddSeconds(2)));
        Assert.Equal(JobStatus.Completed, job.Status);
        Assert.Null(job.ErrorCode);
    }

    [Fact]
    public void Resubmit_ReturnsAFailedJobToPending_WithAFreshAttemptBudget()
    {
        var job = NewJob();
        job.TryStart(T0);
        job.Fail("X", "y", T0.AddSeconds(1));

        job.Resubmit(T0.AddSeconds(5));

        Assert.Equal(JobStatus.Pending, job.Status);
        Assert.Null(job.ErrorCode);
        Assert.Null(job.FailedAt);
        Assert.Equal(0, job.AttemptCount);
        Assert.Equal(StartOutcome.Started, job.TryStart(T0.AddSeconds(6), maxAttempts: 1));
        Assert.Equal(1, job.AttemptCount);
    }

    [Theory]
    [InlineData(JobStatus.Pending)]
    [InlineData(JobStatus.Running)]
    [InlineData(JobStatus.Completed)]
    public void Resubmit_Throws_WhenJobDidNotFail(JobStatus status)
    {
        var job = NewJob();
        if (status != JobStatus.Pending)
        {
            job.TryStart(T0);
        }

        if (status == JobStatus.Completed)
        {
            job.Complete(T0);
        }

        Assert.Throws<InvalidJobTransitionException>(() => job.Resubmit(T0));
    }

    [Fact]
    public void ReportProgress_NeverExceedsTotal()
    {
        var job = NewJob();
        job.TryStart(T0);

        job.ReportProgress(7, 5, T0);

        Assert.Equal(5, job.ProcessedPages);
        Assert.Equal(5, job.TotalPages);
    }
}
