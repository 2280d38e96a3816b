using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using ParseJobs.Api.Auth;
using ParseJobs.Api.Jobs;
using ParseJobs.Api.Uploads;

namespace ParseJobs.Api.Persistence.Configurations;

internal sealed class JobConfiguration : IEntityTypeConfiguration<Job>
{
    public void Configure(EntityTypeBuilder<Job> e)
    {
        e.Property(j => j.Status).HasConversion<string>().HasMaxLength(16);
        e.Property(j => j.Kind).HasConversion<string>().HasMaxLength(32);
        e.Property(j => j.DataId).HasMaxLength(256);
        e.Property(j => j.ErrorCode).HasMaxLength(ErrorCodes.MaxCodeLength);
        e.Property(j => j.ErrorMessage).HasMaxLength(ErrorCodes.MaxMessageLength);
        e.Property(j => j.BackgroundJobId).HasMaxLength(64);
        e.Property(j => j.Parameters).HasColumnType("jsonb");
        // Status and attempt count guard every write of a job: a run that lost a race (another run restarted
        // or ended the job) fails to save instead of overwriting. Progress and counter updates touch neither.
        e.Property(j => j.Status).IsConcurrencyToken();
        e.Property(j => j.AttemptCount).IsConcurrencyToken();
        // Listing is by organisation, newest first, with optional status/kind filters.
        e.HasIndex(j => new { j.OrganisationId, j.CreatedAt });
        e.HasIndex(j => new { j.Status, j.UpdatedAt });
        e.HasOne<Organisation>().WithMany().HasForeignKey(j => j.OrganisationId).OnDelete(DeleteBehavior.Cascade);
        e.HasOne<StoredDocument>().WithMany().HasForeignKey(j => j.DocumentId).OnDelete(DeleteBehavior.SetNull);
    }
}
