using System.Text.RegularExpressions;

namespace ParseJobs.Extraction.Cv;

/// <summary>Jobs: entries of the experience sections, their header fragments assigned to company, position, place
/// and employment type.</summary>
internal static partial class ExperienceReader
{
    public static List<ExperienceEntry> Read(List<CvSection> sections)
    {
        var result = new List<ExperienceEntry>();
        var datedOnly = new List<ExperienceEntry>();
        var order = new HeaderOrder();
        foreach (var raw in sections.Where(s => s.Kind == SectionKind.Experience).SelectMany(s => EntryParser.Parse(s.Lines)))
        {
            var entry = new ExperienceEntry { Id = $"exp_{result.Count + 1}" };
            var fragments = new List<string>();
            foreach (var header in raw.Headers)
            {
                // "Operations Manager – Part-time (80%)": the employment type trails the title.
                var fragment = header;
                var dash = TitleAndEmploymentType().Match(header);
                if (dash.Success && FieldClassifier.EmploymentType(dash.Groups["type"].Value.TrimEnd(')')) is not null)
                {
                    entry.EmploymentType = dash.Groups["type"].Value.Trim();
                    fragment = dash.Groups["title"].Value;
                }

                if (FieldClassifier.EmploymentType(fragment.TrimEnd(')')) is { } type)
                {
                    entry.EmploymentType = type;
                    continue;
                }

                if (IsContact(fragment))
                    continue; // a contact column read into the section: "+1 404 555 0142", "name@example.org"

                if (Location(fragment) is { } location && fragments.Count >= 1)
                {
                    entry.City = location.City;
                    entry.Country = location.Country;
                    continue;
                }

                fragments.AddRange(SplitAtDash(fragment));
            }

            // "Westbrook Freight Inc. | Portland" over "Analyst | Feb 2023": beside a company and a title, a bare place name is the city.
            if (fragments.Count >= 3 && fragments.FindIndex(1, f => raw.Beside.Contains(f) && CvText.WordCount(f) <= 2 && (IsPlace(f) || FieldClassifier.LooksLikeCity(f))) is var p and > 0)
            {
                if (entry.City.Length == 0)
                    entry.City = fragments[p].Split(',')[0].Trim();
                fragments.RemoveAt(p);
            }

            // A contact block read into the section ends it with "Leeds, England, GB" or "Portland": a place without
            // dates or text is no job.
            if (raw.Dates is null && raw.Description.Count == 0 && fragments.Count > 0 && fragments.TrueForAll(IsPlaceOnly))
                continue;

            AssignCompanyAndPosition(entry, fragments, order);
            entry.StartDate = raw.Dates?.Start ?? "";
            entry.EndDate = raw.Dates?.End ?? "";
            entry.Description = string.Join('\n', raw.Description.Select(CvText.StripBullet));
            if (entry.Company.Length > 0 || entry.Position.Length > 0)
                result.Add(entry);
            else if (entry.StartDate.Length > 0)
                datedOnly.Add(entry);
        }

        order.Resolve();

        // Grid layouts print all headings first, then the values: the experience section holds only the date ranges, and
        // each of them is still a job. Beside entries with titles a lone dated line is a stray, not a job.
        if (result.Count == 0 && datedOnly.Count > 0)
        {
            for (var i = 0; i < datedOnly.Count; i++)
                datedOnly[i].Id = $"exp_{i + 1}";
            return datedOnly;
        }

        return result;
    }

