using System.Net;
using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;

namespace ParseJobs.Api.Auth;

/// <summary>The browser's way into the Hangfire dashboard: a page that takes a system operator key and sets a
/// data-protected session cookie (HttpOnly, SameSite=Strict, Secure over HTTPS, path /hangfire). The cookie holds the
/// key's id and role, never the key; a revoked key ends the session at its next request.</summary>
public static class OperatorLogin
{
    public const string LoginPath = "/hangfire/login";
    public const string LogoutPath = "/hangfire/logout";
    public const string CookieName = "parsejobs_operator";
    public const string DashboardPath = "/hangfire";

    internal static void ConfigureCookie(CookieAuthenticationOptions o)
    {
        o.Cookie.Name = CookieName;
        o.Cookie.Path = DashboardPath;
        o.Cookie.HttpOnly = true;
        o.Cookie.SameSite = SameSiteMode.Strict;
        o.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
        o.ExpireTimeSpan = TimeSpan.FromHours(8);
        o.SlidingExpiration = true;
        o.LoginPath = LoginPath;
        o.Events.OnValidatePrincipal = async context =>
        {
            var validator = context.HttpContext.RequestServices.GetRequiredService<ApiKeyValidator>();
            var active = Guid.TryParse(context.Principal?.FindFirstValue(ClaimTypes.NameIdentifier), out var keyId)
                         && await validator.IsActiveOperatorAsync(keyId, context.HttpContext.RequestAborted);
            if (!active)
            {
                context.RejectPrincipal();
                await context.HttpContext.SignOutAsync(AuthSetup.OperatorCookieScheme);
            }
        };
        o.Events.OnRedirectToAccessDenied = context =>
        {
            context.Response.StatusCode = StatusCodes.Status403Forbidden;
            return Task.CompletedTask;
        };
    }

    public static IEndpointRouteBuilder MapOperatorLogin(this IEndpointRouteBuilder app)
    {
        app.MapGet(LoginPath, () => Page(null, StatusCodes.Status200OK)).AllowAnonymous().ExcludeFromDescription();
        // No antiforgery token: the form carries a secret the attacker would need anyway, and the cookie is SameSite=Strict.
        app.MapPost(LoginPath, LoginAsync).AllowAnonymous().DisableAntiforgery().ExcludeFromDescription();
        app.MapPost(LogoutPath, async (HttpContext http) =>
        {
            await http.SignOutAsync(AuthSetup.OperatorCookieScheme);
            return Results.Redirect(LoginPath);
        }).AllowAnonymous().DisableAntiforgery().ExcludeFromDescription();
        return app;
    }

    private static async Task<IResult> LoginAsync(HttpContext http, ApiKeyValidator validator)
    {
        if (!http.Request.HasFormContentType)
        {
            return Page("Send the form of this page.", StatusCodes.Status400BadRequest);
        }

        var form = await http.Request.ReadFormAsync(http.RequestAborted);
        var key = form["key"].ToString().Trim();
        var validated = key.Length == 0 ? null : await validator.ValidateAsync(key, http.RequestAborted);
        if (validated is not { IsOperator: true })
        {
            return Page("That is not a valid system operator key. Create one with 'keys create --operator'.", StatusCodes.Status401Unauthorized);
        }

        await http.SignInAsync(AuthSetup.OperatorCookieScheme, ApiKeyAuthenticationHandler.Principal(validated, AuthSetup.OperatorCookieScheme));
        return Results.Redirect(DashboardPath); // never a caller-supplied return URL: no open redirect
    }

    private static IResult Page(string? error, int status) => Results.Content($$"""
        <!DOCTYPE html>
        <html lang="en">
        <head><meta charset="utf-8"><title>ParseJobs operator login</title></head>
        <body>
        <h1>ParseJobs: Hangfire dashboard</h1>
        <p>Paste a system operator key (<code>keys create --operator</code>). The browser keeps a session cookie for
        /hangfire only; the key itself is not stored.</p>
        {{(error is null ? "" : $"<p role=\"alert\"><strong>{WebUtility.HtmlEncode(error)}</strong></p>")}}
        <form method="post" action="{{LoginPath}}">
        <label>Operator key <input type="password" name="key" autocomplete="off" required size="60"></label>
        <button type="submit">Open the dashboard</button>
        </form>
        </body>
        </html>
        """, "text/html; charset=utf-8", System.Text.Encoding.UTF8, status);
}
