using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using ParseJobs.Api.Auth;
using ParseJobs.Api.Tests.Batches.Analytics;
using ParseJobs.Api.Tests.Hosting;

namespace ParseJobs.Api.Tests.Batches.Report;

/// <summary>The report page in headless Chromium, served over real HTTP by the host on Kestrel (a loopback port), with
/// the page's real headers: the browser enforces the content security policy, so a stylesheet the policy did not allow
/// would leave the page unstyled, and the bars' colour would be missing from the screenshot.</summary>
[Collection(KestrelCollection.Name)]
public sealed class ReportBrowserTests(KestrelAppFactory app)
{
    // .fill's background (--bar in ReportStyles) and the 90–100 bucket's fill in the SVG chart (ScoreChart).
    private static readonly (byte R, byte G, byte B) BarColour = (0x2f, 0x85, 0x5a);
    private static readonly (byte R, byte G, byte B) TopBucketColour = (0x22, 0x54, 0x3d);

    [Fact]
    public async Task ReportPage_RendersStyledInChromium_UnderItsContentSecurityPolicy()
    {
        HeadlessChromium.EnsureInstalled();
        var key = await app.CreateKeyAsync($"org-{Guid.NewGuid():N}"[..20], Scopes.BatchesRead);
        var id = await SeededBatches.SeedAsync(app.Services, key.OrganisationId!.Value, DateTimeOffset.UtcNow.AddMinutes(-2), "backend", ReportSeeds.Candidates());
        await using var proxy = await KeyHeaderProxy.StartAsync(HostAddress(), key.Key);
        var url = new Uri(proxy.BaseAddress, $"/api/v1/batch-jobs/{id}/report");

        var (dom, log) = HeadlessChromium.DumpDom(url);
        var pixels = PngPixels.Decode(HeadlessChromium.Screenshot(url, 1000, 1800));

        // The document file name is text in the parsed page, not an element: the only <script> is none at all.
        Assert.Contains("&lt;script&gt;alert('cv')&lt;/script&gt;.pdf", dom, StringComparison.Ordinal);
        Assert.DoesNotContain("<script", dom, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("<svg", dom, StringComparison.Ordinal);
        Assert.Equal(3, dom.Split("class=\"candidate\"").Length - 1);
        Assert.DoesNotContain("Content Security Policy", log, StringComparison.Ordinal);
        // Painted: the score bars (a colour only the stylesheet sets) and the chart's top bucket.
        Assert.True(pixels.Count(BarColour.R, BarColour.G, BarColour.B) > 2000,
            $"the score bars were not painted ({pixels.Count(BarColour.R, BarColour.G, BarColour.B)} pixels): was the stylesheet refused? {log}");
        Assert.True(pixels.Count(TopBucketColour.R, TopBucketColour.G, TopBucketColour.B) > 200, "the chart's 90–100 bar was not painted");
    }

    private Uri HostAddress()
    {
        var addresses = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses;
        return new Uri(addresses.First().Replace("[::]", "127.0.0.1", StringComparison.Ordinal).Replace("localhost", "127.0.0.1", StringComparison.Ordinal));
    }
}
