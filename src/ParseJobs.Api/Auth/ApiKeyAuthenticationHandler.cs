using System.Security.Claims;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;

namespace ParseJobs.Api.Auth;

/// <summary>Accepts <c>Authorization: Bearer &lt;key&gt;</c>, <c>X-API-Key: &lt;key&gt;</c>, or <c>X-Shared-Secret: &lt;key&gt;</c>
/// (what an ATS sends: an API key of the organisation, looked up the same way).</summary>
public sealed class ApiKeyAuthenticationHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options,
    ILoggerFactory logger,
    UrlEncoder encoder,
    ApiKeyValidator validator,
    IProblemDetailsService problemDetails)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public const string SchemeName = "ApiKey";
    public const string HeaderName = "X-API-Key";
    public const string SharedSecretHeader = "X-Shared-Secret";
    public const string ScopeClaim = "scope";

    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        var key = ReadKey(Request);
        if (key is null)
        {
            return AuthenticateResult.NoResult();
        }

        if (ApiKeySecret.LookupPrefix(key) is null)
        {
            return AuthenticateResult.Fail("Malformed API key.");
        }

        var validated = await validator.ValidateAsync(key, Context.RequestAborted);
        return validated is null
            ? AuthenticateResult.Fail("Unknown or revoked API key.")
            : AuthenticateResult.Success(new AuthenticationTicket(Principal(validated, SchemeName), SchemeName));
    }

    /// <summary>The claims of a key: its id, and its organisation and scopes, or the operator role.</summary>
    internal static ClaimsPrincipal Principal(ApiKeyCache.ValidatedKey key, string scheme)
    {
        var claims = new List<Claim> { new(ClaimTypes.NameIdentifier, key.KeyId.ToString()) };
        if (key.OrganisationId is { } organisation)
        {
            claims.Add(new Claim(Tenant.OrganisationClaim, organisation.ToString()));
            claims.AddRange(key.Scopes.Select(s => new Claim(ScopeClaim, s)));
        }
        else
        {
            claims.Add(new Claim(ClaimTypes.Role, AuthSetup.OperatorRole));
        }

        return new ClaimsPrincipal(new ClaimsIdentity(claims, scheme));
    }

    /// <summary>True when the request carries a key in either header (else a browser: the operator cookie applies).</summary>
    internal static bool SendsKey(HttpRequest request) =>
        request.Headers.ContainsKey(HeaderName) || request.Headers.ContainsKey(SharedSecretHeader) || request.Headers.Authorization.Count > 0;

    protected override async Task HandleChallengeAsync(AuthenticationProperties properties)
    {
        Response.StatusCode = StatusCodes.Status401Unauthorized;
        Response.Headers.WWWAuthenticate = "Bearer";
        var authorization = Request.Headers.Authorization.ToString();
        var detail = ReadKey(Request) is not null
            ? "The API key is not valid: it is unknown, malformed or revoked."
            : authorization.Length > 0
                ? $"An Authorization header was sent without the 'Bearer' scheme. Send the key as 'Authorization: Bearer sk_live_…' or as '{HeaderName}: sk_live_…'."
                : $"No API key was sent. Send it as 'Authorization: Bearer sk_live_…' or '{HeaderName}: sk_live_…'.";
        await WriteProblemAsync("Unauthorized", detail);
    }

    protected override Task HandleForbiddenAsync(AuthenticationProperties properties)
    {
        Response.StatusCode = StatusCodes.Status403Forbidden;
        return WriteProblemAsync("Forbidden", ForbiddenDetail(Context));
    }

    /// <summary>Names what is missing (the scopes the endpoint needs that this key lacks), never what the key has.</summary>
    internal static string ForbiddenDetail(HttpContext context)
    {
        var required = context.GetEndpoint()?.Metadata.GetOrderedMetadata<Microsoft.AspNetCore.Authorization.IAuthorizeData>()
            .Select(a => a.Policy).OfType<string>().Distinct(StringComparer.Ordinal).ToArray() ?? [];
        if (required.Contains(AuthSetup.OperatorPolicy, StringComparer.Ordinal))
        {
            return "This needs a system operator key (created with 'keys create --operator'); organisation keys, admin or not, cannot open it.";
        }

        if (context.User.IsInRole(AuthSetup.OperatorRole))
        {
            return "A system operator key opens only the Hangfire dashboard; use an organisation's key for the API.";
        }

        if (required.Contains(AuthSetup.ProjectsReadPolicy, StringComparer.Ordinal)
            && !context.User.HasClaim(ScopeClaim, Scopes.ProjectsRead) && !context.User.HasClaim(ScopeClaim, Scopes.AtsCreatePdf))
        {
            return $"This API key lacks the scope {Scopes.ProjectsRead} (or {Scopes.AtsCreatePdf}, the ATS's shared secret), which reading projects needs.";
        }

        var missing = required.Where(Scopes.All.Contains).Where(scope => !context.User.HasClaim(ScopeClaim, scope)).ToArray();

        return missing.Length > 0
            ? $"This API key lacks the scope {string.Join(" and ", missing)}, which this operation needs. Create a key with it: keys create --org ORG --scopes {string.Join(",", missing)}."
            : "This API key may not perform this operation.";
    }

    private async Task WriteProblemAsync(string title, string detail) =>
        await problemDetails.WriteAsync(new ProblemDetailsContext
        {
            HttpContext = Context,
            ProblemDetails = { Status = Response.StatusCode, Title = title, Detail = detail },
        });

    private static string? ReadKey(HttpRequest request)
    {
        foreach (var header in new[] { HeaderName, SharedSecretHeader })
        {
            if (request.Headers.TryGetValue(header, out var headerKey) && !string.IsNullOrWhiteSpace(headerKey))
            {
                return headerKey.ToString().Trim();
            }
        }

        var authorization = request.Headers.Authorization.ToString();
        const string bearer = "Bearer ";
        return authorization.StartsWith(bearer, StringComparison.OrdinalIgnoreCase)
            ? authorization[bearer.Length..].Trim()
            : null;
    }
}
