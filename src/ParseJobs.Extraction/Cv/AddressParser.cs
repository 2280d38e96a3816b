using System.Text.RegularExpressions;

namespace ParseJobs.Extraction.Cv;

/// <summary>Postal addresses in the common European, UK and US forms, from an "Address:" value or from the
/// pieces of the header's contact lines.</summary>
internal static partial class AddressParser
{
    public static void Apply(PersonalInfo info, string value)
    {
        var parts = value.Split(',').Select(p => p.Trim()).Where(p => p.Length > 0).ToList();
        for (var i = 0; i < parts.Count; i++)
        {
            var uk = UkCityPostcode().Match(parts[i]);
            if (uk.Success)
            {
                info.PostalCode = uk.Groups["postal"].Value;
                info.City = uk.Groups["city"].Value.Trim();
                info.StreetAndNumber = string.Join(", ", parts.Take(i));
                info.Country = i + 1 < parts.Count ? parts[^1] : "";
                return;
            }

            var eu = EuPostcodeCity().Match(parts[i]);
            var us = UsStatePostcode().Match(parts[i]);
            if (eu.Success)
            {
                info.PostalCode = eu.Groups[1].Value;
                info.City = eu.Groups[2].Value.Trim();
                info.StreetAndNumber = string.Join(", ", parts.Take(i));
                info.Country = i + 1 < parts.Count ? parts[^1] : "";
                return;
            }

            if (us.Success && i > 0)
            {
                info.State = us.Groups[1].Value;
                info.PostalCode = us.Groups[2].Value;
                info.City = parts[i - 1];
                info.StreetAndNumber = string.Join(", ", parts.Take(i - 1));
                info.Country = i + 1 < parts.Count ? parts[^1] : "";
                return;
            }
        }

        // "San Francisco, CA", "Denver, Colorado", "Austin, TX, USA": a US city and its state.
        var usCountry = parts.Count >= 3 && FieldClassifier.CountryCode(parts[^1]) == "US" ? 1 : 0;
        if (parts.Count - usCountry >= 2 && UsState(parts[^(1 + usCountry)]) is not null && FieldClassifier.LooksLikeCity(parts[^(2 + usCountry)]))
        {
            info.City = parts[^(2 + usCountry)];
            info.State = parts[^(1 + usCountry)];
            info.Country = usCountry == 1 ? parts[^1] : "";
            info.StreetAndNumber = string.Join(", ", parts.Take(parts.Count - 2 - usCountry));
        }
        else if (parts.Count >= 3 && FieldClassifier.CountryCode(parts[^1]) is not null && FieldClassifier.CountryCode(parts[^2]) is not null
            && FieldClassifier.LooksLikeCity(parts[^3]))
        {
            // "Leeds, England, GB": a nation of the country between the city and the country's code is no city.
            info.City = parts[^3];
            info.State = parts[^2];
            info.Country = parts[^1];
            info.StreetAndNumber = string.Join(", ", parts.Take(parts.Count - 3));
        }
        else if (parts.Count >= 2 && FieldClassifier.CountryCode(parts[^1]) is not null && FieldClassifier.LooksLikeCity(parts[^2]))
        {
            info.City = parts[^2];
            info.Country = parts[^1];
            if (parts.Count > 2)
                info.StreetAndNumber = string.Join(", ", parts.Take(parts.Count - 2));
        }
        else if (parts.Count == 1 && FieldClassifier.LooksLikeCity(parts[0]))
        {
            info.City = parts[0];
        }
    }

