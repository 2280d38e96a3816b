using System.Diagnostics;

namespace ParseJobs.Bench;

/// <summary>HTML printed to PDF by headless Chromium (PARSEJOBS_CHROMIUM, else Debian's chromium), as the corpora's
/// PDFs are printed.</summary>
public static class ChromiumPrint
{
    public static byte[] Pdf(string html)
    {
        var chromium = Environment.GetEnvironmentVariable("PARSEJOBS_CHROMIUM")
            ?? new[] { "/usr/bin/chromium", "/usr/bin/google-chrome" }.FirstOrDefault(File.Exists)
            ?? throw new InvalidOperationException("Chromium is needed to print PDFs: apt-get install -y chromium.");
        var dir = Directory.CreateTempSubdirectory("bench-print-");
        try
        {
            var input = Path.Combine(dir.FullName, "page.html");
            var output = Path.Combine(dir.FullName, "page.pdf");
            File.WriteAllText(input, html);
            var start = new ProcessStartInfo(chromium) { RedirectStandardError = true, RedirectStandardOutput = true, UseShellExecute = false };
            foreach (var arg in new[]
            {
                "--headless", "--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking",
                $"--user-data-dir={Path.Combine(dir.FullName, "profile")}", "--no-pdf-header-footer",
                $"--print-to-pdf={output}", new Uri(input).AbsoluteUri,
            })
            {
                start.ArgumentList.Add(arg);
            }

            using var process = Process.Start(start) ?? throw new InvalidOperationException("Chromium did not start.");
            _ = process.StandardOutput.ReadToEndAsync();
            _ = process.StandardError.ReadToEndAsync();
            if (!process.WaitForExit(TimeSpan.FromSeconds(120)) || !File.Exists(output))
                throw new InvalidOperationException("Chromium did not print the page.");
            return File.ReadAllBytes(output);
        }
        finally
        {
            dir.Delete(recursive: true);
        }
    }
}
