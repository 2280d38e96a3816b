namespace ParseJobs.Api.Persistence;

/// <summary>An entity that belongs to one organisation; <see cref="QueryExtensions.OwnedBy{T}"/> filters by it.</summary>
public interface IOrganisationOwned
{
    Guid OrganisationId { get; }
}
