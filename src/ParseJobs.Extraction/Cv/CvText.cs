using System.Globalization;
using System.Text;

namespace ParseJobs.Extraction.Cv;

/// <summary>Text helpers for CV lines: folding for comparisons, bullet and icon removal, splitting lists.</summary>
internal static partial class CvText
{
    private static readonly char[] BulletChars = ['•', '·', '●', '▪', '■', '◦', '○', '►', '▶', '–', '-', '*', '+', '✓', '➢', '→'];

    /// <summary>Lower case without diacritics, for dictionary look-ups.</summary>
    public static string Fold(string text)
    {
        var decomposed = text.Normalize(NormalizationForm.FormD);
        var sb = new StringBuilder(decomposed.Length);
        foreach (var c in decomposed)
        {
            if (CharUnicodeInfo.GetUnicodeCategory(c) != UnicodeCategory.NonSpacingMark)
                sb.Append(char.ToLowerInvariant(c));
        }

        return sb.ToString().Normalize(NormalizationForm.FormC).Replace('ß', 's');
    }

    /// <summary>Drops private-use icon glyphs and control characters; collapses spaces (not tabs).</summary>
    public static string Clean(string line)
    {
        var sb = new StringBuilder(line.Length);
        for (var i = 0; i < line.Length; i++)
        {
            var c = line[i];
            if (c is >= '\uE000' and <= '\uF8FF' || (char.IsControl(c) && c != '\t') || c == '\uFFFD')
                continue;
            if (c == '\u00AD')
            {
                // A soft hyphen inside or at the end of a word is a hyphenation hint; between numbers or spaces
                // ("2019 \u00AD 2021") text layers use it as the dash.
                var wordBefore = i > 0 && char.IsLetter(line[i - 1]);
                if (!wordBefore || (i + 1 < line.Length && !char.IsLetter(line[i + 1])))
                    sb.Append('–');
                continue;
            }

            sb.Append(c is '\u00A0' or '\u2007' or '\u202F' ? ' ' : c);
        }

        // Compatibility folding turns PDF ligatures ("ﬀ", "ﬁ") back into letters.
        return MultiSpace().Replace(sb.ToString().Normalize(NormalizationForm.FormKC), " ").Trim();
    }

    public static bool StartsWithBullet(string line) =>
        line.Length > 1 && Array.IndexOf(BulletChars, line[0]) >= 0 && (char.IsWhiteSpace(line[1]) || line[0] is '•' or '▪' or '●' or '►');

    public static string StripBullet(string line)
    {
        var text = line.Trim();
        while (StartsWithBullet(text))
            text = text[1..].TrimStart();
        return text;
    }

    /// <summary>Splits a list line on commas, semicolons, tabs, bullets and pipes (not inside parentheses).</summary>
    public static List<string> SplitList(string line)
    {
        var items = new List<string>();
        var depth = 0;
        var current = new StringBuilder();
        foreach (var c in line)
        {
            if (c == '(')
                depth++;
            if (c == ')')
                depth = Math.Max(0, depth - 1);
            if (depth == 0 && c is ',' or ';' or '\t' or '•' or '|' or '·' or '●' or '▪')
            {
                items.Add(current.ToString());
                current.Clear();
                continue;
            }

            current.Append(c);
        }

        items.Add(current.ToString());
        return items.Select(i => StripBullet(i).Trim().TrimEnd('.').Trim()).Where(i => i.Length > 0).ToList();
    }

    public static int WordCount(string text) => text.Split([' ', '\t'], StringSplitOptions.RemoveEmptyEntries).Length;

    /// <summary>A sentence-like line: long, or ending with a full stop.</summary>
    public static bool IsSentence(string line)
    {
        var text = StripBullet(line);
        var words = text.Split([' ', '\t'], StringSplitOptions.RemoveEmptyEntries);
        var lowercase = words.Count(w => char.IsLower(w[0]));
        return words.Length >= 9 || (words.Length >= 4 && text.EndsWith('.')) || (words.Length >= 6 && lowercase >= 3);
    }

    /// <summary>A page number printed in a header or footer ("Page 2 of 3", "Lebenslauf Seite 1/3", "pagina 2 di 4"):
    /// no part of the profile.</summary>
    public static bool IsPageNumber(string line)
    {
        var text = line.Trim();
        if (PageNumber().IsMatch(text))
            return true;
        // "Sam Sample – 2/3": the name or title with the page and the page count, never more pages than the count.
        var m = NamedPageNumber().Match(text);
        return m.Success && int.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture) <= int.Parse(m.Groups[2].Value, CultureInfo.InvariantCulture);
    }

    [System.Text.RegularExpressions.GeneratedRegex(@"^[\p{L}][\p{L} .'’-]{1,40}\s[–—-]\s(\d{1,2})\s?/\s?(\d{1,2})$", System.Text.RegularExpressions.RegexOptions.None, matchTimeoutMilliseconds: 1000)]
    private static partial System.Text.RegularExpressions.Regex NamedPageNumber();

    [System.Text.RegularExpressions.GeneratedRegex(@"^(?:[\p{L} ]{0,30}\s)?(?:page|seite|pagina|p\.)\s*\d{1,2}\s*(?:/|of|von|sur|di|de)\s*\d{1,2}$", System.Text.RegularExpressions.RegexOptions.IgnoreCase, matchTimeoutMilliseconds: 1000)]
    private static partial System.Text.RegularExpressions.Regex PageNumber();

    [System.Text.RegularExpressions.GeneratedRegex(" {2,}", System.Text.RegularExpressions.RegexOptions.None, matchTimeoutMilliseconds: 1000)]
    private static partial System.Text.RegularExpressions.Regex MultiSpace();
}
