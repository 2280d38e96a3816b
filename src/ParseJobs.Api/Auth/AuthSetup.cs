using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Authorization;

namespace ParseJobs.Api.Auth;

public static class AuthSetup
{
    /// <summary>The policy of the Hangfire dashboard: a system operator, by key header or by the login cookie.</summary>
    public const string OperatorPolicy = "operator";

    /// <summary>Reading projects and candidates: a key with <see cref="Scopes.ProjectsRead"/>, or the ATS's shared
    /// secret (<see cref="Scopes.AtsCreatePdf"/>), which polls the projects it made.</summary>
    public const string ProjectsReadPolicy = "projects:read|ats:create-pdf";

    /// <summary>The role claim of keys that belong to no organisation (<c>keys create --operator</c>).</summary>
    public const string OperatorRole = "operator";

    /// <summary>The dashboard's cookie scheme (set by the login page, <see cref="OperatorLogin"/>).</summary>
    public const string OperatorCookieScheme = "OperatorCookie";

    // Chooses per request: a key header means the API key handler, else the browser's login cookie.
    private const string OperatorScheme = "Operator";

    public static IServiceCollection AddApiKeyAuth(this IServiceCollection services)
    {
        services.AddOptions<AuthOptions>().BindConfiguration(AuthOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<ApiKeyCache>();
        services.AddScoped<ApiKeyValidator>();
        services.AddAuthentication(ApiKeyAuthenticationHandler.SchemeName)
            .AddScheme<AuthenticationSchemeOptions, ApiKeyAuthenticationHandler>(ApiKeyAuthenticationHandler.SchemeName, null)
            .AddCookie(OperatorCookieScheme, OperatorLogin.ConfigureCookie)
            .AddPolicyScheme(OperatorScheme, "API key or operator cookie", o => o.ForwardDefaultSelector = context =>
                ApiKeyAuthenticationHandler.SendsKey(context.Request) ? ApiKeyAuthenticationHandler.SchemeName : OperatorCookieScheme);

        var authorization = services.AddAuthorizationBuilder()
            // Every endpoint needs a valid key unless it says AllowAnonymous (health, the login page); a new endpoint
            // without RequireAuthorization is closed, not open.
            .SetFallbackPolicy(new AuthorizationPolicyBuilder(ApiKeyAuthenticationHandler.SchemeName).RequireAuthenticatedUser().Build())
            .AddPolicy(OperatorPolicy, p => p.AddAuthenticationSchemes(OperatorScheme).RequireRole(OperatorRole))
            .AddPolicy(ProjectsReadPolicy, p => p.RequireAuthenticatedUser()
                .RequireClaim(ApiKeyAuthenticationHandler.ScopeClaim, Scopes.ProjectsRead, Scopes.AtsCreatePdf));
        foreach (var scope in Scopes.All)
        {
            authorization.AddPolicy(scope, p => p.RequireAuthenticatedUser().RequireClaim(ApiKeyAuthenticationHandler.ScopeClaim, scope));
        }

        return services;
    }
}
