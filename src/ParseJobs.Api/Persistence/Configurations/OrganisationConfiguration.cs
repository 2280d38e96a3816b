using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using ParseJobs.Api.Auth;

namespace ParseJobs.Api.Persistence.Configurations;

internal sealed class OrganisationConfiguration : IEntityTypeConfiguration<Organisation>
{
    public void Configure(EntityTypeBuilder<Organisation> e)
    {
        e.HasIndex(o => o.Slug).IsUnique();
        e.Property(o => o.Slug).HasMaxLength(64);
        e.Property(o => o.Number).UseIdentityByDefaultColumn();
        e.HasIndex(o => o.Number).IsUnique();
    }
}
