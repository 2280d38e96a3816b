using System.Security.Claims;

namespace ParseJobs.Api.Auth;

/// <summary>The organisation behind the authenticated API key. Bound straight into endpoint handlers.</summary>
public sealed record Tenant(Guid OrganisationId)
{
    public const string OrganisationClaim = "org_id";

    public static ValueTask<Tenant?> BindAsync(HttpContext context) => ValueTask.FromResult(From(context.User));

    public static Tenant? From(ClaimsPrincipal user) =>
        Guid.TryParse(user.FindFirstValue(OrganisationClaim), out var id) ? new Tenant(id) : null;
}
