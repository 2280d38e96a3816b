using System.Diagnostics;

namespace ParseJobs.Api.Tests.Batches.Report;

/// <summary>Debian's chromium (scripts/test-tools.sh installs it) or a Chrome the machine has, run headless against a URL.</summary>
internal static class HeadlessChromium
{
    private static readonly string Binary = Environment.GetEnvironmentVariable("PARSEJOBS_CHROMIUM")
        ?? new[] { "/usr/bin/chromium", "/usr/bin/chromium-browser", "/usr/bin/google-chrome" }.FirstOrDefault(File.Exists)
        ?? "/usr/bin/chromium";

    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(90);

    /// <summary>Fails (never skips) when the browser is missing: in CI that is a broken runner, and locally the fix is one command.</summary>
    public static void EnsureInstalled() =>
        Assert.True(File.Exists(Binary),
            $"{Binary} is missing{(Environment.GetEnvironmentVariable("CI") is { Length: > 0 } ? " on this CI runner" : "")}: " +
            "run scripts/test-tools.sh (apt-get install -y chromium) or set PARSEJOBS_CHROMIUM.");

    /// <summary>The DOM after parsing (<c>--dump-dom</c>) and the browser's log (where CSP refusals are reported).</summary>
    public static (string Dom, string Log) DumpDom(Uri url)
    {
        var (stdout, stderr, _) = Run(url, "--dump-dom");
        return (stdout, stderr);
    }

    /// <summary>A PNG of the page at the given window size (<c>--screenshot</c>).</summary>
    public static byte[] Screenshot(Uri url, int width, int height)
    {
        var dir = Directory.CreateTempSubdirectory("report-shot-");
        try
        {
            var file = Path.Combine(dir.FullName, "page.png");
            var (_, stderr, exit) = Run(url, $"--screenshot={file}", $"--window-size={width},{height}", "--hide-scrollbars");
            Assert.True(File.Exists(file), $"Chromium wrote no screenshot (exit {exit}): {stderr}");
            return File.ReadAllBytes(file);
        }
        finally
        {
            dir.Delete(recursive: true);
        }
    }

    private static (string Stdout, string Stderr, int Exit) Run(Uri url, params string[] mode)
    {
        EnsureInstalled();
        var profile = Directory.CreateTempSubdirectory("report-chromium-");
        try
        {
            var start = new ProcessStartInfo(Binary) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
            foreach (var arg in new[]
            {
                "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
                "--disable-sync", "--no-first-run", "--disable-quic", "--enable-logging=stderr", "--v=0",
                $"--user-data-dir={profile.FullName}",
            }.Concat(mode).Append(url.AbsoluteUri))
            {
                start.ArgumentList.Add(arg);
            }

            using var process = Process.Start(start) ?? throw new InvalidOperationException("Chromium did not start.");
            var stdout = process.StandardOutput.ReadToEndAsync();
            var stderr = process.StandardError.ReadToEndAsync();
            if (!process.WaitForExit(Timeout))
            {
                process.Kill(entireProcessTree: true);
                Assert.Fail($"Chromium did not finish within {Timeout.TotalSeconds} s.");
            }

            process.WaitForExit();
            return (stdout.Result, stderr.Result, process.ExitCode);
        }
        finally
        {
            profile.Delete(recursive: true);
        }
    }
}
