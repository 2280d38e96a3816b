using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using Microsoft.Extensions.Logging;
using ParseJobs.Api.Ats.Pdf;
using static ParseJobs.Api.Tests.Ats.Pdf.ProfilePdfFiles;

namespace ParseJobs.Api.Tests.Ats.Pdf;

/// <summary>The shared browser's life: one per renderer, bounded renders, the time limit, a relaunch after a crash,
/// a page that can neither run script nor reach the network.</summary>
public sealed class ProfileBrowserTests
{
    private static ProfilePdfRequest Request(int jobs = 2) => new(ProfileSamples.German(jobs), Guid.NewGuid(), "Alpen Personal AG");

    [Fact]
    public async Task Render_SharesOneBrowser_AcrossConcurrentRenders_WithinTheConcurrencyLimit()
    {
        await using var renderer = RendererFixture.Create(new ProfilePdfOptions { MaxConcurrentRenders = 2 });

        var pdfs = await Task.WhenAll(Enumerable.Range(0, 5).Select(_ => renderer.RenderAsync(Request(), CancellationToken.None)));

        Assert.All(pdfs, pdf => Assert.Contains("Position01Projektleiter", Text(pdf), StringComparison.Ordinal));
        Assert.Equal(1, renderer.Browser.Launches);
        Assert.InRange(renderer.PeakConcurrentRenders, 1, 2);
    }

    [Fact]
    public async Task Render_FailsTransient_WhenPastItsTimeLimit_AndClosesThePage()
    {
        await using var renderer = RendererFixture.Create(new ProfilePdfOptions { RenderTimeoutSeconds = 0.001 });

        var error = await Assert.ThrowsAsync<ProfilePdfException>(() => renderer.RenderAsync(Request(), CancellationToken.None));

        Assert.True(error.IsTransient);
        var browser = await renderer.Browser.GetAsync(CancellationToken.None);
        Assert.Equal(1, renderer.Browser.Launches); // the browser itself is fine
        Assert.DoesNotContain(await browser.PagesAsync(), p => p.Url != "about:blank"); // the render's page is closed
    }

    [Fact]
    public async Task Render_RelaunchesTheBrowser_WhenItWasKilledBetweenRenders()
    {
        await using var renderer = RendererFixture.Create(new ProfilePdfOptions());
        await renderer.RenderAsync(Request(), CancellationToken.None);
        var first = renderer.Browser.ProcessId!.Value;

        using (var process = Process.GetProcessById(first))
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
        }

        var pdf = await renderer.RenderAsync(Request(), CancellationToken.None);

        Assert.Contains("Position01Projektleiter", Text(pdf), StringComparison.Ordinal);
        Assert.Equal(2, renderer.Browser.Launches);
        Assert.NotEqual(first, renderer.Browser.ProcessId);
    }

    [Fact]
    public async Task DisposeAsync_EndsTheBrowserProcess()
    {
        var renderer = RendererFixture.Create(new ProfilePdfOptions());
        await renderer.RenderAsync(Request(1), CancellationToken.None);
        using var process = Process.GetProcessById(renderer.Browser.ProcessId!.Value);

        await renderer.DisposeAsync();

        Assert.True(process.WaitForExit(10_000), "the browser outlived its renderer");
    }

    [Fact]
    public async Task Print_LoadsNothingFromTheNetwork_AndRunsNoScript()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        var requests = new ConcurrentQueue<string>();
        var accepting = Task.Run(async () =>
        {
            while (true)
            {
                using var client = await listener.AcceptTcpClientAsync();
                var buffer = new byte[512];
                using var wait = new CancellationTokenSource(TimeSpan.FromSeconds(2));
                var read = await client.GetStream().ReadAsync(buffer, wait.Token).AsTask().ContinueWith(t => t.IsCompletedSuccessfully ? t.Result : -1, TaskScheduler.Default);
                requests.Enqueue(read > 0 ? System.Text.Encoding.ASCII.GetString(buffer, 0, read) : $"connection without a request ({read})");
            }
        });
        var html = $"""
            <!DOCTYPE html><html><head><link rel="stylesheet" href="http://127.0.0.1:{port}/style.css"></head>
            <body><p>STATIC TEXT</p><img src="http://127.0.0.1:{port}/logo.png"><iframe src="http://127.0.0.1:{port}/frame"></iframe>
            <img src="data:image/gif;base64,R0lGODlhAQABAIAAAAAAAP///yH5BAEAAAAALAAAAAABAAEAAAIBRAA7">
            <script>document.body.innerHTML = '<p>SCRIPT RAN</p>';</script></body></html>
            """;
        await using var renderer = RendererFixture.Create(new ProfilePdfOptions());

        var text = Text(await renderer.PrintAsync(html, "<span></span>", CancellationToken.None));

        Assert.Contains("STATICTEXT", text, StringComparison.Ordinal);
        Assert.DoesNotContain("SCRIPTRAN", text, StringComparison.Ordinal);
        Assert.True(requests.IsEmpty, string.Join(" | ", requests));
        listener.Stop();
        await Assert.ThrowsAnyAsync<Exception>(() => accepting);
    }

    [Fact]
    public async Task Render_LogsNothingOfTheCandidate()
    {
        var logs = new CapturingLoggerProvider();
        using var loggers = LoggerFactory.Create(b => b.AddProvider(logs).SetMinimumLevel(LogLevel.Trace));
        await using (var renderer = RendererFixture.Create(new ProfilePdfOptions { RenderTimeoutSeconds = 0.001 }, loggers))
        {
            await Assert.ThrowsAsync<ProfilePdfException>(() => renderer.RenderAsync(Request(), CancellationToken.None));
        }

        Assert.NotEmpty(logs.Lines); // the launch and the timeout are logged…
        Assert.DoesNotContain(logs.Lines, l => l.Contains("Müller", StringComparison.Ordinal) || l.Contains(ProfileSamples.Email, StringComparison.Ordinal));
    }

    private sealed class CapturingLoggerProvider : ILoggerProvider
    {
        private readonly ConcurrentQueue<string> _lines = new();

        public IReadOnlyCollection<string> Lines => _lines;

        public ILogger CreateLogger(string categoryName) => new Logger(_lines);

        public void Dispose()
        {
        }

        private sealed class Logger(ConcurrentQueue<string> lines) : ILogger
        {
            public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

            public bool IsEnabled(LogLevel logLevel) => true;

            public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
                lines.Enqueue($"{formatter(state, exception)} {exception}");
        }
    }
}
