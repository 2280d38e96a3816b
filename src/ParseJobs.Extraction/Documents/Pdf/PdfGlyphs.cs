using System.Text;
using UglyToad.PdfPig.Content;

namespace ParseJobs.Extraction.Documents.Pdf;

/// <summary>The letters of a page as text readers want them: icon glyphs (Font Awesome and its kin, private-use
/// code points) dropped, so that "[phone icon] 206-555-0149" reads as a phone number and the gap the icon
/// leaves separates what stood on either side; a glyph drawn twice on itself (fake bold, link overlays) kept
/// once; dashes and hyphens spelled as '-' or '–'.</summary>
internal static class PdfGlyphs
{
    // Icon fonts put pictograms on ordinary code points ('z' is a calendar in Font Awesome 5, '{' a
    // bullet in MarVoSym), so the font name is the only reliable sign. Symbol, Wingdings and Dingbats
    // stay: documents set their list bullets in them.
    private static readonly string[] IconFonts =
    [
        "fontawesome", "font awesome", "simpleicons", "marvosym", "academicons", "materialicons", "material icons",
        "materialsymbols", "ionicons", "icomoon", "fontello", "octicons", "devicon", "glyphicons", "remixicon",
        "bootstrap-icons", "bootstrapicons", "tabler-icons", "tablericons", "typicons", "entypo", "feather",
        "phosphor", "lineicons", "themify", "boxicons", "foundation-icons", "cvicons", "nerdfont",
    ];

    /// <summary>The page's letters without icons and overdrawn duplicates, in content order.</summary>
    public static List<Letter> Readable(IReadOnlyList<Letter> letters)
    {
        var kept = new List<Letter>(letters.Count);
        var seen = new Dictionary<(char, int, int, int), Letter>();
        string? lastFont = null;
        var lastIcon = false;
        foreach (var letter in letters)
        {
            // Letters of one run share their font name's string: compare references first.
            var font = letter.FontName ?? "";
            if (!ReferenceEquals(font, lastFont))
                (lastFont, lastIcon) = (font, IsIconFont(font));
            if (lastIcon || IsPrivateUse(letter.Value))
                continue;
            if (letter.Value.Length == 1 && !char.IsWhiteSpace(letter.Value[0]) && IsOverdrawn(letter, seen))
                continue;
            kept.Add(letter);
        }

        return kept;
    }

    internal static bool IsIconFont(string fontName)
    {
        // Subset prefixes ("HZBOSV+") and spaces or dashes inside the family name do not matter.
        var name = fontName.ToLowerInvariant();
        return Array.Exists(IconFonts, f => name.Contains(f, StringComparison.Ordinal))
            || name.Replace(" ", "", StringComparison.Ordinal).Replace("-", "", StringComparison.Ordinal).Contains("fontawesome", StringComparison.Ordinal);
    }

    /// <summary>True for private-use code points (icons) other than the Symbol-font bullets Word leaves
    /// behind (U+F0B7, U+F0A7), which <see cref="ListMarkers"/> reads as bullets.</summary>
    internal static bool IsPrivateUse(string value)
    {
        for (var i = 0; i < value.Length; i++)
        {
            var c = value[i];
            if (c is >= '\uE000' and <= '\uF8FF' && c is not ('\uF0B7' or '\uF0A7'))
                return true;

            // Supplementary private-use planes 15 and 16 arrive as surrogate pairs starting U+DB80–U+DBFF.
            if (c is >= '\uDB80' and <= '\uDBFF')
                return true;
        }

        return false;
    }

    /// <summary>A glyph with the same value already drawn a hair off: the same letter drawn again (a bold effect,
    /// a link or logo overlay), which would otherwise read twice. Letters are hashed into cells of a fifth of an
    /// em, so each looks at its own and the neighbouring cells only.</summary>
    private static bool IsOverdrawn(Letter letter, Dictionary<(char, int, int, int), Letter> seen)
    {
        // Within a fifth of an em and half the glyph's advance: the two l of "Allegro" in a narrow face stand
        // less than a fifth of an em apart, but a whole advance.
        var size = letter.PointSize > 0 ? letter.PointSize : Math.Max(letter.BoundingBox.Height, 1);
        var cell = 0.2 * size;
        var advance = Math.Abs(letter.EndBaseLine.X - letter.StartBaseLine.X);
        var tolerance = advance > 0 ? Math.Min(cell, 0.5 * advance) : cell;
        var x = letter.StartBaseLine.X;
        var y = letter.StartBaseLine.Y;
        var value = letter.Value[0];
        var sizeKey = (int)Math.Round(size * 2);
        var cellX = (int)Math.Floor(x / cell);
        var cellY = (int)Math.Floor(y / cell);
        for (var dx = -1; dx <= 1; dx++)
        {
            for (var dy = -1; dy <= 1; dy++)
            {
                if (seen.TryGetValue((value, sizeKey, cellX + dx, cellY + dy), out var other)
                    && Math.Abs(other.StartBaseLine.X - x) < tolerance && Math.Abs(other.StartBaseLine.Y - y) < tolerance)
                    return true;
            }
        }

        seen.TryAdd((value, sizeKey, cellX, cellY), letter);
        return false;
    }

    /// <summary>The text of a word as readers search it: ligatures spelled out, hyphen look-alikes (soft,
    /// non-breaking, minus) as '-', figure dashes and bars as '–' (date ranges use both).</summary>
    public static string Normalize(string text)
    {
        text = PdfLines.Unligate(text);
        if (!text.Any(IsDashLike))
            return text;
        var sb = new StringBuilder(text.Length);
        foreach (var c in text)
        {
            sb.Append(c switch
            {
                '\u00AD' or '\u2010' or '\u2011' or '\u2043' or '\u2212' or '\uFE63' or '\uFF0D' => '-',
                '\u2012' or '\u2015' or '\uFE58' => '–',
                _ => c,
            });
        }

        return sb.ToString();
    }

    private static bool IsDashLike(char c) => c is '\u00AD' or '\u2010' or '\u2011' or '\u2043' or '\u2212' or '\uFE63' or '\uFF0D' or '\u2012' or '\u2015' or '\uFE58';
}
