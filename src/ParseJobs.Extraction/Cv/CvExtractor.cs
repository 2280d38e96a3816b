using System.Globalization;
using System.Text.RegularExpressions;
using ParseJobs.Extraction.Parsing;

namespace ParseJobs.Extraction.Cv;

/// <summary>A first rule-based extractor: sections by headings (EN/DE/FR/IT), contact data by patterns
/// and labels, entries by date ranges. Every value it returns is taken from the document text.</summary>
public sealed partial class CvExtractor : ICvExtractor
{
    public CvProfile Extract(ExtractedDocument document)
    {
        ArgumentNullException.ThrowIfNull(document);
        var text = JoinBrokenEmails(document.Text);
        var lines = text.Split('\n').Select(CvText.Clean).Where(l => l.Length > 0).ToList();
        var sections = SectionDetector.WithHeadinglessEntries(SectionDetector.Split(lines));
        var profile = new CvProfile();
        var labels = LabelledValues(lines);

        FillPersonalInfo(profile.PersonalInfo, lines, sections, labels, text);
        profile.ProfessionalSummary = Summary(sections);
        profile.Experience = Experience(sections);
        profile.Education = Education(sections);
        profile.Skills = Skills(sections);
        profile.Languages = Languages(sections);
        profile.HobbiesInterests = Hobbies(sections);
        return profile;
    }

    // ------------------------------------------------------------------ personal info

    private static void FillPersonalInfo(PersonalInfo info, List<string> lines, List<CvSection> sections, Dictionary<string, string> labels, string text)
    {
        // Contact data sits in the header, a personal-details block or a sidebar ("About"), never inside entries.
        var header = sections.Where(s => s.Kind is not (SectionKind.Experience or SectionKind.Education or SectionKind.FurtherEducation))
            .SelectMany(s => s.Lines).ToList();
        // A sidebar read first leaves the header empty: the name then follows the sidebar's lists, whose items
        // (skills, languages) are no names however name-like they look.
        info.FullName = sections[0].Lines.Count > 0 ? Name(sections[0].Lines, 8, false) : Name(lines, 40, true);
        info.Email = EmailPattern().Match(text) is { Success: true } email ? email.Value.TrimEnd('.') : "";

        var address = Label(labels, "address", "adresse", "anschrift", "wohnadresse", "indirizzo", "domicile", "wohnort", "residenza");
        if (address.Length > 0)
            ApplyAddress(info, address);
        else
            InferAddress(info, header);

        var regions = Regions(info, text);
        AssignPhones(info, labels, header, regions);
        info.LinkedIn = LinkedIn(text, labels, header);
        info.BirthDate = BirthDate(Label(labels, "date of birth", "birth date", "born", "geburtsdatum", "geboren", "date de naissance", "né le", "née le", "data di nascita", "nato il", "nata il"));
        info.Nationality = Label(labels, "nationality", "citizenship", "nationalität", "staatsangehörigkeit", "nationalite", "nationalité", "nazionalità", "cittadinanza");
        info.Availability = Label(labels, "availability", "available", "verfügbarkeit", "verfügbar ab", "eintritt", "disponibilité", "disponibilita", "disponibilità");
        info.CivilStatus = Label(labels, "marital status", "civil status", "zivilstand", "familienstand", "état civil", "situation familiale", "stato civile");
        info.CarLicense = Label(labels, "driving licence", "driving license", "driver's license", "driver’s license", "führerausweis", "führerschein", "permis de conduire", "permis", "patente", "patente di guida").Length > 0;
    }

    private static string Name(List<string> headerLines, int scan, bool skipListItems)
    {
        bool Fits(string text) => IsNameLike(text) && !(skipListItems && (SkillTaxonomy.Find(text) is not null || LanguageLevelMapper.LeadingLanguage(text) is not null));
        for (var i = 0; i < Math.Min(scan, headerLines.Count); i++)
        {
            var candidate = headerLines[i].Replace('\t', ' ').Trim();
            candidate = Regex.Replace(candidate, @"^(?:curriculum vitae|lebenslauf|cv|resume|résumé|curriculum)\b[\s:–-]*", "", RegexOptions.IgnoreCase, TimeSpan.FromSeconds(1));
            if (candidate.Length == 0)
                continue;
            if (!Fits(candidate))
                continue;
            if (candidate.EndsWith('-') && i + 1 < headerLines.Count && Fits(candidate + headerLines[i + 1].Trim()))
                return candidate + headerLines[i + 1].Trim();
            if (CvText.WordCount(candidate) == 1)
            {
                // A first name printed large beside the surname: the surname can follow the job title.
                for (var j = i + 1; j < Math.Min(i + 4, headerLines.Count); j++)
                {
                    var next = headerLines[j].Replace('\t', ' ').Trim();
                    if (Fits(next) && CvText.WordCount(next) <= 2)
                        return candidate + " " + next;
                }
            }

            if (CvText.WordCount(candidate) >= 2)
                return candidate;
        }

        return "";
    }