    public static void Infer(PersonalInfo info, List<string> header)
    {
        // "email | phone | City, ST 12345" on one line: the address is one of the pieces.
        var candidates = header.Take(30).SelectMany(l => ContactPatterns.ContactSeparator().Split(CvText.StripBullet(l)))
            .Select(l => l.Replace('\t', ' ').Trim()).Where(l => l.Length > 0).ToList();
        for (var i = 0; i < candidates.Count; i++)
        {
            var line = candidates[i];

            // "City ST 12345 CC" or "Region POSTCODE CC" after a street line (JSON Resume themes).
            var tail = PostcodeCountryTail().Match(line);
            if (tail.Success && FieldClassifier.CountryCode(tail.Groups["cc"].Value) is not null)
            {
                info.PostalCode = tail.Groups["postal"].Value;
                info.Country = tail.Groups["cc"].Value;
                var pre = tail.Groups["pre"].Value.Trim();
                var previous = i > 0 && !candidates[i - 1].Contains('@', StringComparison.Ordinal) ? candidates[i - 1] : "";
                var cityState = CityAndState().Match(pre);
                if (cityState.Success)
                {
                    info.State = cityState.Groups["state"].Value;
                    SplitStreetAndCity(info, cityState.Groups["city"].Value, previous);
                }
                else if (pre.Contains(',', StringComparison.Ordinal) && !pre.Any(char.IsDigit) && FieldClassifier.LooksLikeCity(pre[..pre.IndexOf(',', StringComparison.Ordinal)]))
                {
                    // "Oxford, England OX1 2JD GB": the city, then its region.
                    info.City = pre[..pre.IndexOf(',', StringComparison.Ordinal)].Trim();
                    info.State = pre[(pre.IndexOf(',', StringComparison.Ordinal) + 1)..].Trim();
                    if (previous.Any(char.IsDigit) && previous.Any(char.IsLetter))
                        info.StreetAndNumber = previous;
                }
                else if (pre.Length == 0 || !pre.Any(char.IsDigit))
                {
                    info.State = pre;
                    var withState = TrailingState().Match(previous);
                    if (withState.Success && pre.Length == 0)
                    {
                        info.State = withState.Groups["state"].Value;
                        previous = withState.Groups["rest"].Value;
                    }

                    SplitStreetAndCity(info, previous, "");
                }

                return;
            }

            if (PostcodePiece(info, line))
                return;

            var before = info.City;
            var tmp = new PersonalInfo();
            Apply(tmp, line);
            if (tmp.City.Length > 0 && (tmp.PostalCode.Length > 0 || tmp.Country.Length > 0 || tmp.State.Length > 0))
            {
                info.City = tmp.City;
                info.PostalCode = tmp.PostalCode;
                info.Country = tmp.Country;
                info.State = tmp.State;
                info.StreetAndNumber = tmp.StreetAndNumber;
                return;
            }

            info.City = before;
        }

        // "Atlanta | +1 503 555 0184 | jess@proton.me": a bare place among the pieces of a contact line.
        foreach (var line in header.Take(30))
        {
            var pieces = ContactPatterns.ContactSeparator().Split(CvText.StripBullet(line)).Select(p => p.Trim()).Where(p => p.Length > 0).ToList();
            if (pieces.Count < 2 || !pieces.Any(p => p.Contains('@', StringComparison.Ordinal) || PhoneNormalizer.Candidates(p).Any()))
                continue;
            var place = pieces.FirstOrDefault(p => !p.Contains('@', StringComparison.Ordinal) && !p.Any(char.IsDigit) && FieldClassifier.LooksLikeCity(p)
                && !p.Contains("linkedin", StringComparison.OrdinalIgnoreCase) && SkillTaxonomy.Find(p) is null && FieldClassifier.CountryCode(p) is null
                && FieldClassifier.InstitutionScore(p) == 0 && !string.Equals(CvText.Fold(p).Replace(" ", "", StringComparison.Ordinal), CvText.Fold(info.FullName).Replace(" ", "", StringComparison.Ordinal), StringComparison.Ordinal));
            if (place is not null && CvText.WordCount(place) <= 2)
            {
                info.City = place;
                return;
            }
        }
    }

