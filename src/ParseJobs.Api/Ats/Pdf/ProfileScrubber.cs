using System.Text.RegularExpressions;
using ParseJobs.Extraction.Cv;

namespace ParseJobs.Api.Ats.Pdf;

/// <summary>Takes the candidate's identifying details out of free text for the anonymised variant: a summary that says
/// "Lea Brunner (lea@example.ch, +41 79 123 45 67)" must not undo the anonymisation of the header.</summary>
internal sealed partial class ProfileScrubber
{
    private const string Removed = "[…]";
    private readonly List<Regex> _patterns = [];
    private readonly List<string> _phoneDigits;
    private readonly string _label;
    private readonly Regex? _name;

    public ProfileScrubber(PersonalInfo person, string anonymousLabel)
    {
        _label = anonymousLabel;
        foreach (var literal in new[] { person.Email, person.LinkedIn, person.StreetAndNumber })
        {
            if (literal.Trim().Length >= 4)
            {
                _patterns.Add(new Regex(Regex.Escape(literal.Trim()), RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1)));
            }
        }

        // Any linkedin profile link, whoever's: the anonymised variant has no links to a person.
        _patterns.Add(LinkedInUrl());
        if (BirthDatePatterns(person.BirthDate) is { } birth)
        {
            _patterns.Add(birth);
        }

        // The last 8 digits identify a phone number whatever the prefix (+41 79…, 079…, 0041 79…).
        _phoneDigits = [.. new[] { person.MobilePhone, person.HomePhone }.Select(Digits).Where(d => d.Length >= 8).Select(d => d[^8..])];

        // The full name first, then each part of it of 3+ letters as a whole word ("Frau Brunner", "Lea").
        var parts = person.FullName.Split(' ', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Where(p => p.Length >= 3).Select(Regex.Escape).ToList();
        if (person.FullName.Trim().Length > 0)
        {
            parts.Insert(0, Regex.Escape(person.FullName.Trim()));
        }

        if (parts.Count > 0)
        {
            _name = new Regex($@"(?<!\w)(?:{string.Join('|', parts)})(?!\w)", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1));
        }
    }

    public string Scrub(string text)
    {
        if (text.Length == 0)
        {
            return text;
        }

        foreach (var pattern in _patterns)
        {
            text = pattern.Replace(text, Removed);
        }

        if (_phoneDigits.Count > 0)
        {
            text = PhoneLike().Replace(text, m => _phoneDigits.Exists(d => Digits(m.Value).EndsWith(d, StringComparison.Ordinal)) ? Removed : m.Value);
        }

        return _name is null ? text : _name.Replace(text, _label);
    }

    private static string Digits(string text) => new([.. text.Where(char.IsAsciiDigit)]);

    // 1991-04-03 as written in the profile, and the same day as 03.04.1991 / 3.4.1991 / 03/04/1991 in free text.
    private static Regex? BirthDatePatterns(string birthDate)
    {
        if (!DateOnly.TryParseExact(birthDate, "yyyy-MM-dd", out var date))
        {
            return null;
        }

        var day = $"0?{date.Day}";
        var month = $"0?{date.Month}";
        return new Regex($@"(?<!\d)(?:{date:yyyy-MM-dd}|{day}[./]{month}[./]{date.Year})(?!\d)", RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1));
    }

    [GeneratedRegex(@"\+?\(?\d[\d ()/.\-]{6,}\d", RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 1000)]
    private static partial Regex PhoneLike();

    [GeneratedRegex(@"(?:https?://)?(?:[\w-]+\.)?linkedin\.com/\S*", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 1000)]
    private static partial Regex LinkedInUrl();
}
