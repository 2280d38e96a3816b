using System.Globalization;
using System.Text;

namespace ParseJobs.Extraction.Payroll.Reading;

/// <summary>How a document prints amounts: which character is the decimal separator (the group separator is then
/// any of the others: ',', '.', '\'', '’', spaces).</summary>
public enum NumberStyle
{
    /// <summary>1,234.50 · 1'234.50 · 1 234.50 · 1234.50</summary>
    DecimalPoint,

    /// <summary>1.234,50 · 1 234,50 · 1234,50</summary>
    DecimalComma,
}

/// <summary>Reads amounts as printed: group separators, a decimal point or comma, currency symbols or codes beside
/// the number, and negatives as <c>-1.00</c>, <c>−1.00</c>, <c>(1.00)</c>, <c>1.00-</c> or <c>-$1.00</c>.</summary>
public static class PayrollNumbers
{
    private static readonly string[] CurrencyWords = ["CHF", "EUR", "GBP", "USD", "SFr.", "Fr.", "sFr", "€", "£", "$"];

    /// <summary>The style most of <paramref name="texts"/> are printed in: a separator followed by exactly two digits
    /// at the end is the decimal one; ties go to the decimal point.</summary>
    public static NumberStyle DetectStyle(IEnumerable<string> texts)
    {
        ArgumentNullException.ThrowIfNull(texts);
        int point = 0, comma = 0;
        foreach (var raw in texts)
        {
            var text = Strip(raw, out _);
            if (text.Length < 4 || !char.IsAsciiDigit(text[^1]) || !char.IsAsciiDigit(text[^2]))
                continue;
            switch (text[^3])
            {
                case '.':
                    point++;
                    break;
                case ',':
                    comma++;
                    break;
            }
        }

        return comma > point ? NumberStyle.DecimalComma : NumberStyle.DecimalPoint;
    }

    /// <summary>True when <paramref name="text"/> is one amount (nothing else but a currency beside it).</summary>
    public static bool TryParse(string? text, NumberStyle style, out decimal value)
    {
        value = 0;
        if (string.IsNullOrWhiteSpace(text) || text.Length > 40)
            return false;
        var body = Strip(text, out var negative);
        if (body.Length == 0 || !char.IsAsciiDigit(body[^1]) || !(char.IsAsciiDigit(body[0]) || body[0] is '.' or ','))
            return false;
        var decimalSeparator = style == NumberStyle.DecimalComma ? ',' : '.';
        var digits = new StringBuilder(body.Length);
        var seenDecimal = false;
        var lastGroup = -1;
        for (var i = 0; i < body.Length; i++)
        {
            var c = body[i];
            if (char.IsAsciiDigit(c))
            {
                digits.Append(c);
            }
            else if (c == decimalSeparator && !seenDecimal)
            {
                seenDecimal = true;
                digits.Append('.');
            }
            else if (!seenDecimal && IsGroupSeparator(c, decimalSeparator))
            {
                // Groups of three digits: "1'234" yes, "12'34" no.
                if (lastGroup >= 0 && i - lastGroup != 4)
                    return false;
                lastGroup = i;
            }
            else
            {
                return false;
            }
        }

        if (lastGroup >= 0 && (seenDecimal ? body.IndexOf(decimalSeparator, StringComparison.Ordinal) : body.Length) - lastGroup != 4)
            return false;
        if (!decimal.TryParse(digits.ToString(), NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out value))
            return false;
        if (negative)
            value = -value;
        return true;
    }

    // Trims currency words, spaces and the sign; says whether the sign was negative.
    private static string Strip(string text, out bool negative)
    {
        var s = text.Trim().Replace('\u2212', '-').Replace('\u2013', '-');
        negative = false;
        if (s.StartsWith('(') && s.EndsWith(')'))
        {
            negative = true;
            s = s[1..^1].Trim();
        }

        for (var changed = true; changed;)
        {
            changed = false;
            foreach (var word in CurrencyWords)
            {
                if (s.StartsWith(word, StringComparison.OrdinalIgnoreCase))
                {
                    s = s[word.Length..].Trim();
                    changed = true;
                }

                if (s.EndsWith(word, StringComparison.OrdinalIgnoreCase))
                {
                    s = s[..^word.Length].Trim();
                    changed = true;
                }
            }

            if (s.StartsWith('-') || s.StartsWith('+'))
            {
                negative |= s[0] == '-';
                s = s[1..].Trim();
                changed = true;
            }
            else if (s.EndsWith('-'))
            {
                negative = true;
                s = s[..^1].Trim();
                changed = true;
            }
        }

        return s;
    }

    private static bool IsGroupSeparator(char c, char decimalSeparator) =>
        c is '\'' or '’' or ' ' or '\u00A0' or '\u202F' or '\u2009' || (c is '.' or ',' && c != decimalSeparator);
}
