using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using ParseJobs.Api.Auth;
using ParseJobs.Api.Retention;

namespace ParseJobs.Api.Persistence.Configurations;

internal sealed class RetentionPolicyConfiguration : IEntityTypeConfiguration<RetentionPolicy>
{
    public void Configure(EntityTypeBuilder<RetentionPolicy> e)
    {
        e.ToTable("retention_policies", t =>
        {
            t.HasCheckConstraint("ck_retention_policies_completed_days", $"completed_job_days BETWEEN 1 AND {RetentionOptions.MaxDays}");
            t.HasCheckConstraint("ck_retention_policies_failed_days", $"failed_job_days BETWEEN 1 AND {RetentionOptions.MaxDays}");
        });
        e.HasKey(p => p.OrganisationId);
        e.HasOne<Organisation>().WithOne().HasForeignKey<RetentionPolicy>(p => p.OrganisationId).OnDelete(DeleteBehavior.Cascade);
    }
}
