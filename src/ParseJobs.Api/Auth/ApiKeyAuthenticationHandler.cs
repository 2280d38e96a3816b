using System.Security.Claims;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using ParseJobs.Api.Persistence;

namespace ParseJobs.Api.Auth;

/// <summary>Accepts <c>Authorization: Bearer &lt;key&gt;</c> or <c>X-API-Key: &lt;key&gt;</c>.</summary>
public sealed class ApiKeyAuthenticationHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options,
    ILoggerFactory logger,
    UrlEncoder encoder,
    ParseJobsDbContext db,
    IProblemDetailsService problemDetails,
    ApiKeyCache validatedKeys,
    TimeProvider clock)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public const string SchemeName = "ApiKey";
    public const string HeaderName = "X-API-Key";
    public const string ScopeClaim = "scope";

    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        var key = ReadKey(Request);
        if (key is null)
        {
            return AuthenticateResult.NoResult();
        }

        var prefix = ApiKeySecret.LookupPrefix(key);
        if (prefix is null)
        {
            return AuthenticateResult.Fail("Malformed API key.");
        }

        var hash = ApiKeySecret.Hash(key);
        if (!validatedKeys.TryGet(hash, out var validated))
        {
            validated = await ValidateAsync(prefix, hash);
            if (validated is null)
            {
                return AuthenticateResult.Fail("Unknown or revoked API key.");
            }
        }

        var claims = new List<Claim>
        {
            new(ClaimTypes.NameIdentifier, validated!.KeyId.ToString()),
            new(Tenant.OrganisationClaim, validated.OrganisationId.ToString()),
        };
        claims.AddRange(validated.Scopes.Select(s => new Claim(ScopeClaim, s)));
        var principal = new ClaimsPrincipal(new ClaimsIdentity(claims, SchemeName));
        return AuthenticateResult.Success(new AuthenticationTicket(principal, SchemeName));
    }

    private async Task<ApiKeyCache.ValidatedKey?> ValidateAsync(string prefix, byte[] hash)
    {
        var now = clock.GetUtcNow();
        var candidates = await db.ApiKeys.AsNoTracking()
            .Where(k => k.Prefix == prefix && (k.RevokedAt == null || k.RevokedAt > now))
            .Select(k => new { k.Id, k.OrganisationId, k.Hash, k.Scopes, k.RevokedAt })
            .ToListAsync(Context.RequestAborted);

        // Compare every candidate's hash in constant time; the prefix alone proves nothing.
        var match = candidates.FirstOrDefault(c => ApiKeySecret.HashMatches(hash, c.Hash));
        if (match is null)
        {
            return null;
        }

        var validated = new ApiKeyCache.ValidatedKey(match.Id, match.OrganisationId, match.Scopes);
        validatedKeys.Set(hash, validated, match.RevokedAt);
        return validated;
    }

    protected override async Task HandleChallengeAsync(AuthenticationProperties properties)
    {
        Response.StatusCode = StatusCodes.Status401Unauthorized;
        Response.Headers.WWWAuthenticate = "Bearer";
        var detail = ReadKey(Request) is null
            ? $"No API key was sent. Send it as 'Authorization: Bearer sk_live_…' or '{HeaderName}: sk_live_…'."
            : "The API key is not valid: it is unknown, malformed or revoked.";
        await WriteProblemAsync("Unauthorized", detail);
    }

    protected override Task HandleForbiddenAsync(AuthenticationProperties properties)
    {
        Response.StatusCode = StatusCodes.Status403Forbidden;
        var required = Context.GetEndpoint()?.Metadata.GetOrderedMetadata<Microsoft.AspNetCore.Authorization.IAuthorizeData>()
            .Select(a => a.Policy).Where(p => p is not null).Distinct(StringComparer.Ordinal).ToArray() ?? [];
        var detail = required.Length > 0
            ? $"This API key lacks the scope this operation needs: {string.Join(", ", required)}."
            : "This API key may not perform this operation.";
        return WriteProblemAsync("Forbidden", detail);
    }

    private async Task WriteProblemAsync(string title, string detail) =>
        await problemDetails.WriteAsync(new ProblemDetailsContext
        {
            HttpContext = Context,
            ProblemDetails = { Status = Response.StatusCode, Title = title, Detail = detail },
        });

    private static string? ReadKey(HttpRequest request)
    {
        if (request.Headers.TryGetValue(HeaderName, out var headerKey) && !string.IsNullOrWhiteSpace(headerKey))
        {
            return headerKey.ToString().Trim();
        }

        var authorization = request.Headers.Authorization.ToString();
        const string bearer = "Bearer ";
        return authorization.StartsWith(bearer, StringComparison.OrdinalIgnoreCase)
            ? authorization[bearer.Length..].Trim()
            : null;
    }
}
