using ParseJobs.Api.Hosting;
using ParseJobs.Api.Jobs;

namespace ParseJobs.Api.Tests.Hosting;

public sealed class WireStatusTests
{
    [Theory]
    [InlineData(JobStatus.Pending, "pending", "pending")]
    [InlineData(JobStatus.Running, "running", "processing")]
    [InlineData(JobStatus.Completed, "completed", "completed")]
    [InlineData(JobStatus.Failed, "failed", "failed")]
    public void EachSurface_NamesTheDomainStatusInItsOwnWords(JobStatus status, string v1, string processing)
    {
        Assert.Equal(v1, V1Wire.Name(status));
        Assert.Equal(processing, ProcessingWire.Name(status));
        Assert.Equal(status, V1Wire.Domain(V1Wire.Status(status)));
    }

    [Fact]
    public void EveryDomainStatus_HasAWordOnEverySurface()
    {
        // A new JobStatus (waiting for a file, cancelled) must be mapped on both surfaces, or this fails.
        foreach (var status in Enum.GetValues<JobStatus>())
        {
            Assert.False(string.IsNullOrEmpty(V1Wire.Name(status)));
            Assert.False(string.IsNullOrEmpty(ProcessingWire.Name(status)));
        }

        Assert.Equal(Enum.GetValues<JobStatus>().Length, Enum.GetValues<V1JobStatus>().Length);
    }
}
