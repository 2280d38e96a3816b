using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using ParseJobs.Api.Ats.Connections;
using ParseJobs.Api.Ats.Projects;
using ParseJobs.Api.Auth;
using ParseJobs.Api.Jobs;

namespace ParseJobs.Api.Persistence.Configurations;

internal sealed class ProjectConfiguration : IEntityTypeConfiguration<Project>
{
    public void Configure(EntityTypeBuilder<Project> e)
    {
        e.ToTable("projects");
        e.HasKey(p => p.Id);
        e.Property(p => p.Name).HasMaxLength(300);
        e.Property(p => p.AtsSystem).HasMaxLength(32);
        e.Property(p => p.ConsultantId).HasMaxLength(128);
        e.Property(p => p.JobPostId).HasMaxLength(128);
        e.Property(p => p.JobPostTitle).HasMaxLength(500);
        e.Property(p => p.IdempotencyKey).HasMaxLength(256);
        e.Property(p => p.RequestFingerprint).HasMaxLength(64);
        e.HasIndex(p => p.JobId).IsUnique();
        e.HasIndex(p => new { p.OrganisationId, p.IdempotencyKey }).IsUnique().HasFilter("idempotency_key IS NOT NULL");
        e.HasIndex(p => new { p.OrganisationId, p.RequestFingerprint, p.CreatedAt });
        e.HasOne<Job>().WithOne().HasForeignKey<Project>(p => p.JobId).OnDelete(DeleteBehavior.Cascade);
        e.HasOne<Organisation>().WithMany().HasForeignKey(p => p.OrganisationId).OnDelete(DeleteBehavior.Cascade);
        e.HasOne<OrganisationUser>().WithMany().HasForeignKey(p => p.OwnerUserId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class ProjectCandidateConfiguration : IEntityTypeConfiguration<ProjectCandidate>
{
    public void Configure(EntityTypeBuilder<ProjectCandidate> e)
    {
        e.ToTable("project_candidates");
        e.HasKey(c => c.Id);
        e.Property(c => c.AtsSystem).HasMaxLength(32);
        e.Property(c => c.ApplicantId).HasMaxLength(128);
        e.Property(c => c.Name).HasMaxLength(300);
        e.Property(c => c.Headline).HasMaxLength(500);
        e.HasIndex(c => new { c.ProjectId, c.Seq }).IsUnique();
        e.HasIndex(c => c.OrganisationId);
        e.HasOne<Project>().WithMany().HasForeignKey(c => c.ProjectId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class CandidatePdfConfiguration : IEntityTypeConfiguration<CandidatePdf>
{
    public void Configure(EntityTypeBuilder<CandidatePdf> e)
    {
        e.ToTable("candidate_pdfs");
        e.HasKey(p => new { p.CandidateId, p.Anonymised });
        e.HasOne<ProjectCandidate>().WithMany().HasForeignKey(p => p.CandidateId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class OrganisationUserConfiguration : IEntityTypeConfiguration<OrganisationUser>
{
    public void Configure(EntityTypeBuilder<OrganisationUser> e)
    {
        e.ToTable("users");
        e.HasKey(u => u.Id);
        e.Property(u => u.Email).HasMaxLength(320);
        e.Property(u => u.DisplayName).HasMaxLength(300);
        e.Property(u => u.ProvisionedFrom).HasMaxLength(32);
        e.Property(u => u.ExternalId).HasMaxLength(128);
        e.HasIndex(u => new { u.OrganisationId, u.Email }).IsUnique();
        e.HasOne<Organisation>().WithMany().HasForeignKey(u => u.OrganisationId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class AtsConnectionConfiguration : IEntityTypeConfiguration<AtsConnection>
{
    public void Configure(EntityTypeBuilder<AtsConnection> e)
    {
        e.ToTable("ats_connections");
        e.HasKey(c => new { c.OrganisationId, c.System });
        e.Property(c => c.System).HasMaxLength(32);
        e.HasOne<Organisation>().WithMany().HasForeignKey(c => c.OrganisationId).OnDelete(DeleteBehavior.Cascade);
    }
}
