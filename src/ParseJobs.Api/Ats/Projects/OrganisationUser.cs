using ParseJobs.Api.Persistence;

namespace ParseJobs.Api.Ats.Projects;

/// <summary>A person of an organisation who owns projects: a consultant, found by e-mail or provisioned from the ATS.</summary>
public sealed class OrganisationUser : IOrganisationOwned
{
    public Guid Id { get; init; }
    public Guid OrganisationId { get; init; }

    /// <summary>Lower-cased and trimmed; unique per organisation.</summary>
    public required string Email { get; init; }

    public string? DisplayName { get; set; }

    /// <summary>The system that provisioned the user (<see cref="AtsSystems"/>) and the user's id there; null when made otherwise.</summary>
    public string? ProvisionedFrom { get; init; }
    public string? ExternalId { get; init; }

    public DateTimeOffset CreatedAt { get; init; }

    public static string NormaliseEmail(string email) => email.Trim().ToLowerInvariant();
}