    // "Hemmelrather Weg 25, 53111, Bonn (DE), NW": the postcode as a comma piece of its own, the place after it (its country
    // in parentheses), then the region's code; the piece before the postcode is the street.
    private static bool PostcodePiece(PersonalInfo info, string line)
    {
        var pieces = line.Split(',', StringSplitOptions.TrimEntries);
        var at = Array.FindIndex(pieces, p => p.Length is 4 or 5 && p.All(char.IsAsciiDigit));
        if (at < 0 || at + 1 >= pieces.Length || PlaceWithCountry().Match(pieces[at + 1]) is not { Success: true } place
            || !FieldClassifier.LooksLikeCity(place.Groups["city"].Value))
            return false;
        info.PostalCode = pieces[at];
        info.City = place.Groups["city"].Value.Trim();
        if (place.Groups["cc"].Success && FieldClassifier.CountryCode(place.Groups["cc"].Value) is not null)
            info.Country = place.Groups["cc"].Value;
        if (at + 2 < pieces.Length && pieces[at + 2].Length is 2 or 3 && pieces[at + 2].All(char.IsAsciiLetterUpper))
            info.State = pieces[at + 2];
        if (at > 0 && pieces[at - 1].Any(char.IsDigit) && pieces[at - 1].Any(char.IsLetter))
            info.StreetAndNumber = pieces[at - 1];
        return true;
    }

    [GeneratedRegex(@"^(?<city>\p{L}[\p{L} .'\-]*?)(?:\s*\((?<cc>[A-Z]{2})\))?$", RegexOptions.None, matchTimeoutMilliseconds: 1000)]
    private static partial Regex PlaceWithCountry();

    /// <summary>"City, ST" inside a contact line without separators ("john@x.com +1 415 555 0142 San Francisco, CA linkedin…").</summary>
    public static void InferUsCity(PersonalInfo info, List<string> header)
    {
        foreach (var line in header.Take(30))
        {
            foreach (Match m in CityCommaState().Matches(line))
            {
                if (UsState(m.Groups["state"].Value) is null || !FieldClassifier.LooksLikeCity(m.Groups["city"].Value))
                    continue;
                info.City = m.Groups["city"].Value;
                info.State = m.Groups["state"].Value;
                return;
            }
        }
    }

    /// <summary>The state's code when the text is a US state's code or name; "DE" is Germany on European CVs.</summary>
    public static string? UsState(string text)
    {
        var t = text.Trim().TrimEnd('.');
        if (t.Length == 2)
            return t.All(char.IsAsciiLetterUpper) && t != "DE" && States.ContainsKey(t) ? t : null;
        return StatesByName.GetValueOrDefault(CvText.Fold(t));
    }

    private static readonly Dictionary<string, string> States = new(StringComparer.Ordinal)
    {
        ["AL"] = "alabama", ["AK"] = "alaska", ["AZ"] = "arizona", ["AR"] = "arkansas", ["CA"] = "california", ["CO"] = "colorado",
        ["CT"] = "connecticut", ["DE"] = "delaware", ["DC"] = "district of columbia", ["FL"] = "florida", ["GA"] = "georgia", ["HI"] = "hawaii",
        ["ID"] = "idaho", ["IL"] = "illinois", ["IN"] = "indiana", ["IA"] = "iowa", ["KS"] = "kansas", ["KY"] = "kentucky", ["LA"] = "louisiana",
        ["ME"] = "maine", ["MD"] = "maryland", ["MA"] = "massachusetts", ["MI"] = "michigan", ["MN"] = "minnesota", ["MS"] = "mississippi",
        ["MO"] = "missouri", ["MT"] = "montana", ["NE"] = "nebraska", ["NV"] = "nevada", ["NH"] = "new hampshire", ["NJ"] = "new jersey",
        ["NM"] = "new mexico", ["NY"] = "new york", ["NC"] = "north carolina", ["ND"] = "north dakota", ["OH"] = "ohio", ["OK"] = "oklahoma",
        ["OR"] = "oregon", ["PA"] = "pennsylvania", ["RI"] = "rhode island", ["SC"] = "south carolina", ["SD"] = "south dakota",
        ["TN"] = "tennessee", ["TX"] = "texas", ["UT"] = "utah", ["VT"] = "vermont", ["VA"] = "virginia", ["WA"] = "washington",
        ["WV"] = "west virginia", ["WI"] = "wisconsin", ["WY"] = "wyoming",
    };

