using ParseJobs.Api.Persistence;

namespace ParseJobs.Api.Ats.Connections;

/// <summary>
/// An organisation's connection to its ATS: base URL and API token as one JSON document encrypted with Data
/// Protection (<see cref="ProtectedSettings"/>), never returned or logged. One per organisation and system.
/// </summary>
public sealed class AtsConnection : IOrganisationOwned
{
    public Guid OrganisationId { get; init; }

    /// <summary>One of <see cref="Projects.AtsSystems"/>.</summary>
    public required string System { get; init; }

    public required string ProtectedSettings { get; set; }

    public DateTimeOffset CreatedAt { get; init; }
    public DateTimeOffset UpdatedAt { get; set; }
}
