using System.Collections.Concurrent;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using ParseJobs.Api.Ats.Projects;
using ParseJobs.Api.Auth;
using ParseJobs.Api.Tests.Ats.Projects;
using ParseJobs.Api.Tests.Batches.Report;
using ParseJobs.Api.Tests.Hosting;
using PuppeteerSharp;

namespace ParseJobs.Api.Tests.Ats.Page;

/// <summary>
/// The project page in headless Chromium (Debian's, driven by PuppeteerSharp; no browser is downloaded), served by
/// the host on Kestrel with its real headers, so the browser enforces the content security policy: a script or
/// stylesheet the policy did not allow would leave the page static or unstyled, and the console would say so.
/// </summary>
[Collection(KestrelCollection.Name)]
public sealed class ProjectPageBrowserTests(KestrelAppFactory app)
{
    // The accent of the buttons (--accent in ProjectPageAssets): painted only when the stylesheet applies.
    private static readonly (byte R, byte G, byte B) Accent = (0x1f, 0x5f, 0xae);

    /// <summary>Set to a file path to keep the screenshot for a look (never committed).</summary>
    private const string ScreenshotVariable = "PARSEJOBS_PAGE_SCREENSHOT";

    [Fact]
    public async Task Page_TurnsARowReadyWithoutReloading_AndItsPdfLinkDownloadsAPdf()
    {
        HeadlessChromium.EnsureInstalled();
        var key = await app.CreateKeyAsync($"org-{Guid.NewGuid():N}"[..20], Scopes.ProjectsRead);
        var project = await ProjectSeeds.SeedAsync(app.Services, key.OrganisationId!.Value, "Data Engineer, Zürich",
            new SeedCandidate("1001", CandidateStatus.Ready, "Sara Forconi", "Senior Data Engineer"),
            new SeedCandidate("1002", CandidateStatus.Pending),
            new SeedCandidate("1003", CandidateStatus.Failed, Reason: "The applicant has no CV document in HR4YOU."),
            new SeedCandidate("1004", CandidateStatus.Ready, "<script>alert(1)</script>", "Data Analyst"));
        var pending = project.CandidateIds[1];
        var row = $"document.querySelector('li.candidate[data-candidate-id=\"{pending}\"]')";

        await using var browser = await Puppeteer.LaunchAsync(new LaunchOptions
        {
            Headless = true,
            ExecutablePath = ChromiumPath(),
            Args = ["--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--disable-background-networking", "--no-first-run"],
        });
        await using var page = await browser.NewPageAsync();
        var console = new ConcurrentQueue<string>();
        page.Console += (_, e) => console.Enqueue(e.Message.Text);
        page.PageError += (_, e) => console.Enqueue("page error: " + e.Message);
        var navigations = 0;
        page.FrameNavigated += (_, e) =>
        {
            if (e.Frame == page.MainFrame)
            {
                Interlocked.Increment(ref navigations);
            }
        };
        // Injected by the browser itself (not subject to the page's policy): records every refusal the policy makes.
        await page.EvaluateExpressionOnNewDocumentAsync(
            "window.__csp = []; document.addEventListener('securitypolicyviolation', e => window.__csp.push(e.violatedDirective + ' ' + e.blockedURI));");
        await page.SetViewportAsync(new ViewPortOptions { Width = 1200, Height = 900 });

        var response = await page.GoToAsync(new Uri(HostAddress(), ProjectSeeds.PageUrl(app.Services, project)).AbsoluteUri, WaitUntilNavigation.Load);
        Assert.Equal(System.Net.HttpStatusCode.OK, response.Status);
        await page.EvaluateExpressionAsync("window.__marker = 'same document'");

        Assert.Equal(4, await page.EvaluateExpressionAsync<int>("document.querySelectorAll('li.candidate').length"));
        Assert.Equal("pending", await page.EvaluateExpressionAsync<string>($"{row}.dataset.status"));
        Assert.Equal("Waiting", await page.EvaluateExpressionAsync<string>($"{row}.querySelector('.badge').textContent"));
        Assert.True(await page.EvaluateExpressionAsync<bool>($"{row}.querySelector('.actions').hidden"));
        // The CV's name is text, not markup: no script element besides the page's own.
        Assert.Equal(1, await page.EvaluateExpressionAsync<int>("document.scripts.length"));
        Assert.Contains("<script>alert(1)</script>", await page.EvaluateExpressionAsync<string>("document.querySelector('#candidates').innerText"), StringComparison.Ordinal);

        await ProjectSeeds.CompleteAsync(app.Services, project, 1, new SeedCandidate("1002", CandidateStatus.Ready, "Luca Brunner", "Cloud Data Engineer"));
        await page.WaitForFunctionAsync($"() => {row}.dataset.status === 'ready'", new WaitForFunctionOptions { Timeout = 30_000 });

        Assert.Equal("same document", await page.EvaluateExpressionAsync<string>("window.__marker"));
        Assert.Equal(1, Volatile.Read(ref navigations));
        Assert.Equal("Luca Brunner", await page.EvaluateExpressionAsync<string>($"{row}.querySelector('.name').textContent"));
        Assert.Equal("Ready", await page.EvaluateExpressionAsync<string>($"{row}.querySelector('.badge').textContent"));
        Assert.False(await page.EvaluateExpressionAsync<bool>($"{row}.querySelector('.actions').hidden"));
        Assert.Equal("Senior Data Engineer · Helvetic Analytics AG", await page.EvaluateExpressionAsync<string>($"{row}.querySelector('.position').textContent"));
        await page.WaitForFunctionAsync("() => document.getElementById('project').dataset.live === 'done'", new WaitForFunctionOptions { Timeout = 10_000 });
        Assert.Equal("3", await page.EvaluateExpressionAsync<string>("document.querySelector('[data-count=\"ready\"]').textContent"));

        var href = await page.EvaluateExpressionAsync<string>($"{row}.querySelector('.actions a').href");
        var download = await page.EvaluateFunctionAsync<string>("""
            async url => {
              const response = await fetch(url);
              const bytes = new Uint8Array(await response.arrayBuffer());
              return response.status + ' ' + response.headers.get('content-type') + ' ' + String.fromCharCode(...bytes.slice(0, 4));
            }
            """, href);
        Assert.Equal("200 application/pdf %PDF", download);

        var screenshot = await page.ScreenshotDataAsync(new ScreenshotOptions { FullPage = true, Type = ScreenshotType.Png });
        if (Environment.GetEnvironmentVariable(ScreenshotVariable) is { Length: > 0 } path)
        {
            await File.WriteAllBytesAsync(path, screenshot);
        }

        var pixels = PngPixels.Decode(screenshot);
        Assert.True(pixels.Count(Accent.R, Accent.G, Accent.B) > 3000,
            $"the buttons were not painted in the accent colour ({pixels.Count(Accent.R, Accent.G, Accent.B)} pixels): was the stylesheet refused?");
        Assert.Empty(await page.EvaluateExpressionAsync<string[]>("window.__csp"));
        Assert.DoesNotContain(console, line => line.Contains("Content Security Policy", StringComparison.OrdinalIgnoreCase) || line.StartsWith("page error", StringComparison.Ordinal));
    }

    private static string ChromiumPath() =>
        Environment.GetEnvironmentVariable("PARSEJOBS_CHROMIUM")
        ?? new[] { "/usr/bin/chromium", "/usr/bin/chromium-browser", "/usr/bin/google-chrome" }.FirstOrDefault(File.Exists)
        ?? "/usr/bin/chromium";

    private Uri HostAddress()
    {
        var addresses = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses;
        return new Uri(addresses.First().Replace("[::]", "127.0.0.1", StringComparison.Ordinal).Replace("localhost", "127.0.0.1", StringComparison.Ordinal));
    }
}
