using System.Text.RegularExpressions;

namespace ParseJobs.Extraction.Documents;

/// <summary>Recognises list items typed by hand: a bullet glyph or an enumerator such as "1." or "b)".</summary>
internal static partial class ListMarkers
{
    /// <summary>True when <paramref name="line"/> starts with a list marker; <paramref name="item"/> is the text after it.</summary>
    public static bool TryStrip(string line, out string item)
    {
        var match = Marker().Match(line);
        if (match.Success && match.Length < line.Length)
        {
            item = line[match.Length..];
            return true;
        }

        item = line;
        return false;
    }

    // Bullets need a following space ("-5 °C" and "*nix" are not items) except the dedicated bullet glyphs;
    // U+F0B7 and U+F0A7 are the Symbol/Wingdings bullets Word leaves behind when a list is pasted as text.
    [GeneratedRegex(@"^\s*(?:[•◦▪▫■□●○►▶➢➤✓✔·\uF0B7\uF0A7]\s*|[-*+–—]\s+|(?:\d{1,2}|[a-z])[.)]\s+|\((?:\d{1,2}|[a-z])\)\s+)", RegexOptions.CultureInvariant, 1000)]
    private static partial Regex Marker();
}