    /// <summary>"Sample Works – Baker" or "Baker – Sample Works": one header of a title and an organisation joined by a
    /// dash, split when exactly one side reads as a job title and the other names no title at all, or (a title the word
    /// lists do not know) when exactly one side names an organisation ("Disponent — CargoLink GmbH, Bremen") and the
    /// other is a few words that name nothing else.</summary>
    private static string[] SplitAtDash(string fragment)
    {
        var sides = fragment.Split([" – ", " — "], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        if (sides.Length != 2)
            return [fragment];
        if ((FieldClassifier.PositionScore(sides[0]) > 0) != (FieldClassifier.PositionScore(sides[1]) > 0))
            return sides;
        var firstNames = FieldClassifier.CompanyScore(sides[0]) > 0;
        if (firstNames != FieldClassifier.CompanyScore(sides[1]) > 0 && IsBareTitle(firstNames ? sides[1] : sides[0]) && !IsPlace(firstNames ? sides[0] : sides[1]))
            return sides;
        return [fragment];
    }

    // A few capitalised words without digits that name no school, place or organisation: what is left is a title.
    private static bool IsBareTitle(string text) =>
        CvText.WordCount(text) <= 4 && char.IsUpper(text[0]) && !text.Any(char.IsDigit) && FieldClassifier.InstitutionScore(text) == 0
        && FieldClassifier.CompanyScore(text) == 0 && !IsPlace(text) && FieldClassifier.CountryCode(text) is null;

    private static bool IsContact(string fragment) =>
        fragment.Contains('@', StringComparison.Ordinal) && !fragment.Contains(' ', StringComparison.Ordinal)
        || fragment.StartsWith("http", StringComparison.OrdinalIgnoreCase) || fragment.StartsWith("www.", StringComparison.OrdinalIgnoreCase)
        || (fragment.Count(char.IsDigit) >= 7 && fragment.All(c => char.IsDigit(c) || c is ' ' or '+' or '-' or '(' or ')' or '/' or '.'));

    /// <summary>"Zürich, CH", "Santa Clara, CA" (a US state: no country), or "Berlin" alone; else null.</summary>
    internal static (string City, string Country)? Location(string fragment)
    {
        var parts = fragment.Split(',').Select(p => p.Trim()).ToList();
        if (parts.Count == 2 && AddressParser.UsState(parts[1]) is not null && FieldClassifier.LooksLikeCity(parts[0]))
            return (parts[0], "");
        if (parts.Count == 2 && FieldClassifier.CountryCode(parts[1]) is not null && FieldClassifier.LooksLikeCity(parts[0]))
            return (parts[0], parts[1]);
        return null;
    }

    private static bool IsPlaceOnly(string fragment)
    {
        var parts = fragment.Split(',').Select(p => p.Trim()).ToList();
        return IsPlace(fragment) || (parts.Count == 1 && FieldClassifier.LooksLikeCity(fragment) && FieldClassifier.InstitutionScore(fragment) == 0)
            || (parts.Count == 3 && FieldClassifier.CountryCode(parts[2]) is not null && FieldClassifier.LooksLikeCity(parts[0]) && FieldClassifier.LooksLikeCity(parts[1]));
    }

    /// <summary>A line that only names a place: "San Francisco, CA", "Istanbul, Türkiye", "Remote".</summary>
    internal static bool IsPlace(string text)
    {
        var parts = text.Split(',').Select(p => p.Trim()).ToList();
        return Location(text) is not null
            || (parts.Count == 2 && CvText.WordCount(text) <= 4 && parts.TrueForAll(FieldClassifier.LooksLikeCity)
                && FieldClassifier.InstitutionScore(text) == 0)
            || CvText.Fold(text) is "remote" or "hybrid" or "homeoffice" or "télétravail";
    }

    private static void AssignCompanyAndPosition(ExperienceEntry entry, List<string> fragments, HeaderOrder order)
    {
        if (fragments.Count == 0)
            return;
        if (fragments.Count > 1 && WholeHeader(entry, fragments))
            return;
        if (fragments.Count == 1)
        {
            var only = fragments[0];
            var atMatch = TitleAtCompany().Match(only);
            if (atMatch.Success)
            {
                entry.Position = atMatch.Groups["pos"].Value;
                SetCompany(entry, atMatch.Groups["company"].Value);
            }
            else if (SplitTitleAndCompany(only) is { } split)
            {
                entry.Position = split.Position;
                SetCompany(entry, split.Company);
            }
            else if (FieldClassifier.CompanyScore(only) > FieldClassifier.PositionScore(only))
            {
                SetCompany(entry, only);
            }
            else
            {
                entry.Position = only;
            }

            return;
        }

        var a = fragments[0];
        var b = fragments[1];
        double Lean(string f) => FieldClassifier.CompanyScore(f) - FieldClassifier.PositionScore(f);
        if (Lean(a) > Lean(b))
        {
            SetCompany(entry, a);
            entry.Position = b;
            order.CompanyFirst++;
        }
        else
        {
            entry.Position = a;
            SetCompany(entry, b);
            if (Lean(a) < Lean(b))
                order.TitleFirst++;
            else
                order.Ties.Add((entry, a, b));
        }
    }

    /// <summary>Which of two header lines came first in the entries that told company and title apart, and the entries
    /// that did not ("IBM" over "Systems Engineer": both lean alike): a CV prints all its entries in one order.</summary>
    private sealed class HeaderOrder
    {
        public int CompanyFirst { get; set; }

        public int TitleFirst { get; set; }

        public List<(ExperienceEntry Entry, string First, string Second)> Ties { get; } = [];

        public void Resolve()
        {
            if (CompanyFirst <= TitleFirst)
                return;
            foreach (var (entry, first, second) in Ties)
            {
                var city = entry.City;
                entry.Company = "";
                entry.City = "";
                entry.Position = second;
                SetCompany(entry, first);
                if (entry.City.Length == 0)
                    entry.City = city;
            }
        }
    }

    /// <summary>"Title at Company" (also bei, chez, presso, @) whose first part names a job title, or null.</summary>
    internal static (string Position, string Company)? TitleAtCompanyHeader(string text)
    {
        var at = TitleAtCompany().Match(text.Trim());
        return at.Success && FieldClassifier.PositionScore(at.Groups["pos"].Value) > 0 && CvText.WordCount(at.Groups["pos"].Value) <= 6
            ? (at.Groups["pos"].Value, at.Groups["company"].Value.Trim())
            : null;
    }

    // "Title at Company" or "Title, Company" in one fragment beside a place ("Denver") or a duration is the whole header:
    // the other short fragments are the place, never the company.
    private static bool WholeHeader(ExperienceEntry entry, List<string> fragments)
    {
        for (var i = 0; i < fragments.Count; i++)
        {
            var at = TitleAtCompany().Match(fragments[i]);
            (string Position, string Company)? split = at.Success ? (at.Groups["pos"].Value, at.Groups["company"].Value) : SplitTitleAndCompany(fragments[i]);
            if (split is null || FieldClassifier.PositionScore(split.Value.Position) == 0)
                continue;
            var others = fragments.Where((_, k) => k != i).ToList();
            if (!others.TrueForAll(o => IsPlace(o) || FieldClassifier.LooksLikeCity(o)))
                continue;
            entry.Position = split.Value.Position;
            SetCompany(entry, split.Value.Company);
            if (entry.City.Length == 0 && others.Count > 0)
            {
                var place = Location(others[0]);
                entry.City = place?.City ?? others[0].Split(',')[0].Trim().TrimEnd('.');
                if (place is not null && entry.Country.Length == 0)
                    entry.Country = place.Value.Country;
            }

            return true;
        }

        return false;
    }

    // "Project Manager, Vasa Energi AB" or "Vasa Energi AB, Project Manager": a title on one side of the first comma
    // and none on the other. "Monahan Inc, New York" has no title and stays a company with its place.
    private static (string Position, string Company)? SplitTitleAndCompany(string fragment)
    {
        var comma = fragment.IndexOf(", ", StringComparison.Ordinal);
        if (comma <= 0)
            return null;
        var a = fragment[..comma].Trim();
        var b = fragment[(comma + 2)..].Trim();
        if (a.Length == 0 || b.Length == 0)
            return null;
        if (FieldClassifier.PositionScore(a) > 0 && FieldClassifier.PositionScore(b) == 0)
            return (a, b);
        // "Einkäufer, Gerber Druck GmbH, Uster": a title the word lists do not know, before a name with a legal form or
        // another company marker; a company name ("Monahan Inc, New York") carries the marker itself.
        if (!a.Any(char.IsDigit) && CvText.WordCount(a) <= 4 && FieldClassifier.CompanyScore(a) == 0 && FieldClassifier.InstitutionScore(a) == 0
            && b.Split(',')[0].Trim().TrimEnd('.') is var name && FieldClassifier.CompanyScore(name) > 0 && FieldClassifier.PositionScore(name) == 0)
            return (a, b);
        // "COMPANY, TITLE": the side that reads more like a title is the title ("NVIDIA Research, Research Intern").
        double Lean(string f) => FieldClassifier.CompanyScore(f) - FieldClassifier.PositionScore(f);
        if (FieldClassifier.PositionScore(b) > FieldClassifier.PositionScore(a) && Lean(a) > Lean(b) && !IsPlace(b))
            return (b, a);
        return null;
    }

    private static void SetCompany(ExperienceEntry entry, string company)
    {
        // "Nexus AI – San Francisco, CA": a place after a dash is the job's city, not part of the name.
        var dash = Math.Max(company.LastIndexOf(" – ", StringComparison.Ordinal), company.LastIndexOf(" — ", StringComparison.Ordinal));
        if (dash > 0 && company[(dash + 3)..].Trim() is { Length: > 0 } after && (IsPlace(after) || FieldClassifier.LooksLikeCity(after)))
        {
            entry.Company = company[..dash].Trim();
            if (entry.City.Length == 0)
            {
                var place = Location(after);
                entry.City = place?.City ?? after.Split(',')[0].Trim();
                if (place is not null && entry.Country.Length == 0)
                    entry.Country = place.Value.Country;
            }

            return;
        }

        // "ABC Company, Inc., Anywhere, USA": a country after the city; the name keeps its own commas.
        var parts = company.Split(',').Select(p => p.Trim()).ToList();
        if (parts.Count >= 3 && FieldClassifier.CountryCode(parts[^1]) is { } country && FieldClassifier.LooksLikeCity(parts[^2]) && !IsLegalSuffix(parts[^2]))
        {
            entry.Company = string.Join(", ", parts.Take(parts.Count - 2));
            if (entry.City.Length == 0)
            {
                entry.City = parts[^2];
                if (entry.Country.Length == 0)
                    entry.Country = country;
            }

            return;
        }

        var comma = company.LastIndexOf(',');
        if (comma > 0)
        {
            var place = company[(comma + 1)..].Trim();
            var name = company[..comma].Trim();
            // "Klinikum Nordstadt, ein städtisches Krankenhaus": what the company is, after its name, is no part of it.
            if (Descriptor().IsMatch(place))
            {
                SetCompany(entry, name);
                return;
            }

            if (FieldClassifier.LooksLikeCity(place) && !IsLegalSuffix(place))
            {
                entry.Company = name;
                // "Title, Company, City." ends its header with a full stop (moderncv): the stop is not the place's.
                if (entry.City.Length == 0)
                    entry.City = place.TrimEnd('.');
                return;
            }
        }

        entry.Company = company;
    }

    private static bool IsLegalSuffix(string text) =>
        CvText.Fold(text).TrimEnd('.') is "ag" or "gmbh" or "ltd" or "inc" or "corp" or "llc" or "sa" or "se" or "srl" or "spa" or "plc" or "kg" or "co";

    [GeneratedRegex(@"^(?<title>.+?)\s+[–—-]\s+(?<type>[^–—]+)$", RegexOptions.None, matchTimeoutMilliseconds: 1000)]
    private static partial Regex TitleAndEmploymentType();

    [GeneratedRegex(@"^(?:a|an|ein|eine|un|une|uno|una)\s+\p{Ll}", RegexOptions.None, matchTimeoutMilliseconds: 1000)]
    private static partial Regex Descriptor();

    [GeneratedRegex(@"^(?<pos>.+?)\s+(?:(?:at|bei|chez|presso)\s+|@\s*)(?<company>.+)$", RegexOptions.None, matchTimeoutMilliseconds: 1000)]
    private static partial Regex TitleAtCompany();
}
