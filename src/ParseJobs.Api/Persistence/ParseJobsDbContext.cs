using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using ParseJobs.Api.Ats.Connections;
using ParseJobs.Api.Ats.Projects;
using ParseJobs.Api.Auth;
using ParseJobs.Api.Batches;
using ParseJobs.Api.Documents;
using ParseJobs.Api.Jobs;
using ParseJobs.Api.Jobs.Items;
using ParseJobs.Api.Retention;
using ParseJobs.Api.Uploads;

namespace ParseJobs.Api.Persistence;

public sealed class ParseJobsDbContext(DbContextOptions<ParseJobsDbContext> options) : DbContext(options), IDataProtectionKeyContext
{
    public const string Schema = "parsejobs";

    public DbSet<Organisation> Organisations => Set<Organisation>();
    public DbSet<ApiKey> ApiKeys => Set<ApiKey>();
    public DbSet<StoredDocument> Documents => Set<StoredDocument>();
    public DbSet<Job> Jobs => Set<Job>();
    public DbSet<JobResult> JobResults => Set<JobResult>();
    public DbSet<JobImage> JobImages => Set<JobImage>();
    public DbSet<JobItem> JobItems => Set<JobItem>();
    public DbSet<RetentionPolicy> RetentionPolicies => Set<RetentionPolicy>();
    public DbSet<AuditEntry> AuditLog => Set<AuditEntry>();
    public DbSet<Batch> Batches => Set<Batch>();
    public DbSet<JobAnalysisCacheEntry> JobAnalysisCache => Set<JobAnalysisCacheEntry>();
    public DbSet<CvProfileCacheEntry> CvProfileCache => Set<CvProfileCacheEntry>();
    public DbSet<OrganisationUser> Users => Set<OrganisationUser>();
    public DbSet<AtsConnection> AtsConnections => Set<AtsConnection>();
    public DbSet<Project> Projects => Set<Project>();
    public DbSet<ProjectCandidate> ProjectCandidates => Set<ProjectCandidate>();
    public DbSet<CandidatePdf> CandidatePdfs => Set<CandidatePdf>();

    /// <summary>The Data Protection key ring, shared by every node (Persistence/DataProtectionSetup.cs).</summary>
    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.HasDefaultSchema(Schema);

        // One IEntityTypeConfiguration<T> per entity, next to each other in Persistence/Configurations.
        modelBuilder.ApplyConfigurationsFromAssembly(typeof(ParseJobsDbContext).Assembly);
    }
}
