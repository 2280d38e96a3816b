namespace ParseJobs.Api.Hosting;

/// <summary>Security headers on every response. The API serves JSON and files, so its policy allows nothing at all;
/// Swagger UI and the Hangfire dashboard get what their pages need (their own scripts and styles, inline styles,
/// data: images), still never frames, plugins or other origins.</summary>
public sealed class SecurityHeadersMiddleware(RequestDelegate next)
{
    public const string ApiPolicy = "default-src 'none'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'";

    // Swagger UI's bundle sets inline styles and uses data: images; "try it out" calls this origin.
    public const string SwaggerPolicy =
        "default-src 'none'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; font-src 'self' data:; " +
        "connect-src 'self'; frame-ancestors 'none'; base-uri 'none'; form-action 'self'";

    // The dashboard loads only its own scripts (no inline ones); its charts set inline styles; its forms post to itself.
    public const string DashboardPolicy =
        "default-src 'none'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; font-src 'self' data:; " +
        "connect-src 'self'; frame-ancestors 'none'; base-uri 'none'; form-action 'self'";

    public Task InvokeAsync(HttpContext context)
    {
        var path = context.Request.Path;
        var headers = context.Response.Headers;
        headers.XContentTypeOptions = "nosniff";
        headers.XFrameOptions = "DENY";
        headers["Referrer-Policy"] = "no-referrer";
        headers.ContentSecurityPolicy =
            path.StartsWithSegments("/swagger", StringComparison.OrdinalIgnoreCase) ? SwaggerPolicy
            : path.StartsWithSegments("/hangfire", StringComparison.OrdinalIgnoreCase) ? DashboardPolicy
            : ApiPolicy;
        return next(context);
    }
}
