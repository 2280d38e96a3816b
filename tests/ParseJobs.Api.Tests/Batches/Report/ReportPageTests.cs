using System.Net;
using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;
using ParseJobs.Api.Auth;
using ParseJobs.Api.Tests.Batches.Analytics;
using ParseJobs.Api.Tests.Infrastructure;

namespace ParseJobs.Api.Tests.Batches.Report;

/// <summary>GET /api/v1/batch-jobs/{id}/report through the host: structure, encoding, policy, tenancy.</summary>
[Collection(ApiCollection.Name)]
public sealed partial class ReportPageTests(ParseJobsAppFactory app)
{
    [Fact]
    public async Task Report_RanksCandidatesWithScoreBarsSkillsGapsAndTheDistributionChart()
    {
        var (client, org) = await NewOrganisationAsync();
        var id = await SeededBatches.SeedAsync(app.Services, org, DateTimeOffset.UtcNow.AddMinutes(-5), "backend", ReportSeeds.Candidates());

        using var response = await client.GetAsync($"/api/v1/batch-jobs/{id}/report");
        var html = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
        Assert.StartsWith("<!DOCTYPE html>", html, StringComparison.Ordinal);
        // Best first: 100, 64.5, 31.2; the error is listed apart.
        var best = html.IndexOf("best.pdf", StringComparison.Ordinal);
        var mid = html.IndexOf("mid.docx", StringComparison.Ordinal);
        var low = html.IndexOf("&lt;script&gt;", StringComparison.Ordinal);
        Assert.True(best > 0 && best < mid && mid < low, $"ranking order: {best}, {mid}, {low}");
        Assert.Equal(3, Regex.Count(html, "<li class=\"candidate\">"));
        Assert.Contains("<span class=\"fill w100\">", html, StringComparison.Ordinal);
        Assert.Contains("<span class=\"fill w65\">", html, StringComparison.Ordinal); // 64.5 rounds to 65
        Assert.Contains("<li class=\"tag gap core\">Kubernetes <span class=\"kind\">core</span></li>", html, StringComparison.Ordinal);
        Assert.Contains("<li class=\"tag gap\">Go</li>", html, StringComparison.Ordinal);
        Assert.Contains("<li class=\"tag match core\">PostgreSQL <span class=\"kind\">core, alias</span></li>", html, StringComparison.Ordinal);
        Assert.Contains("<section id=\"errors\">", html, StringComparison.Ordinal);
        Assert.Contains("holiday.png", html, StringComparison.Ordinal);
        // The chart: ten buckets; one candidate each in 30–40, 60–70 and 90–100.
        var svg = html[html.IndexOf("<svg", StringComparison.Ordinal)..(html.IndexOf("</svg>", StringComparison.Ordinal) + 6)];
        Assert.Equal(10, Regex.Count(svg, "<g class=\"bucket\">"));
        Assert.Contains("<title>30–40: 1</title>", svg, StringComparison.Ordinal);
        Assert.Contains("<title>90–100: 1</title>", svg, StringComparison.Ordinal);
        Assert.Contains("<title>0–10: 0</title>", svg, StringComparison.Ordinal);
        Assert.Contains("@media print", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<script", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain(" style=", html, StringComparison.OrdinalIgnoreCase); // no inline style attributes: the policy allows none
    }

    [Fact]
    public async Task Report_EncodesFileNamesSkillsAndErrorsFromDocuments()
    {
        var (client, org) = await NewOrganisationAsync();
        var id = await SeededBatches.SeedAsync(app.Services, org, DateTimeOffset.UtcNow.AddMinutes(-5), null, ReportSeeds.Candidates());

        var html = await client.GetStringAsync($"/api/v1/batch-jobs/{id}/report");

        Assert.DoesNotContain("<script", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("<img", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("<b>", html, StringComparison.Ordinal);
        Assert.Contains("&lt;script&gt;alert(&#x27;cv&#x27;)&lt;/script&gt;.pdf", html, StringComparison.Ordinal);
        Assert.Contains("&lt;img src=x onerror=alert(1)&gt;", html, StringComparison.Ordinal);
        Assert.Contains("&quot;&gt;&lt;b&gt;not a CV&lt;/b&gt;", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Report_AllowsExactlyItsStylesheet_AndNoScripts()
    {
        var (client, org) = await NewOrganisationAsync();
        var id = await SeededBatches.SeedAsync(app.Services, org, DateTimeOffset.UtcNow.AddMinutes(-5), null, ReportSeeds.Candidates());

        using var response = await client.GetAsync($"/api/v1/batch-jobs/{id}/report");
        var html = await response.Content.ReadAsStringAsync();

        var policy = string.Join(';', response.Headers.GetValues("Content-Security-Policy"));
        var css = StyleElement().Match(html).Groups[1].Value;
        var hash = Convert.ToBase64String(SHA256.HashData(Encoding.UTF8.GetBytes(css)));
        Assert.Contains("default-src 'none'", policy, StringComparison.Ordinal);
        Assert.Contains($"style-src 'sha256-{hash}'", policy, StringComparison.Ordinal);
        Assert.DoesNotContain("script-src", policy, StringComparison.Ordinal);
        Assert.DoesNotContain("unsafe", policy, StringComparison.Ordinal);
        Assert.Single(StyleElement().Matches(html));
        Assert.Equal("no-store", response.Headers.CacheControl?.ToString());
        Assert.Equal("nosniff", string.Join(',', response.Headers.GetValues("X-Content-Type-Options")));
    }

    [Fact]
    public async Task Report_Returns404InTheEnvelope_ForAnotherOrganisationsBatchAndAnUnknownId()
    {
        var (_, ownerOrg) = await NewOrganisationAsync();
        var (other, _) = await NewOrganisationAsync();
        var id = await SeededBatches.SeedAsync(app.Services, ownerOrg, DateTimeOffset.UtcNow, null, ReportSeeds.Candidates());

        foreach (var url in new[] { $"/api/v1/batch-jobs/{id}/report", $"/api/v1/batch-jobs/{Guid.NewGuid()}/report" })
        {
            using var response = await other.GetAsync(url);

            Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
            Assert.Equal("BATCH_NOT_FOUND", (await response.ReadJsonAsync()).GetProperty("error").GetProperty("code").GetString());
            // An error keeps the API's policy: the report's style allowance is for the page only.
            Assert.DoesNotContain("style-src", string.Join(';', response.Headers.GetValues("Content-Security-Policy")), StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task Report_Returns401WithoutAKey()
    {
        using var anonymous = app.CreateClient();

        using var response = await anonymous.GetAsync($"/api/v1/batch-jobs/{Guid.NewGuid()}/report");

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("UNAUTHORIZED", (await response.ReadJsonAsync()).GetProperty("error").GetProperty("code").GetString());
    }

    private async Task<(HttpClient Client, Guid OrganisationId)> NewOrganisationAsync()
    {
        var key = await app.CreateKeyAsync($"org-{Guid.NewGuid():N}"[..20], Scopes.BatchesRead);
        return (app.CreateClientWithKey(key.Key), key.OrganisationId!.Value);
    }

    [GeneratedRegex("<style>(.*?)</style>", RegexOptions.Singleline, 1000)]
    private static partial Regex StyleElement();
}
