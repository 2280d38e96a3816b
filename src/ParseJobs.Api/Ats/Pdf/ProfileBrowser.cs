using PuppeteerSharp;

namespace ParseJobs.Api.Ats.Pdf;

/// <summary>The process's one headless Chromium: launched on first use (a process that never renders never starts
/// one), shared by every render, relaunched when it died, closed with the host.</summary>
internal sealed class ProfileBrowser(ProfilePdfOptions options, ILogger<ProfileBrowser> logger) : IAsyncDisposable
{
    private static readonly string[] UsualPaths = ["/usr/bin/chromium", "/usr/bin/chromium-browser", "/usr/bin/google-chrome", "/usr/bin/google-chrome-stable"];

    // A container has no user namespaces for the sandbox, no GPU and a small /dev/shm; the page needs none of the
    // browser's background services, which would also reach out to the network.
    private static readonly string[] Args =
    [
        "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--no-first-run", "--no-default-browser-check",
        "--disable-extensions", "--disable-background-networking", "--disable-component-update", "--disable-sync",
        "--disable-default-apps", "--disable-domain-reliability", "--mute-audio", "--hide-scrollbars",
        "--font-render-hinting=none",
        // Belt and braces besides the page's request interception: the speculative preconnects that Chromium opens
        // for a page's URLs before any request (which interception never sees) go to a closed local port instead.
        "--proxy-server=http://127.0.0.1:9", "--proxy-bypass-list=<-loopback>",
    ];

    private readonly SemaphoreSlim _launch = new(1, 1);
    private IBrowser? _browser;
    private int _launches;
    private bool _disposed;

    /// <summary>How many times a browser was launched (1 while the first one lives).</summary>
    public int Launches => Volatile.Read(ref _launches);

    /// <summary>The running browser's process id, or null before the first launch.</summary>
    public int? ProcessId => _browser?.Process?.Id;

    public static string? FindChromium(string? configured) =>
        !string.IsNullOrEmpty(configured) ? configured : Array.Find(UsualPaths, File.Exists);

    public async Task<IBrowser> GetAsync(CancellationToken ct)
    {
        if (Alive(_browser) is { } browser)
        {
            return browser;
        }

        await _launch.WaitAsync(ct);
        try
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            if (Alive(_browser) is { } again)
            {
                return again;
            }

            if (_browser is { } dead)
            {
                logger.LogWarning("The PDF browser (pid {Pid}) is gone; launching another", dead.Process?.Id);
                await CloseQuietlyAsync(dead);
            }

            var path = FindChromium(options.ChromiumPath)
                ?? throw new ProfilePdfException("No Chromium found: install Debian's chromium or set Ats:Pdf:ChromiumPath.", isTransient: false);
            // No logger factory: PuppeteerSharp's debug logs carry the protocol messages, and those carry the CV.
            _browser = await Puppeteer.LaunchAsync(new LaunchOptions
            {
                ExecutablePath = path,
                Headless = true,
                Args = Args,
                Timeout = 30_000,
            });
            Interlocked.Increment(ref _launches);
            logger.LogInformation("Launched the PDF browser {Path} (pid {Pid})", path, _browser.Process?.Id);
            return _browser;
        }
        finally
        {
            _launch.Release();
        }
    }

    /// <summary>Ends a browser that stopped answering (a render past its time limit whose page would not close): the
    /// next render launches a fresh one.</summary>
    public void Kill(IBrowser browser)
    {
        try
        {
            browser.Process?.Kill(entireProcessTree: true);
        }
        catch (InvalidOperationException)
        {
            // Already exited.
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (_disposed)
        {
            return;
        }

        await _launch.WaitAsync();
        try
        {
            _disposed = true;
            if (_browser is { } browser)
            {
                await CloseQuietlyAsync(browser);
                _browser = null;
            }
        }
        finally
        {
            _launch.Release();
        }
    }

    private static IBrowser? Alive(IBrowser? browser) =>
        browser is { IsConnected: true, IsClosed: false } && browser.Process is not { HasExited: true } ? browser : null;

    private async Task CloseQuietlyAsync(IBrowser browser)
    {
        try
        {
            await browser.CloseAsync().WaitAsync(TimeSpan.FromSeconds(5));
        }
        catch (Exception e) when (e is PuppeteerException or TimeoutException or InvalidOperationException or ObjectDisposedException)
        {
            logger.LogDebug(e, "Closing the PDF browser failed; killing it");
            Kill(browser);
        }

        await browser.DisposeAsync();
    }
}
