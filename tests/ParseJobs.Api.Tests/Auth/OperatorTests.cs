using System.Net;
using Microsoft.AspNetCore.Mvc.Testing;
using ParseJobs.Api.Auth;
using ParseJobs.Api.Hosting;
using ParseJobs.Api.Tests.Infrastructure;

namespace ParseJobs.Api.Tests.Auth;

/// <summary>System operator keys: not tied to an organisation, they alone open the Hangfire dashboard, by header or
/// through the login page's cookie.</summary>
[Collection(ApiCollection.Name)]
public sealed class OperatorTests(ParseJobsAppFactory app)
{
    [Fact]
    public async Task KeysCreateOperator_MakesAKeyThatOpensTheDashboardButNotTheApi()
    {
        using var output = new StringWriter();
        using var error = new StringWriter();

        var exit = await CommandLine.RunAsync(app.Services, ["keys", "create", "--operator"], output, error);

        Assert.Equal(0, exit);
        var key = output.ToString().TrimEnd().Split('\n')[^1].Trim();
        using var client = app.CreateClientWithKey(key);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/hangfire")).StatusCode);
        using var api = await client.GetAsync("/v1/jobs");
        Assert.Equal(HttpStatusCode.Forbidden, api.StatusCode);
        Assert.Contains("operator key opens only the Hangfire dashboard", (await api.ReadJsonAsync()).GetProperty("detail").GetString(), StringComparison.Ordinal);
        using var list = new StringWriter();
        Assert.Equal(0, await CommandLine.RunAsync(app.Services, ["keys", "list"], list, error));
        Assert.Contains(ApiKeyAdmin.OperatorOwner, list.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Browser_IsSentToTheLoginPage_WhenItHasNoSession()
    {
        using var browser = Browser();

        using var response = await browser.GetAsync("/hangfire");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal(OperatorLogin.LoginPath, response.Headers.Location?.AbsolutePath);
        using var page = await browser.GetAsync(OperatorLogin.LoginPath);
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Contains("<form method=\"post\"", await page.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Login_SetsAStrictHttpOnlyCookieForHangfireOnly_ThatOpensTheDashboard()
    {
        var key = await CreateOperatorKeyAsync();
        using var browser = Browser();

        using var login = await LoginAsync(browser, key.Key);

        Assert.Equal(HttpStatusCode.Redirect, login.StatusCode);
        Assert.Equal("/hangfire", login.Headers.Location?.OriginalString);
        var cookie = login.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith(OperatorLogin.CookieName + "=", StringComparison.Ordinal));
        Assert.Contains("path=/hangfire", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("httponly", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("samesite=strict", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain(key.Key, cookie, StringComparison.Ordinal);
        Assert.DoesNotContain(key.Key[ApiKeySecret.KeyPrefix.Length..], cookie, StringComparison.Ordinal);
        using var dashboard = await browser.GetAsync("/hangfire");
        Assert.Equal(HttpStatusCode.OK, dashboard.StatusCode);
    }

    [Fact]
    public async Task Login_Refuses_OrganisationAdminKeys()
    {
        var admin = await app.CreateKeyAsync("org-admin", Scopes.Admin, Scopes.JobsRead);
        using var browser = Browser();

        using var login = await LoginAsync(browser, admin.Key);

        Assert.Equal(HttpStatusCode.Unauthorized, login.StatusCode);
        Assert.False(login.Headers.Contains("Set-Cookie"));
        Assert.Equal(HttpStatusCode.Redirect, (await browser.GetAsync("/hangfire")).StatusCode);
    }

    [Fact]
    public async Task RevokingTheOperatorKey_EndsItsDashboardSession()
    {
        var key = await CreateOperatorKeyAsync();
        using var browser = Browser();
        using (await LoginAsync(browser, key.Key))
        {
        }

        Assert.Equal(HttpStatusCode.OK, (await browser.GetAsync("/hangfire")).StatusCode);
        await using (var scope = app.Services.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<ApiKeyAdmin>().RevokeAsync(key.KeyId.ToString(), CancellationToken.None);
        }

        using var after = await browser.GetAsync("/hangfire");
        Assert.Equal(HttpStatusCode.Redirect, after.StatusCode);
    }

    private HttpClient Browser() => app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });

    private static Task<HttpResponseMessage> LoginAsync(HttpClient browser, string key) =>
        browser.PostAsync(OperatorLogin.LoginPath, new FormUrlEncodedContent([new KeyValuePair<string, string>("key", key)]));

    private async Task<ApiKeyAdmin.CreatedKey> CreateOperatorKeyAsync()
    {
        await using var scope = app.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<ApiKeyAdmin>().CreateOperatorAsync(CancellationToken.None);
    }
}
