using System.Globalization;

namespace ParseJobs.Bench;

/// <summary>The figures every benchmark prints the same way: medians, and service CPU per item.</summary>
public static class BenchMath
{
    public static double Median(IEnumerable<double> values)
    {
        var sorted = values.Order().ToArray();
        return sorted.Length % 2 == 1 ? sorted[sorted.Length / 2] : (sorted[(sorted.Length / 2) - 1] + sorted[sorted.Length / 2]) / 2;
    }

    /// <summary>"; service CPU 8.9 s = 17.8 ms per candidate", or "" when the service's CPU was not read.</summary>
    public static string CpuPer(double? seconds, int items, string item = "candidate") => seconds is { } s
        ? string.Create(CultureInfo.InvariantCulture, $"; service CPU {s:0.0} s = {s / items * 1000:0.0} ms per {item}")
        : "";
}
