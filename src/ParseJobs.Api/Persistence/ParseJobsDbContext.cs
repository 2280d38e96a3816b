using Microsoft.EntityFrameworkCore;
using ParseJobs.Api.Auth;
using ParseJobs.Api.Documents;
using ParseJobs.Api.Jobs;
using ParseJobs.Api.Uploads;

namespace ParseJobs.Api.Persistence;

public sealed class ParseJobsDbContext(DbContextOptions<ParseJobsDbContext> options) : DbContext(options)
{
    public const string Schema = "parsejobs";

    public DbSet<Organisation> Organisations => Set<Organisation>();
    public DbSet<ApiKey> ApiKeys => Set<ApiKey>();
    public DbSet<StoredDocument> Documents => Set<StoredDocument>();
    public DbSet<Job> Jobs => Set<Job>();
    public DbSet<JobResult> JobResults => Set<JobResult>();
    public DbSet<JobImage> JobImages => Set<JobImage>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.HasDefaultSchema(Schema);

        modelBuilder.Entity<Organisation>(e =>
        {
            e.HasIndex(o => o.Slug).IsUnique();
            e.Property(o => o.Slug).HasMaxLength(64);
        });

        modelBuilder.Entity<ApiKey>(e =>
        {
            e.HasIndex(k => k.Prefix);
            e.Property(k => k.Prefix).HasMaxLength(16);
            e.HasOne(k => k.Organisation).WithMany().HasForeignKey(k => k.OrganisationId).OnDelete(DeleteBehavior.Cascade);
        });

        modelBuilder.Entity<StoredDocument>(e =>
        {
            e.Property(d => d.FileName).HasMaxLength(512);
            e.Property(d => d.DetectedType).HasConversion<string>().HasMaxLength(16);
            e.Property(d => d.Sha256).HasMaxLength(64);
            e.HasOne<Organisation>().WithMany().HasForeignKey(d => d.OrganisationId).OnDelete(DeleteBehavior.Cascade);
        });

        modelBuilder.Entity<Job>(e =>
        {
            e.Property(j => j.Status).HasConversion<string>().HasMaxLength(16);
            e.Property(j => j.Kind).HasConversion<string>().HasMaxLength(32);
            e.Property(j => j.DataId).HasMaxLength(256);
            e.Property(j => j.ErrorCode).HasMaxLength(64);
            e.Property(j => j.ErrorMessage).HasMaxLength(2000);
            e.Property(j => j.BackgroundJobId).HasMaxLength(64);
            e.Property(j => j.Parameters).HasColumnType("jsonb");
            // Status and attempt count guard every write of a job: a run that lost a race (another run restarted
            // or ended the job) fails to save instead of overwriting. Progress updates touch neither.
            e.Property(j => j.Status).IsConcurrencyToken();
            e.Property(j => j.AttemptCount).IsConcurrencyToken();
            // Listing is by organisation, newest first, with optional status/kind filters.
            e.HasIndex(j => new { j.OrganisationId, j.CreatedAt });
            e.HasIndex(j => new { j.Status, j.UpdatedAt });
            e.HasOne<Organisation>().WithMany().HasForeignKey(j => j.OrganisationId).OnDelete(DeleteBehavior.Cascade);
            e.HasOne<StoredDocument>().WithMany().HasForeignKey(j => j.DocumentId).OnDelete(DeleteBehavior.SetNull);
        });

        modelBuilder.Entity<JobResult>(e =>
        {
            e.HasKey(r => r.JobId);
            e.Property(r => r.Data).HasColumnType("jsonb");
            e.Property(r => r.Meta).HasColumnType("jsonb");
            e.HasOne<Job>().WithOne().HasForeignKey<JobResult>(r => r.JobId).OnDelete(DeleteBehavior.Cascade);
        });

        modelBuilder.Entity<JobImage>(e =>
        {
            e.HasKey(i => new { i.JobId, i.SegmentId });
            e.Property(i => i.SegmentId).HasMaxLength(32);
            e.Property(i => i.MediaType).HasMaxLength(64);
            e.HasOne<Job>().WithMany().HasForeignKey(i => i.JobId).OnDelete(DeleteBehavior.Cascade);
        });
    }
}
