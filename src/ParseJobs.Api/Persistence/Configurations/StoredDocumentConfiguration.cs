using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using ParseJobs.Api.Auth;
using ParseJobs.Api.Uploads;

namespace ParseJobs.Api.Persistence.Configurations;

/// <summary>
/// A document belongs to its organisation, not to a job: jobs and items reference it, and deleting a job deletes
/// only the documents nothing else references (<see cref="Jobs.JobDeleter"/>). Retention builds on the same rule.
/// </summary>
internal sealed class StoredDocumentConfiguration : IEntityTypeConfiguration<StoredDocument>
{
    public void Configure(EntityTypeBuilder<StoredDocument> e)
    {
        e.ToTable("documents");
        e.Property(d => d.FileName).HasMaxLength(512);
        e.Property(d => d.DetectedType).HasConversion<string>().HasMaxLength(16);
        e.Property(d => d.Sha256).HasMaxLength(64);
        // A batch reuses the organisation's document with the same content instead of storing it again.
        e.HasIndex(d => new { d.OrganisationId, d.Sha256 });
        e.HasOne<Organisation>().WithMany().HasForeignKey(d => d.OrganisationId).OnDelete(DeleteBehavior.Cascade);
    }
}
