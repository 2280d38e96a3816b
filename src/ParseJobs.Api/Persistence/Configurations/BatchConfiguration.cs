using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using ParseJobs.Api.Auth;
using ParseJobs.Api.Batches;
using ParseJobs.Api.Jobs;

namespace ParseJobs.Api.Persistence.Configurations;

internal sealed class BatchConfiguration : IEntityTypeConfiguration<Batch>
{
    public void Configure(EntityTypeBuilder<Batch> e)
    {
        e.ToTable("batches");
        e.HasKey(b => b.JobId);
        e.Property(b => b.InputType).HasConversion<string>().HasMaxLength(32);
        e.Property(b => b.Analysis).HasColumnType("json");
        e.Property(b => b.Metadata).HasColumnType("jsonb");
        e.Property(b => b.SourceFileName).HasMaxLength(512);
        e.HasIndex(b => b.OrganisationId);
        e.HasOne<Job>().WithOne().HasForeignKey<Batch>(b => b.JobId).OnDelete(DeleteBehavior.Cascade);
        e.HasOne<Organisation>().WithMany().HasForeignKey(b => b.OrganisationId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class JobAnalysisCacheConfiguration : IEntityTypeConfiguration<JobAnalysisCacheEntry>
{
    public void Configure(EntityTypeBuilder<JobAnalysisCacheEntry> e)
    {
        e.ToTable("job_analysis_cache");
        e.HasKey(c => new { c.OrganisationId, c.ClientJobId, c.TextSha256 });
        e.Property(c => c.ClientJobId).HasMaxLength(256);
        e.Property(c => c.TextSha256).HasMaxLength(64);
        e.Property(c => c.Analysis).HasColumnType("json");
        e.HasIndex(c => c.CreatedAt);
        e.HasOne<Organisation>().WithMany().HasForeignKey(c => c.OrganisationId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class CvProfileCacheConfiguration : IEntityTypeConfiguration<CvProfileCacheEntry>
{
    public void Configure(EntityTypeBuilder<CvProfileCacheEntry> e)
    {
        e.ToTable("cv_profile_cache");
        e.HasKey(c => new { c.OrganisationId, c.Sha256 });
        e.Property(c => c.Sha256).HasMaxLength(64);
        e.Property(c => c.Profile).HasColumnType("json");
        e.HasIndex(c => c.CreatedAt);
        e.HasOne<Organisation>().WithMany().HasForeignKey(c => c.OrganisationId).OnDelete(DeleteBehavior.Cascade);
    }
}
