using System.Globalization;

namespace ParseJobs.Bench;

/// <summary>Median and 95th percentile (nearest rank) of a set of samples in milliseconds.</summary>
public sealed record LatencySummary(int Count, double MedianMs, double P95Ms, double MinMs, double MaxMs)
{
    public static LatencySummary Of(IReadOnlyCollection<double> samplesMs)
    {
        if (samplesMs.Count == 0)
            return new LatencySummary(0, double.NaN, double.NaN, double.NaN, double.NaN);
        var sorted = samplesMs.Order().ToArray();
        return new LatencySummary(sorted.Length, Median(sorted), NearestRank(sorted, 0.95), sorted[0], sorted[^1]);
    }

    public override string ToString() => string.Create(CultureInfo.InvariantCulture,
        $"median {MedianMs:0.00} ms, p95 {P95Ms:0.00} ms (min {MinMs:0.00}, max {MaxMs:0.00}, n={Count})");

    private static double Median(double[] sorted) =>
        sorted.Length % 2 == 1 ? sorted[sorted.Length / 2] : (sorted[(sorted.Length / 2) - 1] + sorted[sorted.Length / 2]) / 2;

    private static double NearestRank(double[] sorted, double quantile) =>
        sorted[Math.Clamp((int)Math.Ceiling(quantile * sorted.Length) - 1, 0, sorted.Length - 1)];
}
