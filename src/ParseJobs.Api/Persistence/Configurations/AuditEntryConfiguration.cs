using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using ParseJobs.Api.Retention;

namespace ParseJobs.Api.Persistence.Configurations;

internal sealed class AuditEntryConfiguration : IEntityTypeConfiguration<AuditEntry>
{
    public void Configure(EntityTypeBuilder<AuditEntry> e)
    {
        e.ToTable("audit_log");
        e.Property(a => a.Id).UseIdentityAlwaysColumn();
        e.Property(a => a.OrganisationSlug).HasMaxLength(64);
        e.Property(a => a.Actor).HasMaxLength(32);
        e.Property(a => a.Action).HasMaxLength(32);
        e.Property(a => a.Reason).HasMaxLength(AuditEntry.MaxReasonLength);
        e.Ignore(a => a.Counts);
        // No foreign key to organisations on purpose: the entries of an erased organisation must stay.
        e.HasIndex(a => new { a.OrganisationId, a.Id });
    }
}
