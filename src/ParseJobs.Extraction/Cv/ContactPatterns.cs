using System.Text.RegularExpressions;

namespace ParseJobs.Extraction.Cv;

/// <summary>Patterns of contact data (e-mail, LinkedIn, separators of contact lines) and the document's "Label: value" pairs.</summary>
internal static partial class ContactPatterns
{
    /// <summary>"Label: value" lines (also "Label:" then the value on the next line), keyed by folded label.</summary>
    internal static Dictionary<string, string> LabelledValues(List<string> lines)
    {
        var map = new Dictionary<string, string>(StringComparer.Ordinal);
        for (var i = 0; i < lines.Count; i++)
        {
            var line = CvText.StripBullet(lines[i]);
            var m = LabelPattern().Match(line);
            if (!m.Success)
            {
                // Personal-details tables: "Geburtsdatum<TAB>12.03.1990", "Name<TAB>Florence Gasser".
                if (TabLabelPattern().Match(line) is { Success: true } cell)
                {
                    var cellValue = cell.Groups["value"].Value.Replace('\t', ' ').Trim();
                    if (i + 1 < lines.Count && PostcodeAndPlace().IsMatch(lines[i + 1].Trim()))
                        cellValue += ", " + lines[i + 1].Trim();
                    map.TryAdd(CvText.Fold(cell.Groups["label"].Value).Trim(), cellValue);
                }

                continue;
            }
            var label = CvText.Fold(m.Groups["label"].Value).Trim();
            var value = m.Groups["value"].Value.Trim();
            if (value.Length == 0 && i + 1 < lines.Count && !LabelPattern().IsMatch(lines[i + 1]))
                value = lines[i + 1].Trim();
            else if (i + 1 < lines.Count && PostcodeAndPlace().IsMatch(lines[i + 1].Trim()))
                value += ", " + lines[i + 1].Trim(); // an address value goes on with its postcode and place
            if (value.Length > 0)
                map.TryAdd(label, value.Replace('\t', ' '));
        }

        return map;
    }

    internal static string Label(Dictionary<string, string> labels, params string[] names)
    {
        foreach (var name in names)
        {
            if (labels.TryGetValue(CvText.Fold(name), out var value))
                return value;
        }

        return "";
    }

    /// <summary>Narrow sidebars wrap long addresses: "name@gm" + "ail.com", "name@outlook.co" + "m".</summary>
    internal static string JoinBrokenEmails(string text) => BrokenEmailPattern().Replace(EmailAtNextLinePattern().Replace(text, "${local}${domain}"), m =>
    {
        var first = m.Groups["first"].Value;
        var second = m.Groups["second"].Value;
        var domain = first[(first.IndexOf('@', StringComparison.Ordinal) + 1)..];
        var join = !domain.Contains('.', StringComparison.Ordinal) || second.StartsWith('.') || (second.Length <= 4 && second.All(char.IsLower));
        return join ? first + second : m.Value;
    });

    [GeneratedRegex(@"[A-Za-z0-9._%+\-]+@[A-Za-z0-9\-]+(?:\.[A-Za-z0-9\-]+)*\.[A-Za-z]{2,}", RegexOptions.None, matchTimeoutMilliseconds: 1000)]
    internal static partial Regex EmailPattern();

    [GeneratedRegex(@"(?<=^|\s)(?<first>[A-Za-z0-9._%+\-]+@[A-Za-z0-9\-.]*)[ \t]*\n[ \t]*(?<second>[A-Za-z0-9.\-]{1,40})(?=[ \t]*(?:\n|$))", RegexOptions.None, matchTimeoutMilliseconds: 1000)]
    internal static partial Regex BrokenEmailPattern();

    [GeneratedRegex(@"(?<=^|\n)(?<local>[A-Za-z0-9._%+\-]+)[ \t]*\n[ \t]*(?<domain>@[A-Za-z0-9.\-]+\.[A-Za-z]{2,})(?=[ \t]*(?:\n|$))", RegexOptions.None, matchTimeoutMilliseconds: 1000)]
    internal static partial Regex EmailAtNextLinePattern();

    [GeneratedRegex(@"linkedin\.com/in/([A-Za-z0-9\-_%]+)", RegexOptions.IgnoreCase, matchTimeoutMilliseconds: 1000)]
    internal static partial Regex LinkedInUrlPattern();

    [GeneratedRegex(@"^[a-z0-9][a-z0-9\-_]{2,99}$", RegexOptions.None, matchTimeoutMilliseconds: 1000)]
    internal static partial Regex HandlePattern();

    [GeneratedRegex(@"^(?<label>[\p{L}][\p{L} .’'/\-]{1,40}?)\s*:\s*(?<value>.*)$", RegexOptions.None, matchTimeoutMilliseconds: 1000)]
    internal static partial Regex LabelPattern();

    [GeneratedRegex(@"\t|\s+[|·•—–]\s+", RegexOptions.None, matchTimeoutMilliseconds: 1000)]
    internal static partial Regex ContactSeparator();

    [GeneratedRegex(@"^(?<label>\p{L}[\p{L} .’'/\-]{1,30}?)\t+(?<value>[^\t].*)$", RegexOptions.None, matchTimeoutMilliseconds: 1000)]
    internal static partial Regex TabLabelPattern();

    [GeneratedRegex(@"^(?:[A-Z]{1,2}-)?\d{4,5}\s+\p{Lu}[\p{L} .'\-]{1,40}$", RegexOptions.None, matchTimeoutMilliseconds: 1000)]
    private static partial Regex PostcodeAndPlace();
}
