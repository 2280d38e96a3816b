using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using ParseJobs.Api.Documents;
using ParseJobs.Api.Jobs;

namespace ParseJobs.Api.Persistence.Configurations;

internal sealed class JobImageConfiguration : IEntityTypeConfiguration<JobImage>
{
    public void Configure(EntityTypeBuilder<JobImage> e)
    {
        e.HasKey(i => new { i.JobId, i.SegmentId });
        e.Property(i => i.SegmentId).HasMaxLength(32);
        e.Property(i => i.MediaType).HasMaxLength(64);
        e.HasOne<Job>().WithMany().HasForeignKey(i => i.JobId).OnDelete(DeleteBehavior.Cascade);
    }
}