    private static bool IsNameLike(string text)
    {
        var words = text.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        return words.Length is >= 1 and <= 4
            && words.All(w => w.Length > 0 && char.IsUpper(w[0]) && w.All(c => char.IsLetter(c) || c is '-' or '\'' or '’' or '.'))
            && SectionDetector.Classify(text) is null
            && FieldClassifier.PositionScore(text) == 0;
    }

    private static void ApplyAddress(PersonalInfo info, string value)
    {
        var parts = value.Split(',').Select(p => p.Trim()).Where(p => p.Length > 0).ToList();
        for (var i = 0; i < parts.Count; i++)
        {
            var uk = Regex.Match(parts[i], @"^(?<city>\p{L}[\p{L} .'\-]*?)\s+(?<postal>[A-Z]{1,2}\d[A-Z\d]?\s\d[A-Z]{2})$", RegexOptions.None, TimeSpan.FromSeconds(1));
            if (uk.Success)
            {
                info.PostalCode = uk.Groups["postal"].Value;
                info.City = uk.Groups["city"].Value.Trim();
                info.StreetAndNumber = string.Join(", ", parts.Take(i));
                info.Country = i + 1 < parts.Count ? parts[^1] : "";
                return;
            }

            var eu = Regex.Match(parts[i], @"^(?:[A-Z]{1,2}-)?(\d{4,5})\s+(.+)$", RegexOptions.None, TimeSpan.FromSeconds(1));
            var us = Regex.Match(parts[i], @"^([A-Z]{2})\s+(\d{5}(?:-\d{4})?)$", RegexOptions.None, TimeSpan.FromSeconds(1));
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

        if (parts.Count >= 2 && FieldClassifier.CountryCode(parts[^1]) is not null && FieldClassifier.LooksLikeCity(parts[^2]))
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

    private static void InferAddress(PersonalInfo info, List<string> header)
    {
        // "email | phone | City, ST 12345" on one line: the address is one of the pieces.
        var candidates = header.Take(30).SelectMany(l => ContactSeparator().Split(CvText.StripBullet(l)))
            .Select(l => l.Replace('\t', ' ').Trim()).Where(l => l.Length > 0).ToList();
        for (var i = 0; i < candidates.Count; i++)
        {
            var line = candidates[i];

            // "City ST 12345 CC" or "Region POSTCODE CC" after a street line (JSON Resume themes).
            var tail = Regex.Match(line, @"^(?<pre>.*?)\s*(?<postal>\d{4,5}|[A-Z]{1,2}\d[A-Z\d]?\s?\d[A-Z]{2})\s+(?<cc>[A-Z]{2})$", RegexOptions.None, TimeSpan.FromSeconds(1));
            if (tail.Success && FieldClassifier.CountryCode(tail.Groups["cc"].Value) is not null)
            {
                info.PostalCode = tail.Groups["postal"].Value;
                info.Country = tail.Groups["cc"].Value;
                var pre = tail.Groups["pre"].Value.Trim();
                var previous = i > 0 && !candidates[i - 1].Contains('@', StringComparison.Ordinal) ? candidates[i - 1] : "";
                var cityState = Regex.Match(pre, @"^(?<city>.+?)\s+(?<state>[A-Z]{2,3})$", RegexOptions.None, TimeSpan.FromSeconds(1));
                if (cityState.Success)
                {
                    info.State = cityState.Groups["state"].Value;
                    SplitStreetAndCity(info, cityState.Groups["city"].Value, previous);
                }
                else if (pre.Length == 0 || !pre.Any(char.IsDigit))
                {
                    info.State = pre;
                    var withState = Regex.Match(previous, @"^(?<rest>.+?)\s+(?<state>[A-Z]{2,3})$", RegexOptions.None, TimeSpan.FromSeconds(1));
                    if (withState.Success && pre.Length == 0)
                    {
                        info.State = withState.Groups["state"].Value;
                        previous = withState.Groups["rest"].Value;
                    }

                    SplitStreetAndCity(info, previous, "");
                }

                return;
            }

            var before = info.City;
            var tmp = new PersonalInfo();
            ApplyAddress(tmp, line);
            if (tmp.City.Length > 0 && (tmp.PostalCode.Length > 0 || tmp.Country.Length > 0))
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
    }

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

        var inside = Regex.Match(text, @"^(?<street>\p{L}.*?\d+[a-zA-Z]?)\s+(?<city>\D+)$", RegexOptions.None, TimeSpan.FromSeconds(1));
        if (inside.Success)
        {
            info.StreetAndNumber = inside.Groups["street"].Value;
            info.City = inside.Groups["city"].Value.Trim();
            return;
        }

        var first = Regex.Match(text, @"^(?<street>\d+[a-zA-Z]?\s+.+?)\s+(?<city>\p{L}+)$", RegexOptions.None, TimeSpan.FromSeconds(1));
        if (first.Success)
        {
            info.StreetAndNumber = first.Groups["street"].Value;
            info.City = first.Groups["city"].Value;
        }
    }

    private static List<string> Regions(PersonalInfo info, string text)
    {
        var regions = new List<string>();
        if (FieldClassifier.CountryCode(info.Country) is { } code)
            regions.Add(code);
        var language = DocumentLanguage(text);
        // Swiss postcodes have four digits: a five-digit one puts the language's neighbour first (06… is French, not Basel).
        if (info.PostalCode.Length == 5 && info.PostalCode.All(char.IsAsciiDigit) && language is "de" or "fr" or "it")
            regions.Add(language.ToUpperInvariant());
        regions.AddRange(language switch
        {
            "de" => ["CH", "DE", "AT"],
            "fr" => ["CH", "FR", "BE"],
            "it" => ["CH", "IT"],
            _ => ["GB", "US", "CH"],
        });
        regions.AddRange(["CH", "DE", "GB", "US", "FR", "IT", "AT"]);
        return regions.Distinct(StringComparer.Ordinal).ToList();
    }

    private static string DocumentLanguage(string text)
    {
        var words = WordPattern().Matches(CvText.Fold(text)).Select(m => m.Value).ToList();
        var scores = new Dictionary<string, int>(StringComparer.Ordinal)
        {
            ["en"] = words.Count(w => w is "the" or "and" or "with" or "of" or "in" or "for"),
            ["de"] = words.Count(w => w is "und" or "der" or "die" or "mit" or "von" or "fur" or "im"),
            ["fr"] = words.Count(w => w is "et" or "le" or "la" or "les" or "des" or "avec" or "du"),
            ["it"] = words.Count(w => w is "e" or "il" or "di" or "della" or "con" or "per" or "nel"),
        };
        return scores.MaxBy(s => s.Value).Key;
    }

    private static void AssignPhones(PersonalInfo info, Dictionary<string, string> labels, List<string> header, List<string> regions)
    {
        string? Parse(string value) => PhoneNormalizer.Candidates(value).Select(c => PhoneNormalizer.ToE164(c, regions)).FirstOrDefault(p => p is not null);

        var mobile = Label(labels, "mobile", "mobile phone", "mobil", "handy", "natel", "cell", "cellphone", "cell phone", "cellulare", "portable", "téléphone portable", "mobiltelefon", "tel. mobile", "cellulaire");
        var home = Label(labels, "telefon privat", "home", "home phone", "privat", "festnetz", "téléphone privé", "téléphone fixe", "domicile", "telefono fisso", "telefono privato", "casa", "tel. privat");
        var generic = Label(labels, "phone", "telephone", "telefon", "tel", "tel.", "téléphone", "telefono", "tél", "tél.", "phone number");
        info.MobilePhone = Parse(mobile) ?? "";
        info.HomePhone = Parse(home) ?? "";
        if (info.MobilePhone.Length == 0 && Parse(generic) is { } g)
        {
            info.MobilePhone = g;
        }

        if (info.MobilePhone.Length > 0)
            return;
        // One contact line often carries email, phone and address between separators: each piece is judged alone.
        foreach (var clean in header.Take(40).SelectMany(l => ContactSeparator().Split(CvText.StripBullet(l))))
        {
            foreach (var candidate in PhoneNormalizer.Candidates(clean))
            {
                // The number must be most of the line: dates and postcodes inside text are no phones.
                if (candidate.Count(char.IsDigit) * 10 < clean.Count(char.IsLetterOrDigit) * 6)
                    continue;
                if (DateRangeParser.Find(candidate) is not null)
                    continue;
                if (PhoneNormalizer.ToE164(candidate, regions) is { } e164 && e164 != info.HomePhone)
                {
                    info.MobilePhone = e164;
                    return;
                }
            }
        }
    }

    private static string LinkedIn(string text, Dictionary<string, string> labels, List<string> header)
    {
        static string Url(string handle) => "https://www.linkedin.com/in/" + handle.Trim('/');
        var url = LinkedInUrlPattern().Match(text);
        if (url.Success)
            return Url(url.Groups[1].Value);
        var labelled = Label(labels, "linkedin");
        if (labelled.Length > 0 && HandlePattern().IsMatch(labelled.Trim()))
            return Url(labelled.Trim());
        var suffixed = Regex.Match(text, @"([A-Za-z0-9][\w\-]{2,100})\s*\(LinkedIn\)", RegexOptions.None, TimeSpan.FromSeconds(1));
        if (suffixed.Success)
            return Url(suffixed.Groups[1].Value);
        foreach (var line in header.Take(40))
        {
            var t = CvText.StripBullet(line).Trim();
            if (HandlePattern().IsMatch(t) && t.Contains('-', StringComparison.Ordinal) && t.Any(char.IsLetter) && !t.Any(char.IsUpper) && DateRangeParser.Find(t) is null)
                return Url(t);
        }

        return "";
    }

    private static string BirthDate(string value)
    {
        if (value.Length == 0)
            return "";
        var numeric = Regex.Match(value, @"\b(\d{1,2})[./-](\d{1,2})[./-]((?:19|20)\d{2})\b", RegexOptions.None, TimeSpan.FromSeconds(1));
        if (numeric.Success)
            return Iso(numeric.Groups[3].Value, numeric.Groups[2].Value, numeric.Groups[1].Value);
        var iso = Regex.Match(value, @"\b((?:19|20)\d{2})-(\d{2})-(\d{2})\b", RegexOptions.None, TimeSpan.FromSeconds(1));
        if (iso.Success)
            return Iso(iso.Groups[1].Value, iso.Groups[2].Value, iso.Groups[3].Value);
        var named = Regex.Match(value, @"\b(\d{1,2})\.?\s*(?:er\s+)?(\p{L}+)\.?\s+((?:19|20)\d{2})\b", RegexOptions.None, TimeSpan.FromSeconds(1));
        if (named.Success && DateRangeParser.MonthNumber(named.Groups[2].Value) is { } month)
            return Iso(named.Groups[3].Value, month.ToString(CultureInfo.InvariantCulture), named.Groups[1].Value);
        var us = Regex.Match(value, @"\b(\p{L}+)\.?\s+(\d{1,2}),?\s+((?:19|20)\d{2})\b", RegexOptions.None, TimeSpan.FromSeconds(1));
        if (us.Success && DateRangeParser.MonthNumber(us.Groups[1].Value) is { } m2)
            return Iso(us.Groups[3].Value, m2.ToString(CultureInfo.InvariantCulture), us.Groups[2].Value);
        return "";
    }

    private static string Iso(string year, string month, string day)
    {
        var m = int.Parse(month, CultureInfo.InvariantCulture);
        var d = int.Parse(day, CultureInfo.InvariantCulture);
        return m is >= 1 and <= 12 && d is >= 1 and <= 31 ? $"{year}-{m:00}-{d:00}" : "";
    }

    /// <summary>"Label: value" lines (also "Label:" then the value on the next line), keyed by folded label.</summary>
    private static Dictionary<string, string> LabelledValues(List<string> lines)
    {
        var map = new Dictionary<string, string>(StringComparer.Ordinal);
        for (var i = 0; i < lines.Count; i++)
        {
            var line = CvText.StripBullet(lines[i]);
            var m = LabelPattern().Match(line);
            if (!m.Success)
                continue;
            var label = CvText.Fold(m.Groups["label"].Value).Trim();
            var value = m.Groups["value"].Value.Trim();
            if (value.Length == 0 && i + 1 < lines.Count && !LabelPattern().IsMatch(lines[i + 1]))
                value = lines[i + 1].Trim();
            if (value.Length > 0)
                map.TryAdd(label, value.Replace('\t', ' '));
        }

        return map;
    }

    private static string Label(Dictionary<string, string> labels, params string[] names)
    {
        foreach (var name in names)
        {
            if (labels.TryGetValue(CvText.Fold(name), out var value))
                return value;
        }

        return "";
    }

    /// <summary>Narrow sidebars wrap long addresses: "name@gm" + "ail.com", "name@outlook.co" + "m".</summary>
    private static string JoinBrokenEmails(string text) => BrokenEmailPattern().Replace(EmailAtNextLinePattern().Replace(text, "${local}${domain}"), m =>
    {
        var first = m.Groups["first"].Value;
        var second = m.Groups["second"].Value;
        var domain = first[(first.IndexOf('@', StringComparison.Ordinal) + 1)..];
        var join = !domain.Contains('.', StringComparison.Ordinal) || second.StartsWith('.') || (second.Length <= 4 && second.All(char.IsLower));
        return join ? first + second : m.Value;
    });

    // ------------------------------------------------------------------ summary

    private static string Summary(List<CvSection> sections)
    {
        var section = sections.Find(s => s.Kind == SectionKind.Summary && s.Lines.Count > 0);
        if (section is not null)
        {
            var sentences = section.Lines.Where(l => !PhoneNormalizer.Candidates(l).Any() || CvText.IsSentence(l)).ToList();
            var startIndex = sentences.FindIndex(CvText.IsSentence);
            if (startIndex >= 0)
                return JoinParagraph(sentences.Skip(startIndex).TakeWhile(l => !IsContactLine(l)));
        }

        // No heading: the sentences right under the name (JSON Resume themes print the summary there).
        var header = sections[0].Lines;
        var start = header.FindIndex(l => CvText.IsSentence(l) && !l.Contains('@', StringComparison.Ordinal));
        if (start < 0)
            return "";
        return JoinParagraph(header.Skip(start).TakeWhile(l => !IsContactLine(l) && (CvText.IsSentence(l) || !l.EndsWith(':'))).TakeWhile(l => CvText.WordCount(l) >= 3 || l.EndsWith('.')));
    }

    private static bool IsContactLine(string line) =>
        line.Contains('@', StringComparison.Ordinal) || line.Contains("linkedin", StringComparison.OrdinalIgnoreCase)
        || (PhoneNormalizer.Candidates(line).Any() && !CvText.IsSentence(line));

    private static string JoinParagraph(IEnumerable<string> lines) =>
        string.Join(' ', lines.Select(l => CvText.StripBullet(l).Replace('\t', ' ').Trim())).Trim();

    // ------------------------------------------------------------------ experience and education

    private static List<ExperienceEntry> Experience(List<CvSection> sections)
    {
        var result = new List<ExperienceEntry>();
        foreach (var raw in sections.Where(s => s.Kind == SectionKind.Experience).SelectMany(s => EntryParser.Parse(s.Lines)))
        {
            var entry = new ExperienceEntry { Id = $"exp_{result.Count + 1}" };
            var fragments = new List<string>();
            foreach (var header in raw.Headers)
            {
                // "Operations Manager – Part-time (80%)": the employment type trails the title.
                var fragment = header;
                var dash = Regex.Match(header, @"^(?<title>.+?)\s+[–—-]\s+(?<type>[^–—]+)$", RegexOptions.None, TimeSpan.FromSeconds(1));
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

                if (Location(fragment) is { } location && fragments.Count >= 1)
                {
                    entry.City = location.City;
                    entry.Country = location.Country;
                    continue;
                }

                fragments.Add(fragment);
            }

            AssignCompanyAndPosition(entry, fragments);
            entry.StartDate = raw.Dates?.Start ?? "";
            entry.EndDate = raw.Dates?.End ?? "";
            entry.Description = string.Join('\n', raw.Description.Select(CvText.StripBullet));
            if (entry.Company.Length > 0 || entry.Position.Length > 0)
                result.Add(entry);
        }

        return result;
    }

    private static (string City, string Country)? Location(string fragment)
    {
        var parts = fragment.Split(',').Select(p => p.Trim()).ToList();
        if (parts.Count == 2 && FieldClassifier.CountryCode(parts[1]) is not null && FieldClassifier.LooksLikeCity(parts[0]))
            return (parts[0], parts[1]);
        return null;
    }

    private static void AssignCompanyAndPosition(ExperienceEntry entry, List<string> fragments)
    {
        if (fragments.Count == 0)
            return;
        if (fragments.Count == 1)
        {
            var only = fragments[0];
            var atMatch = Regex.Match(only, @"^(?<pos>.+?)\s+(?:at|bei|chez|presso|@)\s+(?<company>.+)$", RegexOptions.None, TimeSpan.FromSeconds(1));
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
        }
        else
        {
            entry.Position = a;
            SetCompany(entry, b);
        }
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
        if (FieldClassifier.PositionScore(b) > 0 && FieldClassifier.PositionScore(a) == 0 && FieldClassifier.CompanyScore(a) > 0)
            return (b, a);
        return null;
    }

    private static void SetCompany(ExperienceEntry entry, string company)
    {
        var comma = company.LastIndexOf(',');
        if (comma > 0)
        {
            var place = company[(comma + 1)..].Trim();
            var name = company[..comma].Trim();
            if (FieldClassifier.LooksLikeCity(place) && !IsLegalSuffix(place))
            {
                entry.Company = name;
                if (entry.City.Length == 0)
                    entry.City = place;
                return;
            }
        }

        entry.Company = company;
    }

    private static bool IsLegalSuffix(string text) =>
        CvText.Fold(text).TrimEnd('.') is "ag" or "gmbh" or "ltd" or "inc" or "corp" or "llc" or "sa" or "se" or "srl" or "spa" or "plc" or "kg" or "co";

    private static List<EducationEntry> Education(List<CvSection> sections)
    {
        var result = new List<EducationEntry>();
        foreach (var section in sections.Where(s => s.Kind is SectionKind.Education or SectionKind.FurtherEducation))
        {
            foreach (var raw in EntryParser.Parse(section.Lines))
            {
                var entry = new EducationEntry { Id = $"edu_{result.Count + 1}" };
                var fragments = new List<string>();
                foreach (var fragment in raw.Headers)
                {
                    var grade = GradePattern().Match(fragment);
                    if (grade.Success)
                    {
                        entry.Gpa = grade.Groups[1].Value.Trim();
                        continue;
                    }

                    if (Location(fragment) is { } location)
                    {
                        entry.City = location.City;
                        entry.Country = location.Country;
                        continue;
                    }

                    fragments.Add(fragment);
                }

                AssignInstitutionAndDegree(entry, fragments);
                entry.StartDate = raw.Dates?.Start ?? "";
                entry.EndDate = raw.Dates?.End ?? "";
                entry.Description = string.Join('\n', raw.Description.Select(CvText.StripBullet));
                entry.IsFurtherEducation = section.Kind == SectionKind.FurtherEducation || FurtherEducationPattern().IsMatch(entry.Degree);
                entry.DegreeLevel = DegreeLevel(entry.Degree);
                entry.InstitutionType = InstitutionClassifier.Classify(entry.Institution, entry.DegreeLevel);
                entry.ConcludedSuccessfully = entry.EndDate.Length > 0;
                if (entry.Institution.Length > 0 || entry.Degree.Length > 0)
                    result.Add(entry);
            }
        }

        return result;
    }

    private static void AssignInstitutionAndDegree(EducationEntry entry, List<string> fragments)
    {
        if (fragments.Count == 0)
            return;
        double Lean(string f) => FieldClassifier.InstitutionScore(f) - FieldClassifier.DegreeScore(f);
        string institution;
        string degree;
        if (fragments.Count == 1 && fragments[0].IndexOf(", ", StringComparison.Ordinal) is var comma and > 0)
        {
            // "BSc Computer Science, Warsaw University of Technology": a degree and a school on either side of a comma.
            var left = fragments[0][..comma].Trim();
            var right = fragments[0][(comma + 2)..].Trim();
            if (Lean(left) < 0 && Lean(right) > 0 && FieldClassifier.DegreeScore(right) == 0)
                fragments = [right, left];
            else if (Lean(left) > 0 && Lean(right) < 0 && FieldClassifier.DegreeScore(left) == 0)
                fragments = [left, right];
        }

        if (fragments.Count == 1)
        {
            if (Lean(fragments[0]) > 0)
                entry.Institution = fragments[0];
            else
                SetDegree(entry, fragments[0]);
            return;
        }

        var a = fragments[0];
        var b = fragments[1];
        if (Lean(a) > Lean(b))
        {
            institution = a;
            degree = b;
        }
        else
        {
            institution = b;
            degree = a;
        }

        entry.Institution = institution;
        SetDegree(entry, degree);
    }

    private static void SetDegree(EducationEntry entry, string degree)
    {
        entry.Degree = degree;
        var field = Regex.Match(degree, @"^.*\s(?:in|en|im|di|of)\s+(?<field>[^,()]+)$", RegexOptions.None, TimeSpan.FromSeconds(1));
        if (field.Success && !Regex.IsMatch(field.Groups["field"].Value, @"^(Science|Arts|Business Administration|Engineering|Laws)$", RegexOptions.None, TimeSpan.FromSeconds(1)))
            entry.FieldOfStudy = field.Groups["field"].Value.Trim();
    }

    private static string DegreeLevel(string degree)
    {
        var d = CvText.Fold(degree);
        if (Regex.IsMatch(d, @"\b(phd|ph\.d|doktor|doctorat|dottorato|dr\.)", RegexOptions.None, TimeSpan.FromSeconds(1)))
            return "doctorate";
        if (Regex.IsMatch(d, @"\b(cas|das|certificate|zertifikat|certificat|certificato|fachausweis)\b", RegexOptions.None, TimeSpan.FromSeconds(1)))
            return "certificate";
        // Engineering diplomas of the French and German systems and the Italian laurea magistrale are master-level.
        if (Regex.IsMatch(d, @"\b(master|msc|ma|mba|emba|mas|meng|llm|magister)\b|diplome d.ingenieur|diplom-ingenieur|dipl\.-ing|laurea (magistrale|specialistica)", RegexOptions.None, TimeSpan.FromSeconds(1)))
            return "master";
        if (Regex.IsMatch(d, @"\b(bachelor|bsc|ba|beng|llb|licence|laurea)\b", RegexOptions.None, TimeSpan.FromSeconds(1)))
            return "bachelor";
        if (Regex.IsMatch(d, @"\b(efz|eba|lehre|apprenticeship|apprentissage|apprendistato)\b", RegexOptions.None, TimeSpan.FromSeconds(1)))
            return "apprenticeship";
        if (Regex.IsMatch(d, @"\b(matura|maturitat|maturite|maturita|baccalaureate|baccalaureat|abitur|a-levels?|high school diploma)\b", RegexOptions.None, TimeSpan.FromSeconds(1)))
            return "baccalaureate";
        if (Regex.IsMatch(d, @"\b(diplom|diploma|diplome|dipl\.)", RegexOptions.None, TimeSpan.FromSeconds(1)))
            return "diploma";
        return "";
    }

    // ------------------------------------------------------------------ skills, languages, hobbies

    private static SkillSet Skills(List<CvSection> sections)
    {
        var skills = new SkillSet();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var lines = SkillLines(sections);
        var category = SkillCategory.Unknown;
        for (var i = 0; i < lines.Count; i++)
        {
            var (line, isHeading) = lines[i];
            if (SkillCategories.FromLabel(line) is { } whole)
            {
                category = whole;
                continue;
            }

            // A label wrapped over two lines ("Persönliche" / "Kompetenzen"), even when its second half was read as a section heading.
            if (i + 1 < lines.Count && SkillCategories.FromLabel(line + " " + lines[i + 1].Text) is { } twoLines)
            {
                category = twoLines;
                i++;
                continue;
            }

            if (isHeading)
            {
                category = SkillCategory.Unknown;
                continue;
            }

            var (label, items) = SkillLabel(line);
            if (label is { } inline)
                category = inline;

            var list = CvText.SplitList(items);
            if (list.Count > 0 && i + 1 < lines.Count && JoinWrappedSkill(line, list[^1], lines[i + 1]) is { } wrapped)
            {
                list[^1] = wrapped.Joined;
                lines[i + 1] = (wrapped.Remainder, false);
            }

            foreach (var item in list)
            {
                var known = SkillTaxonomy.Find(item);
                // Known skills dedupe by canonical name ("JS" = "JavaScript"); the marker keeps canonical keys apart from folded unknown items.
                var key = known is null ? CvText.Fold(item) : "\u0001" + known.Canonical;
                if (item.Length > 60 || CvText.WordCount(item) > 6 || !seen.Add(key))
                    continue;
                var target = SkillTarget(category, known);
                (target switch
                {
                    SkillCategory.It => skills.ItSkills,
                    SkillCategory.Soft => skills.SoftSkills,
                    SkillCategory.Fields => skills.FieldsOfExpertise,
                    _ => skills.HardSkills,
                }).Add(item); // as printed: recruiters and the contract keep the CV's wording; the canonical name only dedupes
            }
        }

        return skills;
    }

    // The lines of all skills sections in order, each section's heading included: PDF layouts split labels such as
    // "Competenze" / "informatiche" so that one half becomes a section heading and the other the section's first line.
    private static List<(string Text, bool IsHeading)> SkillLines(List<CvSection> sections) =>
        sections.Where(s => s.Kind == SectionKind.Skills)
            .SelectMany(s => s.Lines.Select(l => (l, false)).Prepend((s.Heading, true)))
            .ToList();

    // "IT skills: Java, SQL", "Branchenerfahrung<TAB>Energie" or a label glued to its first item by the PDF text layer.
    private static (SkillCategory? Label, string Items) SkillLabel(string line)
    {
        var labelled = Regex.Match(line, @"^(?<label>[^:\t]{2,40})(?::\s*|\t)(?<items>.+)$", RegexOptions.None, TimeSpan.FromSeconds(1));
        if (labelled.Success && SkillCategories.FromLabel(labelled.Groups["label"].Value) is { } inline)
            return (inline, labelled.Groups["items"].Value);
        return SkillCategories.SplitGluedLabel(line) is { } glued ? (glued.Category, glued.Items) : (null, line);
    }

    // An item wrapped onto the next line ("Requirements" / "engineering"): joined when the taxonomy knows the whole but
    // not both halves, or when the next line goes on in lower case after a line that did not end with a separator.
    private static (string Joined, string Remainder)? JoinWrappedSkill(string line, string last, (string Text, bool IsHeading) next)
    {
        if (next.IsHeading || line.TrimEnd().EndsWith(',') || line.TrimEnd().EndsWith(';') || SkillLabel(next.Text).Label is not null
            || SkillCategories.FromLabel(next.Text) is not null)
            return null;
        var nextItems = CvText.SplitList(next.Text);
        if (nextItems.Count == 0)
            return null;
        var first = nextItems[0];
        var joined = last + " " + first;
        if (joined.Length > 60 || CvText.WordCount(joined) > 6)
            return null;
        var knownWhole = SkillTaxonomy.Find(joined) is not null;
        var knownHalves = SkillTaxonomy.Find(last) is not null && SkillTaxonomy.Find(first) is not null;
        var continues = char.IsLower(first[0]) && SkillTaxonomy.Find(first) is null && SkillTaxonomy.Find(last) is null;
        if (!(knownWhole && !knownHalves) && !continues)
            return null;
        return (joined, string.Join(", ", nextItems.Skip(1)));
    }

    // Items under no category take the taxonomy's (unknown ones count as professional skills). Under a printed category the
    // CV's choice wins where the line is blurry (IT vs professional: Excel, SAP FI/CO); a known soft skill or industry under
    // another label, or a tool under "Soft skills", is a layout mix-up (label cells read out of order), so the taxonomy wins.
    private static SkillCategory SkillTarget(SkillCategory printed, TaxonomySkill? known)
    {
        if (known is null)
            return printed == SkillCategory.Unknown ? SkillCategory.Hard : printed;
        var professional = (printed is SkillCategory.It or SkillCategory.Hard) && (known.Category is SkillCategory.It or SkillCategory.Hard);
        return professional ? printed : known.Category;
    }

    private static List<LanguageSkill> Languages(List<CvSection> sections)
    {
        var result = new List<LanguageSkill>();
        LanguageSkill? pending = null;
        foreach (var raw in sections.Where(s => s.Kind == SectionKind.Languages).SelectMany(s => s.Lines))
        {
            foreach (var piece in SplitLanguagePieces(CvText.StripBullet(raw)))
            {
                var name = LanguageLevelMapper.LeadingLanguage(piece) ?? UnknownLanguage(piece);
                if (name is not null)
                {
                    var rest = piece[name.Length..].Trim().TrimStart('–', '-', ':', ',', '—', '|').Trim();
                    rest = Unwrap(rest);
                    pending = new LanguageSkill { Language = name, Proficiency = rest, StandardProficiency = LanguageLevelMapper.Cefr(rest) };
                    result.Add(pending);
                    continue;
                }

                if (pending is null)
                    continue;
                if (pending.Proficiency.Length == 0)
                {
                    pending.Proficiency = Unwrap(piece.Trim());
                }
                else if (piece.StartsWith('(') || char.IsLower(piece[0]))
                {
                    pending.Proficiency = Unwrap(pending.Proficiency + " " + piece.Trim());
                }
                else
                {
                    continue;
                }

                pending.StandardProficiency = LanguageLevelMapper.Cefr(pending.Proficiency);
            }
        }

        return result;
    }

    private static IEnumerable<string> SplitLanguagePieces(string line)
    {
        var pieces = line.Split('\t', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        foreach (var piece in pieces)
        {
            var commaParts = piece.Split([',', ';'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
            if (commaParts.Length > 1 && commaParts.All(p => LanguageLevelMapper.LeadingLanguage(p) is not null))
            {
                foreach (var p in commaParts)
                    yield return p;
            }
            else
            {
                yield return piece;
            }
        }
    }

    private static string? UnknownLanguage(string piece)
    {
        var m = Regex.Match(piece, @"^(?<name>\p{Lu}\p{Ll}+)\s*(?:[–:\-—]\s+|\()", RegexOptions.None, TimeSpan.FromSeconds(1));
        // "Beginner (A1)" on the line under its language is the level, not another language.
        return m.Success && !LanguageLevelMapper.IsLevelWord(m.Groups["name"].Value) ? m.Groups["name"].Value : null;
    }

    private static string Unwrap(string text)
    {
        var t = text.Trim();
        if (t.StartsWith('(') && t.EndsWith(')'))
            t = t[1..^1].Trim();
        return t;
    }

    private static List<string> Hobbies(List<CvSection> sections)
    {
        var result = new List<string>();
        foreach (var line in sections.Where(s => s.Kind == SectionKind.Hobbies).SelectMany(s => s.Lines))
        {
            foreach (var item in CvText.SplitList(line))
            {
                if (CvText.WordCount(item) <= 6 && !result.Contains(item, StringComparer.OrdinalIgnoreCase))
                    result.Add(item);
            }
        }

        return result;
    }

    [GeneratedRegex(@"[A-Za-z0-9._%+\-]+@[A-Za-z0-9\-]+(?:\.[A-Za-z0-9\-]+)*\.[A-Za-z]{2,}", RegexOptions.None, matchTimeoutMilliseconds: 1000)]
    private static partial Regex EmailPattern();

    [GeneratedRegex(@"(?<=^|\s)(?<first>[A-Za-z0-9._%+\-]+@[A-Za-z0-9\-.]*)[ \t]*\n[ \t]*(?<second>[A-Za-z0-9.\-]{1,40})(?=[ \t]*(?:\n|$))", RegexOptions.None, matchTimeoutMilliseconds: 1000)]
    private static partial Regex BrokenEmailPattern();

    [GeneratedRegex(@"(?<=^|\n)(?<local>[A-Za-z0-9._%+\-]+)[ \t]*\n[ \t]*(?<domain>@[A-Za-z0-9.\-]+\.[A-Za-z]{2,})(?=[ \t]*(?:\n|$))", RegexOptions.None, matchTimeoutMilliseconds: 1000)]
    private static partial Regex EmailAtNextLinePattern();

    [GeneratedRegex(@"linkedin\.com/in/([A-Za-z0-9\-_%]+)", RegexOptions.IgnoreCase, matchTimeoutMilliseconds: 1000)]
    private static partial Regex LinkedInUrlPattern();

    [GeneratedRegex(@"^[a-z0-9][a-z0-9\-_]{2,99}$", RegexOptions.None, matchTimeoutMilliseconds: 1000)]
    private static partial Regex HandlePattern();

    [GeneratedRegex(@"^(?<label>[\p{L}][\p{L} .’'/\-]{1,40}?)\s*:\s*(?<value>.*)$", RegexOptions.None, matchTimeoutMilliseconds: 1000)]
    private static partial Regex LabelPattern();

    [GeneratedRegex(@"\t|\s+[|·•]\s+", RegexOptions.None, matchTimeoutMilliseconds: 1000)]
    private static partial Regex ContactSeparator();

    [GeneratedRegex(@"\p{L}+", RegexOptions.None, matchTimeoutMilliseconds: 1000)]
    private static partial Regex WordPattern();

    [GeneratedRegex(@"^(?:abschlussnote|note|gesamtnote|grade|gpa|final grade|moyenne|mention|voto|voto finale)\s*:?\s*(.+)$", RegexOptions.IgnoreCase, matchTimeoutMilliseconds: 1000)]
    private static partial Regex GradePattern();

    [GeneratedRegex(@"\b(CAS|MAS|DAS|Zertifikat|Certificate|Certificat|Certificato|Fachausweis|Weiterbildung)\b", RegexOptions.None, matchTimeoutMilliseconds: 1000)]
    private static partial Regex FurtherEducationPattern();
}
