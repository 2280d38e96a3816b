namespace ParseJobs.Api.Auth;

/// <summary>A tenant. Every job, document and key belongs to exactly one.</summary>
public sealed class Organisation
{
    public Guid Id { get; init; }

    /// <summary>Short unique name used on the command line, e.g. "acme".</summary>
    public required string Slug { get; init; }

    /// <summary>A stable number, given by the database: the batch API's <c>user_id</c> (an integer on that wire).</summary>
    public long Number { get; init; }

    public DateTimeOffset CreatedAt { get; init; }
}

/// <summary>An API key of an organisation, or of the system operator. Only its SHA-256 hash is stored; the key itself is shown once, at creation.</summary>
public sealed class ApiKey
{
    public Guid Id { get; init; }
    /// <summary>The key's organisation; null for a system operator key (<c>keys create --operator</c>), which belongs
    /// to no organisation and opens only the Hangfire dashboard.</summary>
    public Guid? OrganisationId { get; init; }

    public Organisation? Organisation { get; init; }

    /// <summary>The first characters of the random part: a non-secret handle for lookup and listing.</summary>
    public required string Prefix { get; init; }

    public required byte[] Hash { get; init; }
    public required string[] Scopes { get; init; }
    public DateTimeOffset CreatedAt { get; init; }
    public DateTimeOffset? RevokedAt { get; set; }
}
