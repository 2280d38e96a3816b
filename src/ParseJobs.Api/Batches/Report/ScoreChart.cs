using System.Globalization;
using System.Text;

namespace ParseJobs.Api.Batches.Report;

/// <summary>The score distribution as an inline SVG bar chart: one bar per 10-point bucket, its count above it. Only
/// numbers and fixed labels go into it, so it needs no encoding; colours are presentation attributes, not styles.</summary>
public static class ScoreChart
{
    public const int Buckets = 10;

    private const int Width = 620;
    private const int Height = 260;
    private const int Left = 40;
    private const int Bottom = 36;
    private const int Top = 24;
    private const int Slot = (Width - Left - 10) / Buckets;
    private const int BarWidth = Slot - 12;

    /// <summary>Counts per bucket (0–10 … 90–100) of the scores; 100 falls into the last bucket.</summary>
    public static int[] Distribution(IEnumerable<double> scores)
    {
        var counts = new int[Buckets];
        foreach (var score in scores)
        {
            counts[Math.Clamp((int)Math.Floor(score / 10), 0, Buckets - 1)]++;
        }

        return counts;
    }

    public static void Render(StringBuilder html, IReadOnlyList<int> counts)
    {
        var max = Math.Max(1, counts.Max());
        var plot = Height - Top - Bottom;
        var total = counts.Sum();
        html.Append(CultureInfo.InvariantCulture,
            $"""<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {Width} {Height}" role="img" aria-labelledby="chart-title">""");
        html.Append(CultureInfo.InvariantCulture, $"<title id=\"chart-title\">Overall scores of {total} scored candidates in 10-point buckets</title>");
        // Axis and a light line at the top count.
        html.Append(CultureInfo.InvariantCulture, $"""<line x1="{Left}" y1="{Height - Bottom}" x2="{Width - 5}" y2="{Height - Bottom}" stroke="#5a6577" stroke-width="1"/>""");
        html.Append(CultureInfo.InvariantCulture, $"""<line x1="{Left}" y1="{Top}" x2="{Width - 5}" y2="{Top}" stroke="#d8dee8" stroke-width="1"/>""");
        html.Append(CultureInfo.InvariantCulture, $"""<text x="{Left - 6}" y="{Top + 4}" text-anchor="end" font-size="11" fill="#5a6577">{max}</text>""");
        html.Append(CultureInfo.InvariantCulture, $"""<text x="{Left - 6}" y="{Height - Bottom + 4}" text-anchor="end" font-size="11" fill="#5a6577">0</text>""");
        for (var bucket = 0; bucket < Buckets; bucket++)
        {
            var count = counts[bucket];
            var height = (int)Math.Round((double)plot * count / max);
            var x = Left + 6 + (bucket * Slot);
            var y = Height - Bottom - height;
            var label = $"{bucket * 10}–{(bucket + 1) * 10}";
            html.Append(CultureInfo.InvariantCulture,
                $"""<g class="bucket"><rect x="{x}" y="{y}" width="{BarWidth}" height="{height}" fill="{Colour(bucket)}"><title>{label}: {count}</title></rect>""");
            html.Append(CultureInfo.InvariantCulture,
                $"""<text x="{x + (BarWidth / 2)}" y="{y - 5}" text-anchor="middle" font-size="12" fill="#1a202c">{count}</text>""");
            html.Append(CultureInfo.InvariantCulture,
                $"""<text x="{x + (BarWidth / 2)}" y="{Height - Bottom + 16}" text-anchor="middle" font-size="11" fill="#5a6577">{label}</text></g>""");
        }

        html.Append(CultureInfo.InvariantCulture,
            $"""<text x="{Left + ((Width - Left) / 2)}" y="{Height - 4}" text-anchor="middle" font-size="12" fill="#5a6577">overall score</text>""");
        html.Append("</svg>");
    }

    // Low scores grey, good ones green: the chart reads at a glance and in greyscale print.
    private static string Colour(int bucket) => bucket switch
    {
        >= 9 => "#22543d",
        >= 8 => "#276749",
        >= 7 => "#38a169",
        >= 5 => "#68d391",
        _ => "#a0aec0",
    };
}
