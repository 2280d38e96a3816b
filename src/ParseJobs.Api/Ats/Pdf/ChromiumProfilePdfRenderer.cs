using Microsoft.Extensions.Options;
using PuppeteerSharp;
using PuppeteerSharp.Media;

namespace ParseJobs.Api.Ats.Pdf;

/// <summary>Prints the profile page to an A4 PDF in the shared headless Chromium: one page per render, closed after;
/// at most <see cref="ProfilePdfOptions.MaxConcurrentRenders"/> at once; each within its time limit. The page runs no
/// JavaScript and loads nothing but data: URIs, so a CV can neither run code nor make the server fetch a URL.</summary>
internal sealed class ChromiumProfilePdfRenderer : IProfilePdfRenderer, IAsyncDisposable
{
    private static readonly TimeSpan CloseLimit = TimeSpan.FromSeconds(5);

    private readonly ProfilePdfOptions _options;
    private readonly ProfileBrowser _browser;
    private readonly ProfileHtml _html = new();
    private readonly LogoImage _logo;
    private readonly SemaphoreSlim _slots;
    private readonly ILogger<ChromiumProfilePdfRenderer> _logger;
    private int _active;
    private int _peak;

    public ChromiumProfilePdfRenderer(IOptions<ProfilePdfOptions> options, ILoggerFactory loggers)
    {
        _options = options.Value;
        _browser = new ProfileBrowser(_options, loggers.CreateLogger<ProfileBrowser>());
        _logo = new LogoImage(_options.MaxLogoKb);
        _slots = new SemaphoreSlim(_options.MaxConcurrentRenders, _options.MaxConcurrentRenders);
        _logger = loggers.CreateLogger<ChromiumProfilePdfRenderer>();
    }

    internal ProfileBrowser Browser => _browser;

    /// <summary>The most pages that were open at once.</summary>
    internal int PeakConcurrentRenders => Volatile.Read(ref _peak);

    public async Task<byte[]> RenderAsync(ProfilePdfRequest request, CancellationToken ct)
    {
        var branding = _options.BrandingFor(request.OrganisationId, request.OrganisationSlug);
        var labels = ProfileLabels.For(branding.Language);
        var accent = branding.AccentColor ?? "#1f4e79";
        var organisation = request.OrganisationName.Trim();
        var view = ProfileViewBuilder.Build(
            request, new BrandingView(organisation, accent, _logo.DataUri(branding.LogoPath), branding.Language ?? "en", _html.Css), labels);
        var html = await _html.RenderAsync(view);
        return await PrintAsync(html, ProfileHtml.Footer(organisation, branding.FooterText, labels, accent), ct);
    }

    /// <summary>Any HTML to PDF under the page's rules (no script, no network); the profile is one such page.</summary>
    internal async Task<byte[]> PrintAsync(string html, string footer, CancellationToken ct)
    {
        await _slots.WaitAsync(ct);
        try
        {
            // The launch is outside the render's time limit: a cold start is not a slow render.
            var browser = await _browser.GetAsync(ct);
            var page = new PageHolder();
            var work = PrintPageAsync(browser, page, html, footer);
            try
            {
                return await work.WaitAsync(_options.RenderTimeout, ct);
            }
            catch (TimeoutException e)
            {
                _logger.LogWarning("A profile PDF render passed its limit of {Seconds} s", _options.RenderTimeoutSeconds);
                throw new ProfilePdfException($"Rendering the PDF took longer than {_options.RenderTimeoutSeconds} s.", isTransient: true, e);
            }
            finally
            {
                await CloseAsync(browser, page, work);
            }
        }
        catch (PuppeteerException e)
        {
            // The browser died or its connection broke mid-render: the next attempt gets a fresh one.
            _logger.LogWarning(e, "A profile PDF render failed in the browser");
            throw new ProfilePdfException("The PDF browser failed during the render.", isTransient: true, e);
        }
        finally
        {
            _slots.Release();
        }
    }

    // The container disposes the instance once per registration that returned it (two here): closing twice is a no-op.
    public async ValueTask DisposeAsync() => await _browser.DisposeAsync();

    private async Task<byte[]> PrintPageAsync(IBrowser browser, PageHolder holder, string html, string footer)
    {
        var active = Interlocked.Increment(ref _active);
        InterlockedMax(ref _peak, active);
        try
        {
            var page = holder.Page = await browser.NewPageAsync();
            await page.SetJavaScriptEnabledAsync(false);
            await page.SetRequestInterceptionAsync(true);
            page.Request += async (_, e) =>
            {
                if (e.Request.Url.StartsWith("data:", StringComparison.OrdinalIgnoreCase))
                {
                    await e.Request.ContinueAsync();
                }
                else
                {
                    await e.Request.AbortAsync(RequestAbortErrorCode.BlockedByClient);
                }
            };
            await page.SetContentAsync(html, new SetContentOptions { WaitUntil = [WaitUntilNavigation.Load] });
            return await page.PdfDataAsync(new PdfOptions
            {
                PreferCSSPageSize = true, // the stylesheet's @page size: A4 is exactly 595 × 842 pt; Chromium's A4 format rounds to pixels
                PrintBackground = true,
                DisplayHeaderFooter = true,
                HeaderTemplate = "<span></span>",
                FooterTemplate = footer,
                MarginOptions = new MarginOptions { Top = "15mm", Bottom = "18mm", Left = "15mm", Right = "15mm" },
                Tagged = true,
            });
        }
        finally
        {
            Interlocked.Decrement(ref _active);
        }
    }

    // The page is closed before the slot is given back, so an abandoned render never outlives its slot; a page that
    // will not close means a browser that stopped answering, which is killed and relaunched on the next render.
    private async Task CloseAsync(IBrowser browser, PageHolder holder, Task<byte[]> work)
    {
        try
        {
            if (!work.IsCompleted && holder.Page is null)
            {
                await work.WaitAsync(CloseLimit).ContinueWith(_ => { }, TaskScheduler.Default);
            }

            if (holder.Page is { } page)
            {
                await page.CloseAsync().WaitAsync(CloseLimit);
            }

            await work.WaitAsync(CloseLimit).ContinueWith(_ => { }, TaskScheduler.Default);
        }
        catch (Exception e) when (e is PuppeteerException or TimeoutException or ObjectDisposedException)
        {
            _logger.LogWarning(e, "A PDF page would not close; restarting the browser");
            _browser.Kill(browser);
        }
    }

    private static void InterlockedMax(ref int target, int value)
    {
        for (var seen = Volatile.Read(ref target); value > seen; seen = Volatile.Read(ref target))
        {
            if (Interlocked.CompareExchange(ref target, value, seen) == seen)
            {
                return;
            }
        }
    }

    private sealed class PageHolder
    {
        public IPage? Page { get; set; }
    }
}