    // Names that are also cities or countries on European CVs (Georgia, Washington, New York) are left out.
    private static readonly Dictionary<string, string> StatesByName = States
        .Where(s => s.Value is not ("georgia" or "washington" or "new york" or "delaware"))
        .ToDictionary(s => s.Value, s => s.Key, StringComparer.Ordinal);

    /// <summary>"Knoblauchweg 91 Zug" (number inside: the city follows it), "41 Hillside Edinburgh"
    /// (number first: the city is the last word), or a bare city with the street on the line before.</summary>
    private static void SplitStreetAndCity(PersonalInfo info, string text, string previousLine)
    {
        text = text.Trim();
        if (!text.Any(char.IsDigit))
        {
            info.City = text;
            if (previousLine.Any(char.IsDigit) && previousLine.Any(char.IsLetter))
                info.StreetAndNumber = previousLine;
            return;
        }

        var inside = StreetNumberThenCity().Match(text);
        if (inside.Success)
        {
            info.StreetAndNumber = inside.Groups["street"].Value;
            info.City = inside.Groups["city"].Value.Trim();
            return;
        }

        var first = NumberFirstStreet().Match(text);
        if (first.Success)
        {
            info.StreetAndNumber = first.Groups["street"].Value;
            info.City = first.Groups["city"].Value;
        }
    }

    [GeneratedRegex(@"^(?<city>\p{L}[\p{L} .'\-]*?)\s+(?<postal>[A-Z]{1,2}\d[A-Z\d]?\s\d[A-Z]{2})$", RegexOptions.None, matchTimeoutMilliseconds: 1000)]
    private static partial Regex UkCityPostcode();

    [GeneratedRegex(@"^(?:[A-Z]{1,2}-)?(\d{4,5})\s+(.+)$", RegexOptions.None, matchTimeoutMilliseconds: 1000)]
    private static partial Regex EuPostcodeCity();

    [GeneratedRegex(@"^([A-Z]{2})\s+(\d{5}(?:-\d{4})?)$", RegexOptions.None, matchTimeoutMilliseconds: 1000)]
    private static partial Regex UsStatePostcode();

    [GeneratedRegex(@"^(?<pre>.*?)\s*(?<postal>\d{4,5}|[A-Z]{1,2}\d[A-Z\d]?\s?\d[A-Z]{2})\s+(?<cc>[A-Z]{2})$", RegexOptions.None, matchTimeoutMilliseconds: 1000)]
    private static partial Regex PostcodeCountryTail();

    [GeneratedRegex(@"^(?<city>.+?),?\s+(?<state>[A-Z]{2,3})$", RegexOptions.None, matchTimeoutMilliseconds: 1000)]
    private static partial Regex CityAndState();

    [GeneratedRegex(@"^(?<rest>.+?)\s+(?<state>[A-Z]{2,3})$", RegexOptions.None, matchTimeoutMilliseconds: 1000)]
    private static partial Regex TrailingState();

    [GeneratedRegex(@"^(?<street>\p{L}.*?\d+[a-zA-Z]?)\s+(?<city>\D+)$", RegexOptions.None, matchTimeoutMilliseconds: 1000)]
    private static partial Regex StreetNumberThenCity();

    [GeneratedRegex(@"^(?<street>\d+[a-zA-Z]?\s+.+?)\s+(?<city>\p{L}+)$", RegexOptions.None, matchTimeoutMilliseconds: 1000)]
    private static partial Regex NumberFirstStreet();

    [GeneratedRegex(@"(?<![\p{L}])(?<city>\p{Lu}[\p{L}.'\-]+(?: \p{Lu}[\p{L}.'\-]+){0,2}),\s?(?<state>[A-Z]{2})(?![\p{L}])", RegexOptions.None, matchTimeoutMilliseconds: 1000)]
    private static partial Regex CityCommaState();
}
