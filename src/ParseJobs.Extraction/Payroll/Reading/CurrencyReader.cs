using System.Text.RegularExpressions;

namespace ParseJobs.Extraction.Payroll.Reading;

/// <summary>The currency a document is printed in: the ISO code or symbol it shows most often (CHF, EUR/€, GBP/£,
/// USD/$), or null when it shows none.</summary>
public static partial class CurrencyReader
{
    public static string? Find(IEnumerable<string> texts)
    {
        ArgumentNullException.ThrowIfNull(texts);
        var counts = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var text in texts)
        {
            foreach (Match match in Currency().Matches(text))
            {
                var code = match.Value switch
                {
                    "€" => "EUR",
                    "£" => "GBP",
                    "$" => "USD",
                    "Fr." or "SFr." => "CHF",
                    var v => v.ToUpperInvariant(),
                };
                counts[code] = counts.GetValueOrDefault(code) + 1;
            }
        }

        return counts.Count == 0 ? null : counts.OrderByDescending(c => c.Value).ThenBy(c => c.Key, StringComparer.Ordinal).First().Key;
    }

    [GeneratedRegex(@"\b(?:CHF|EUR|GBP|USD)\b|[€£$]|\bS?Fr\.", RegexOptions.CultureInvariant | RegexOptions.NonBacktracking)]
    private static partial Regex Currency();
}
