using System.Net;
using ParseJobs.Api.Tests.Infrastructure;

namespace ParseJobs.Api.Tests.Hosting;

[Collection(ApiCollection.Name)]
public sealed class SecurityHeadersTests(ParseJobsAppFactory app)
{
    [Theory]
    [InlineData("/v1/jobs")]
    [InlineData("/v1/no-such-route")]
    [InlineData("/health/live")]
    [InlineData("/swagger/index.html")]
    [InlineData("/swagger/v1/swagger.json")]
    [InlineData("/hangfire/login")]
    public async Task EveryResponse_CarriesTheSecurityHeaders(string url)
    {
        using var client = await app.CreateClientForNewOrganisationAsync();

        using var response = await client.GetAsync(url);

        Assert.Equal("nosniff", Header(response, "X-Content-Type-Options"));
        Assert.Equal("DENY", Header(response, "X-Frame-Options"));
        Assert.Equal("no-referrer", Header(response, "Referrer-Policy"));
        var csp = Header(response, "Content-Security-Policy");
        Assert.Contains("default-src 'none'", csp, StringComparison.Ordinal);
        Assert.Contains("frame-ancestors 'none'", csp, StringComparison.Ordinal);
        Assert.DoesNotContain("unsafe-eval", csp, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SwaggerUi_LoadsOnlyItsOwnScripts_AndDoesNotPersistTheKey()
    {
        using var client = app.CreateClient();

        using var page = await client.GetAsync("/swagger/index.html");
        var html = await page.Content.ReadAsStringAsync();
        var config = await client.GetStringAsync("/swagger/index.js");

        // The CSP allows scripts from the origin only: the page must have no inline script.
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.DoesNotContain("<script>", html, StringComparison.Ordinal);
        Assert.Contains("script-src 'self'", Header(page, "Content-Security-Policy"), StringComparison.Ordinal);
        Assert.Contains("\"persistAuthorization\":false", config, StringComparison.Ordinal);
    }

    private static string Header(HttpResponseMessage response, string name) =>
        response.Headers.TryGetValues(name, out var values) ? values.Single()
        : response.Content.Headers.TryGetValues(name, out var content) ? content.Single()
        : "";
}
