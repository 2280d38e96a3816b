using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using ParseJobs.Api.Jobs;

namespace ParseJobs.Api.Persistence.Configurations;

internal sealed class JobResultConfiguration : IEntityTypeConfiguration<JobResult>
{
    public void Configure(EntityTypeBuilder<JobResult> e)
    {
        e.HasKey(r => r.JobId);
        // json, not jsonb: the text is kept as the runner wrote it (the documented key order), served as is.
        e.Property(r => r.Data).HasColumnType("json");
        e.Property(r => r.Meta).HasColumnType("jsonb");
        e.HasOne<Job>().WithOne().HasForeignKey<JobResult>(r => r.JobId).OnDelete(DeleteBehavior.Cascade);
    }
}
