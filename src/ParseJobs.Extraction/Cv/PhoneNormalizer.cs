using System.Text.RegularExpressions;
using PhoneNumbers;

namespace ParseJobs.Extraction.Cv;

/// <summary>Finds phone numbers and formats them as E.164 with libphonenumber. National numbers
/// ("079 123 45 67") are tried against candidate regions inferred from the CV.</summary>
internal static partial class PhoneNormalizer
{
    private static readonly PhoneNumberUtil Util = PhoneNumberUtil.GetInstance();

    /// <summary>The phone-like runs of a line.</summary>
    public static IEnumerable<string> Candidates(string line) =>
        PhonePattern().Matches(line).Select(m => m.Value.Trim());

    /// <summary>E.164 for a valid number, trying the regions in order for national formats; else null.</summary>
    public static string? ToE164(string candidate, IReadOnlyList<string> regions)
    {
        var digits = candidate.Count(char.IsDigit);
        if (digits is < 7 or > 15)
            return null;
        var international = candidate.TrimStart().StartsWith('+') || candidate.TrimStart().StartsWith("00", StringComparison.Ordinal);
        // Valid first; then merely possible numbers (fictional ranges such as +44 7700 900xxx or 555 numbers
        // are printed on real CVs as placeholders, and the digits are still the candidate's).
        if (international)
            return Parse(candidate, ["ZZ"], validOnly: true) ?? Parse(candidate, ["ZZ"], validOnly: false);

        // A national number belongs to the CV's own country first, even in a fictional range.
        return Parse(candidate, regions.Take(1), validOnly: true)
            ?? Parse(candidate, regions.Take(1), validOnly: false)
            ?? Parse(candidate, regions.Skip(1), validOnly: true);
    }

    private static string? Parse(string candidate, IEnumerable<string> regions, bool validOnly)
    {
        foreach (var region in regions)
        {
            try
            {
                var text = candidate.TrimStart().StartsWith("00", StringComparison.Ordinal) ? "+" + candidate.TrimStart()[2..] : candidate;
                var number = Util.Parse(text, region);
                if (validOnly ? Util.IsValidNumber(number) : Util.IsPossibleNumber(number))
                    return Util.Format(number, PhoneNumberFormat.E164);
            }
            catch (NumberParseException)
            {
                // Not a number in this region; try the next.
            }
        }

        return null;
    }

    /// <summary>The regions of the numbers printed with their country code ("+41 44 …" → CH), in document order.</summary>
    public static IEnumerable<string> InternationalRegions(string text)
    {
        foreach (var candidate in Candidates(text))
        {
            var t = candidate.TrimStart();
            if (!t.StartsWith('+') && !t.StartsWith("00", StringComparison.Ordinal))
                continue;
            string? region = null;
            try
            {
                var number = Util.Parse(t.StartsWith('+') ? t : "+" + t[2..], "ZZ");
                if (Util.IsPossibleNumber(number))
                    region = Util.GetRegionCodeForNumber(number);
            }
            catch (NumberParseException)
            {
                // Not a number after all.
            }

            if (region is { Length: 2 } and not "ZZ")
                yield return region;
        }
    }

    /// <summary>True when the number is a fixed line (not mobile) in its region.</summary>
    public static bool IsFixedLine(string e164)
    {
        try
        {
            return Util.GetNumberType(Util.Parse(e164, "ZZ")) == PhoneNumberType.FIXED_LINE;
        }
        catch (NumberParseException)
        {
            return false;
        }
    }

    [GeneratedRegex(@"(?<![\w@.])(?:\+|00)?\(?\d[\d ()/.\-–]{6,20}\d(?![\w@])", RegexOptions.None, matchTimeoutMilliseconds: 1000)]
    private static partial Regex PhonePattern();
}
