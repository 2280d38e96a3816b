using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using ParseJobs.Api.Jobs;
using ParseJobs.Api.Jobs.Items;
using ParseJobs.Api.Uploads;

namespace ParseJobs.Api.Persistence.Configurations;

internal sealed class JobItemConfiguration : IEntityTypeConfiguration<JobItem>
{
    public void Configure(EntityTypeBuilder<JobItem> e)
    {
        e.ToTable("job_items");
        e.HasKey(i => new { i.JobId, i.Seq });
        e.Property(i => i.Status).HasConversion<string>().HasMaxLength(16);
        e.Property(i => i.SourceName).HasMaxLength(JobItem.MaxSourceNameLength);
        e.Property(i => i.ErrorCode).HasMaxLength(ErrorCodes.MaxCodeLength);
        e.Property(i => i.ErrorMessage).HasMaxLength(ErrorCodes.MaxMessageLength);
        e.Property(i => i.BackgroundJobId).HasMaxLength(64);
        e.Property(i => i.Input).HasColumnType("jsonb");
        e.Property(i => i.Result).HasColumnType("json");
        // Two runs of one item (a chunk redone while its first worker still ran): one save wins, one item counted.
        e.Property(i => i.Status).IsConcurrencyToken();
        e.Property(i => i.AttemptCount).IsConcurrencyToken();
        e.HasIndex(i => new { i.JobId, i.Chunk });
        e.HasIndex(i => new { i.JobId, i.OverallScore }).IsDescending(false, true);
        e.HasIndex(i => i.DocumentId);
        e.HasOne<Job>().WithMany().HasForeignKey(i => i.JobId).OnDelete(DeleteBehavior.Cascade);
        e.HasOne<StoredDocument>().WithMany().HasForeignKey(i => i.DocumentId).OnDelete(DeleteBehavior.SetNull);
    }
}
