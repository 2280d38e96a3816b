using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using ParseJobs.Api.Auth;

namespace ParseJobs.Api.Persistence.Configurations;

internal sealed class ApiKeyConfiguration : IEntityTypeConfiguration<ApiKey>
{
    public void Configure(EntityTypeBuilder<ApiKey> e)
    {
        e.HasIndex(k => k.Prefix);
        e.Property(k => k.Prefix).HasMaxLength(16);
        e.HasOne(k => k.Organisation).WithMany().HasForeignKey(k => k.OrganisationId).OnDelete(DeleteBehavior.Cascade);
    }
}
