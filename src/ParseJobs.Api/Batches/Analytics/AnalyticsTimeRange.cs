namespace ParseJobs.Api.Batches.Analytics;

/// <summary>The window of <c>GET /api/v1/analytics</c>: batches created in the last 7, 30, 90 or 365 days (rolling, so
/// that Monday morning's figures are not empty).</summary>
public enum AnalyticsTimeRange
{
    Week,
    Month,
    Quarter,
    Year,
}

public static class AnalyticsTimeRanges
{
    public const AnalyticsTimeRange Default = AnalyticsTimeRange.Month;

    /// <summary>The wire names, as clients send them (any case is accepted).</summary>
    public static IReadOnlyList<string> Names { get; } = Enum.GetValues<AnalyticsTimeRange>().Select(Name).ToArray();

    public static string Name(AnalyticsTimeRange range) => range.ToString().ToUpperInvariant();

    public static bool TryParse(string? value, out AnalyticsTimeRange range)
    {
        foreach (var candidate in Enum.GetValues<AnalyticsTimeRange>())
        {
            if (string.Equals(candidate.ToString(), value?.Trim(), StringComparison.OrdinalIgnoreCase))
            {
                range = candidate;
                return true;
            }
        }

        range = Default;
        return false;
    }

    public static TimeSpan Length(AnalyticsTimeRange range) => range switch
    {
        AnalyticsTimeRange.Week => TimeSpan.FromDays(7),
        AnalyticsTimeRange.Month => TimeSpan.FromDays(30),
        AnalyticsTimeRange.Quarter => TimeSpan.FromDays(90),
        AnalyticsTimeRange.Year => TimeSpan.FromDays(365),
        _ => throw new System.Diagnostics.UnreachableException($"AnalyticsTimeRange {range} has no length."),
    };
}
