using System.Diagnostics;

namespace ParseJobs.Extraction.Tests.Documents.Pdf;

/// <summary>Prints HTML to PDF with headless Chromium, as the CV themes are printed in the corpus.</summary>
internal static class ChromiumPdf
{
    // Debian's chromium (scripts/test-tools.sh installs it), or a Chrome the machine already has (CI runners).
    private static readonly string Chromium = Environment.GetEnvironmentVariable("PARSEJOBS_CHROMIUM")
        ?? new[] { "/usr/bin/chromium", "/usr/bin/chromium-browser", "/usr/bin/google-chrome" }.FirstOrDefault(File.Exists)
        ?? "/usr/bin/chromium";
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(60);

    public static byte[] FromHtml(string html)
    {
        // A missing browser is a broken test machine, not a reason to skip: scripts/test.sh installs it.
        Assert.True(File.Exists(Chromium), $"{Chromium} is missing: run 'apt-get install -y chromium' (scripts/test.sh does so as root).");
        var dir = Directory.CreateTempSubdirectory("chromium-pdf-");
        try
        {
            var input = Path.Combine(dir.FullName, "page.html");
            var output = Path.Combine(dir.FullName, "page.pdf");
            File.WriteAllText(input, html);
            var start = new ProcessStartInfo(Chromium)
            {
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                UseShellExecute = false,
            };
            foreach (var arg in new[]
            {
                "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                $"--user-data-dir={Path.Combine(dir.FullName, "profile")}", "--no-pdf-header-footer",
                $"--print-to-pdf={output}", new Uri(input).AbsoluteUri,
            })
            {
                start.ArgumentList.Add(arg);
            }

            using var process = Process.Start(start) ?? throw new InvalidOperationException("Chromium did not start.");
            var stderr = process.StandardError.ReadToEndAsync();
            _ = process.StandardOutput.ReadToEndAsync();
            if (!process.WaitForExit(Timeout))
            {
                process.Kill(entireProcessTree: true);
                Assert.Fail($"Chromium did not print within {Timeout.TotalSeconds} s.");
            }

            Assert.True(File.Exists(output), $"Chromium wrote no PDF (exit {process.ExitCode}): {stderr.Result}");
            return File.ReadAllBytes(output);
        }
        finally
        {
            dir.Delete(recursive: true);
        }
    }
}
