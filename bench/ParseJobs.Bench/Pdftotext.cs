using System.Diagnostics;

namespace ParseJobs.Bench;

/// <summary><c>pdftotext -layout</c> (poppler-utils) on one file, one process per run as a service would call it:
/// the yardstick of issue 10's latency aim (submit→completed within 3× of it on the same file) and of the layout speed.</summary>
public static class Pdftotext
{
    /// <summary>Wall time per run, start-up included, after one warm-up run; null when pdftotext is not installed.</summary>
    public static LatencySummary? Time(byte[] pdf, int runs)
    {
        var path = Path.Combine(Path.GetTempPath(), $"parsejobs-bench-{Environment.ProcessId}.pdf");
        File.WriteAllBytes(path, pdf);
        try
        {
            var samples = new List<double>(runs);
            for (var i = 0; i <= runs; i++)
            {
                if (RunOnceMs(path) is not { } ms)
                    return null;
                if (i > 0)
                    samples.Add(ms);
            }

            return LatencySummary.Of(samples);
        }
        finally
        {
            File.Delete(path);
        }
    }

    /// <summary>One <c>pdftotext -layout FILE -</c>, start to exit, in milliseconds; null when it is not installed.</summary>
    public static double? RunOnceMs(string path)
    {
        var info = new ProcessStartInfo("pdftotext") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var argument in new[] { "-layout", path, "-" })
            info.ArgumentList.Add(argument);
        var started = Stopwatch.GetTimestamp();
        Process? process;
        try
        {
            process = Process.Start(info);
        }
        catch (System.ComponentModel.Win32Exception)
        {
            return null; // not installed
        }

        if (process is null)
            return null;
        using (process)
        {
            _ = process.StandardError.ReadToEndAsync();
            process.StandardOutput.ReadToEnd();
            process.WaitForExit();
        }

        return Stopwatch.GetElapsedTime(started).TotalMilliseconds;
    }
}
