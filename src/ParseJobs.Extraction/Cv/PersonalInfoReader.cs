using System.Globalization;
using System.Text.RegularExpressions;

namespace ParseJobs.Extraction.Cv;

/// <summary>Name, contact data, address, birth date and the other personal fields, from the header, labelled
/// values and contact lines (never from inside experience or education entries).</summary>
internal static partial class PersonalInfoReader
{
    public static void Fill(PersonalInfo info, CvDocument document)
    {
        var (lines, sections, labels, text) = (document.Lines, document.Sections, document.Labels, document.Text);
        // Contact data sits in the header, a personal-details block or a sidebar ("About"), never inside entries.
        var header = sections.Where(s => s.Kind is not (SectionKind.Experience or SectionKind.Education or SectionKind.FurtherEducation))
            .SelectMany(s => s.Lines).ToList();
        // A sidebar read first leaves the header empty: the name then follows the sidebar's lists, whose items
        // (skills, languages) are no names however name-like they look.
        info.Email = ContactPatterns.EmailPattern().Match(text) is { Success: true } email ? email.Value.TrimEnd('.') : "";
        header.AddRange(ContactBlockInEntries(lines, header, info.Email));
        info.FullName = LabelledName(document) ?? (sections[0].Lines.Count > 0 ? Name(sections[0].Lines, 8, false) : Name(lines, 40, true));
        // Most e-mail addresses spell the name ("roberts.herminia53@…", "nschimmel@…"): when the name found first shares
        // nothing with the address, a name-like line that does is the name (a sidebar, a column of labels or a
        // heading read before it).
        if (info.Email.Length > 0 && EmailMatches(info.FullName, info.Email) == 0 && NameFromEmail(lines, info.Email) is { } byEmail)
            info.FullName = byEmail;
        info.FullName = WithoutGluedHeading(info.FullName);

        var address = ContactPatterns.Label(labels, "address", "adresse", "anschrift", "wohnadresse", "indirizzo", "domicile", "wohnort", "residenza",
            "location", "city", "standort", "ort", "stadt", "lieu", "ville", "localité", "luogo", "città", "località");
        if (address.Length > 0)
            AddressParser.Apply(info, address);
        // Address forms print the street under "Address" and the place under a label of its own ("Postal Code & City"):
        // a labelled value without a place leaves the place to be found in the header.
        if (info.City.Length == 0)
        {
            var street = info.StreetAndNumber.Length > 0 ? info.StreetAndNumber
                : address.Any(char.IsDigit) && address.Any(char.IsLetter) && !address.Contains(',', StringComparison.Ordinal) ? address.Trim() : "";
            AddressParser.Infer(info, header);
            if (info.StreetAndNumber.Length == 0 && info.City.Length > 0)
                info.StreetAndNumber = street;
        }
        if (info.City.Length == 0)
            AddressParser.InferUsCity(info, header);

        var regions = Regions(info, document.Language.Code, header);
        AssignPhones(info, labels, header, regions);
        info.LinkedIn = LinkedIn(text, labels, header);
        info.BirthDate = BirthDate(ContactPatterns.Label(labels, "date of birth", "birth date", "born", "dob", "d.o.b.", "geburtsdatum", "geboren", "geboren am", "geb.", "geb",
            "date de naissance", "né le", "née le", "né", "née", "data di nascita", "nato il", "nata il", "nato", "nata"));
        if (info.BirthDate.Length == 0)
            info.BirthDate = UnlabelledBirthDate(sections);
        info.Nationality = ContactPatterns.Label(labels, "nationality", "citizenship", "nationalität", "staatsangehörigkeit", "nationalite", "nationalité", "nazionalità", "cittadinanza");
        info.Availability = ContactPatterns.Label(labels, "availability", "available", "verfügbarkeit", "verfügbar ab", "eintritt", "disponibilité", "disponibilita", "disponibilità");
        info.CivilStatus = ContactPatterns.Label(labels, "marital status", "civil status", "zivilstand", "familienstand", "état civil", "situation familiale", "stato civile");
        info.CarLicense = ContactPatterns.Label(labels, "driving licence", "driving license", "driver's license", "driver’s license", "führerausweis", "führerschein", "permis de conduire", "permis", "patente", "patente di guida").Length > 0;
    }

    // "Name: Florence Gasser", "Vorname: Florence" + "Nachname: Gasser" in a personal-details table.
    private static string? LabelledName(CvDocument document)
    {
        var full = document.Label("full name", "vollständiger name", "nom complet", "nome completo", "nome e cognome", "name", "nom et prénom", "nom, prénom", "name, vorname",
            "personal information", "personal details", "personal data", "angaben zur person", "persönliche angaben", "persönliche daten", "zur person",
            "informations personnelles", "données personnelles", "état civil", "dati personali", "informazioni personali");
        var first = document.Label("first name", "given name", "vorname", "prénom", "nome");
        var last = document.Label("last name", "surname", "family name", "nachname", "familienname", "nom", "nom de famille", "cognome");
        if (CvText.WordCount(full) == 1 && first.Length > 0 && !string.Equals(first, full, StringComparison.Ordinal))
            full = first + " " + full; // "Name: Mustermann" + "Vorname: Max"
        else if (full.Length == 0 && first.Length > 0 && last.Length > 0 && !string.Equals(first, last, StringComparison.Ordinal))
            full = first + " " + last;
        else if (full.Length == 0)
            full = CvText.WordCount(last) >= 2 ? last : CvText.WordCount(first) >= 2 ? first : ""; // "Nom: Scholastique Muller", "Nome: Duilio Piras"

        var name = NormaliseName(full);
        return name.Length > 0 && IsNameLike(name) && CvText.WordCount(name) >= 2 ? name : null;
    }

    // Academic titles ("Dr.", "Prof. Dr.", "Dipl.-Ing.") are no part of the name; the name itself stays as printed.
    private static string NormaliseName(string text) => AcademicTitle().Replace(text.Replace('\t', ' ').Trim(), "").Trim();

    private static string Name(List<string> headerLines, int scan, bool skipListItems)
    {
        bool Fits(string text) => IsNameLike(text) && !(skipListItems && (SkillTaxonomy.Find(text) is not null || LanguageLevelMapper.LeadingLanguage(text) is not null));
        for (var i = 0; i < Math.Min(scan, headerLines.Count); i++)
        {
            var candidate = NormaliseName(DocumentTitle().Replace(headerLines[i].Replace('\t', ' ').Trim(), ""));
            if (candidate.Length == 0)
                continue;
            if (!Fits(candidate))
                continue;
            if (candidate.EndsWith('-') && i + 1 < headerLines.Count && Fits(candidate + NormaliseName(headerLines[i + 1])))
                return candidate + NormaliseName(headerLines[i + 1]);
            if (CvText.WordCount(candidate) == 1)
            {
                // A first name printed large beside the surname: the surname can follow the job title.
                for (var j = i + 1; j < Math.Min(i + 4, headerLines.Count); j++)
                {
                    var next = NormaliseName(headerLines[j]);
                    if (Fits(next) && CvText.WordCount(next) <= 2)
                        return candidate + " " + next;
                }
            }

            if (CvText.WordCount(candidate) >= 2)
                return candidate;
        }

        return "";
    }

    // The words of a name found in the e-mail's local part (letters only, folded): "Noble Schimmel" in "nschimmel" is 1.
    private static int EmailMatches(string name, string email)
    {
        if (name.Length == 0)
            return 0;
        var local = new string([.. CvText.Fold(email[..email.IndexOf('@', StringComparison.Ordinal)]).Where(char.IsLetter)]);
        return name.Split([' ', '-'], StringSplitOptions.RemoveEmptyEntries)
            .Select(w => new string([.. CvText.Fold(w).Where(char.IsLetter)]))
            .Count(w => w.Length >= 3 && local.Contains(w, StringComparison.Ordinal));
    }

    // A heading in capitals read into the name's line ("PERSONAL Ursula Stoltenberg", "INFORMATIONS Capucine Prevost").
    private static string WithoutGluedHeading(string name)
    {
        var words = name.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        return words.Length >= 3 && words[0].Length >= 4 && words[0].All(c => !char.IsLower(c)) && words.Skip(1).All(w => w.Any(char.IsLower))
            ? string.Join(' ', words.Skip(1))
            : name;
    }

    private static string? NameFromEmail(List<string> lines, string email)
    {
        string? best = null;
        var bestScore = 0;
        foreach (var line in lines.Take(120))
        {
            foreach (var piece in ContactPatterns.ContactSeparator().Split(CvText.StripBullet(line)))
            {
                var candidate = NormaliseName(DocumentTitle().Replace(piece.Trim(), ""));
                candidate = WithoutGluedHeading(candidate);
                if (CvText.WordCount(candidate) < 2 || !IsNameLike(candidate) || SkillTaxonomy.Find(candidate) is not null || LanguageLevelMapper.LeadingLanguage(candidate) is not null)
                    continue;
                var score = EmailMatches(candidate, email);
                if (score > bestScore)
                    (best, bestScore) = (candidate, score);
            }
        }

        return best;
    }

    private static bool IsNameLike(string text)
    {
        var words = text.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        return words.Length is >= 1 and <= 4
            && words.All(w => w.Length > 0 && char.IsUpper(w[0]) && w.All(c => char.IsLetter(c) || c is '-' or '\'' or '’' or '.'))
            && SectionDetector.Classify(text) is null
            && FieldClassifier.PositionScore(text) == 0;
    }

    // Phone numbers without a country code take the region of the document: its address's country (a US state is the
    // US), the country code of another number it prints, then its language.
    private static List<string> Regions(PersonalInfo info, string language, List<string> header)
    {
        var regions = new List<string>();
        if (FieldClassifier.CountryCode(info.Country) is { } code)
            regions.Add(code);
        else if (info.State.Length > 0 && AddressParser.UsState(info.State) is not null)
            regions.Add("US");
        regions.AddRange(PhoneNormalizer.InternationalRegions(string.Join('\n', header.Take(40))).Take(1));
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

    // A sidebar read into the middle of an entry ("+1 404 555 0142" / e-mail / "Portland, OR, US" between two bullets):
    // the short lines around an e-mail address that the header lacks are its contact block, read after the header's lines.
    private static List<string> ContactBlockInEntries(List<string> lines, List<string> header, string email)
    {
        if (email.Length == 0 || header.Exists(l => l.Contains(email, StringComparison.OrdinalIgnoreCase)))
            return [];
        var at = lines.FindIndex(l => l.Contains(email, StringComparison.OrdinalIgnoreCase));
        if (at < 0)
            return [];
        var block = new List<string>();
        for (var i = Math.Max(0, at - 3); i <= Math.Min(lines.Count - 1, at + 3); i++)
        {
            if (i != at && DateRangeParser.Find(lines[i]) is null && !CvText.IsSentence(lines[i]) && CvText.WordCount(lines[i]) <= 6 && !lines[i].TrimStart().StartsWith('·') && !lines[i].TrimStart().StartsWith('•'))
                block.Add(lines[i]);
        }

        return block;
    }

    private static void AssignPhones(PersonalInfo info, Dictionary<string, string> labels, List<string> header, List<string> regions)
    {
        string? Parse(string value) => PhoneNormalizer.Candidates(value).Select(c => PhoneNormalizer.ToE164(c, RegionsFor(c, info, regions))).FirstOrDefault(p => p is not null);

        var mobile = ContactPatterns.Label(labels, "mobile", "mobile phone", "mobil", "handy", "natel", "cell", "cellphone", "cell phone", "cellulare", "portable", "téléphone portable", "mobiltelefon", "tel. mobile", "cellulaire");
        var home = ContactPatterns.Label(labels, "telefon privat", "home", "home phone", "privat", "festnetz", "téléphone privé", "téléphone fixe", "domicile", "telefono fisso", "telefono privato", "casa", "tel. privat");
        var generic = ContactPatterns.Label(labels, "phone", "telephone", "telefon", "tel", "tel.", "téléphone", "telefono", "tél", "tél.", "phone number");
        info.MobilePhone = Parse(mobile) ?? "";
        info.HomePhone = Parse(home) ?? "";
        if (info.MobilePhone.Length == 0 && Parse(generic) is { } g)
        {
            info.MobilePhone = g;
        }

        if (info.MobilePhone.Length > 0)
            return;
        // One contact line often carries email, phone and address between separators: each piece is judged alone.
        foreach (var clean in header.Take(40).SelectMany(l => ContactPatterns.ContactSeparator().Split(CvText.StripBullet(l))))
        {
            foreach (var candidate in PhoneNormalizer.Candidates(clean))
            {
                // The number must be most of the line: dates and postcodes inside text are no phones; a number with its
                // international prefix ("+1 (415) 555-0142") is one wherever it stands.
                var international = candidate.StartsWith('+') && candidate.Count(char.IsDigit) >= 9;
                if (!international && candidate.Count(char.IsDigit) * 10 < clean.Count(char.IsLetterOrDigit) * 6)
                    continue;
                if (DateRangeParser.Find(candidate) is not null || IsDayDate(candidate))
                    continue;
                if (PhoneNormalizer.ToE164(candidate, RegionsFor(candidate, info, regions)) is { } e164 && e164 != info.HomePhone)
                {
                    info.MobilePhone = e164;
                    return;
                }
            }
        }
    }

    private static string LinkedIn(string text, Dictionary<string, string> labels, List<string> header)
    {
        static string Url(string handle) => LinkedInUrl(handle);
        var url = ContactPatterns.LinkedInUrlPattern().Match(text);
        if (url.Success)
            return Url(url.Groups[1].Value);
        // "LinkedIn: anna-keller", "LinkedIn: /in/anna-keller", "LinkedIn: in/anna-keller" (a printed handle, no host).
        var labelled = PrintedHandle().Replace(ContactPatterns.Label(labels, "linkedin", "linked in", "linkedin profile", "linkedin-profil", "profil linkedin", "profilo linkedin").Trim(), "");
        if (labelled.Length > 0 && ContactPatterns.HandlePattern().IsMatch(labelled.ToLowerInvariant()))
            return Url(labelled);
        if (InHandle().Match(text) is { Success: true } inHandle)
            return Url(inHandle.Groups[1].Value);
        var suffixed = LinkedInSuffixed().Match(text);
        if (suffixed.Success)
            return Url(suffixed.Groups[1].Value);
        foreach (var line in header.Take(40))
        {
            var t = CvText.StripBullet(line).Trim();
            if (ContactPatterns.HandlePattern().IsMatch(t) && t.Contains('-', StringComparison.Ordinal) && t.Any(char.IsLetter) && !t.Any(char.IsUpper) && DateRangeParser.Find(t) is null)
                return Url(t);
        }

        return "";
    }

    /// <summary>The profile URL of a LinkedIn handle, in the one form the profile uses.</summary>
    internal static string LinkedInUrl(string handle) => "https://www.linkedin.com/in/" + handle.Trim().Trim('/');

    // "(415) 555-0142" and "415-555-0142" are the North American way of writing a number: in an English CV with no
    // other country printed (or a US state), such a number is tried as a US one first.
    private static List<string> RegionsFor(string candidate, PersonalInfo info, List<string> regions)
    {
        var country = FieldClassifier.CountryCode(info.Country);
        var english = regions.Count > 0 && regions[0] is "GB" or "US" || info.State.Length > 0;
        if (!NanpFormat().IsMatch(candidate.Trim()) || !english || (country is not null && country is not ("US" or "CA")))
            return regions;
        return [.. new[] { country ?? "US", "US", "CA" }.Concat(regions).Distinct(StringComparer.Ordinal)];
    }

    private static bool IsDayDate(string text) => DayDate().IsMatch(text.Trim());

    // A header prints a full day date only as the birth date: "19/05/1996" beside the phone, or "geb. 12.03.1990".
    private static string UnlabelledBirthDate(List<CvSection> sections)
    {
        foreach (var line in sections.Where(s => s.Kind is SectionKind.Header or SectionKind.Personal).SelectMany(s => s.Lines).Take(40))
        {
            if (BornPrefix().Match(line) is { Success: true } born && BirthDate(born.Groups["date"].Value) is { Length: > 0 } prefixed)
                return prefixed;
            foreach (var piece in ContactPatterns.ContactSeparator().Split(CvText.StripBullet(line)))
            {
                if (IsDayDate(piece) && BirthDate(piece) is { Length: > 0 } date && date[..4] is var year && string.CompareOrdinal(year, "1920") >= 0 && string.CompareOrdinal(year, "2015") <= 0)
                    return date;
            }
        }

        return "";
    }

    private static string BirthDate(string value)
    {
        if (value.Length == 0)
            return "";
        var numeric = NumericBirthDate().Match(value);
        if (numeric.Success)
            return Iso(numeric.Groups[3].Value, numeric.Groups[2].Value, numeric.Groups[1].Value);
        var iso = IsoBirthDate().Match(value);
        if (iso.Success)
            return Iso(iso.Groups[1].Value, iso.Groups[2].Value, iso.Groups[3].Value);
        var named = NamedBirthDate().Match(value);
        if (named.Success && DateRangeParser.MonthNumber(named.Groups[2].Value) is { } month)
            return Iso(named.Groups[3].Value, month.ToString(CultureInfo.InvariantCulture), named.Groups[1].Value);
        var us = UsBirthDate().Match(value);
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

    [GeneratedRegex(@"^(?:curriculum vitae|lebenslauf|cv|resume|résumé|curriculum)\b[\s:–-]*", RegexOptions.IgnoreCase, matchTimeoutMilliseconds: 1000)]
    private static partial Regex DocumentTitle();

    [GeneratedRegex(@"([A-Za-z0-9][\w\-]{2,100})\s*\(LinkedIn\)", RegexOptions.None, matchTimeoutMilliseconds: 1000)]
    private static partial Regex LinkedInSuffixed();

    [GeneratedRegex(@"^(?:https?://)?(?:[a-z]{2,3}\.)?(?:linkedin\.com)?/?in/", RegexOptions.IgnoreCase, matchTimeoutMilliseconds: 1000)]
    private static partial Regex PrintedHandle();

    // "/in/anna-keller" printed on its own (beside a LinkedIn icon) is a LinkedIn path wherever it stands.
    [GeneratedRegex(@"(?<![\w./])/in/([A-Za-z0-9][A-Za-z0-9\-_%]{2,99})\b", RegexOptions.None, matchTimeoutMilliseconds: 1000)]
    private static partial Regex InHandle();

    [GeneratedRegex(@"\b(\d{1,2})[./-](\d{1,2})[./-]((?:19|20)\d{2})\b", RegexOptions.None, matchTimeoutMilliseconds: 1000)]
    private static partial Regex NumericBirthDate();

    [GeneratedRegex(@"\b((?:19|20)\d{2})-(\d{2})-(\d{2})\b", RegexOptions.None, matchTimeoutMilliseconds: 1000)]
    private static partial Regex IsoBirthDate();

    [GeneratedRegex(@"\b(\d{1,2})\.?\s*(?:er\s+)?(\p{L}+)\.?\s+((?:19|20)\d{2})\b", RegexOptions.None, matchTimeoutMilliseconds: 1000)]
    private static partial Regex NamedBirthDate();

    [GeneratedRegex(@"\b(\p{L}+)\.?\s+(\d{1,2}),?\s+((?:19|20)\d{2})\b", RegexOptions.None, matchTimeoutMilliseconds: 1000)]
    private static partial Regex UsBirthDate();

    [GeneratedRegex(@"^(?:(?:Prof|Dr|PD|Dipl|Mag|Ing|lic|med|phil|rer|nat|sc|techn)\.(?:-Ing\.)?\s*)+", RegexOptions.IgnoreCase, matchTimeoutMilliseconds: 1000)]
    private static partial Regex AcademicTitle();

    [GeneratedRegex(@"^(?:\+?1[\s.\-]?)?\(?\d{3}\)?[\s.\-]{0,2}\d{3}[\s.\-]\d{4}$", RegexOptions.None, matchTimeoutMilliseconds: 1000)]
    private static partial Regex NanpFormat();

    [GeneratedRegex(@"^(?:\d{1,2}[./]\d{1,2}[./](?:19|20)\d{2}|(?:19|20)\d{2}-\d{2}-\d{2}|\d{1,2}\.?\s+\p{L}{3,9}\.?\s+(?:19|20)\d{2})$", RegexOptions.None, matchTimeoutMilliseconds: 1000)]
    private static partial Regex DayDate();

    [GeneratedRegex(@"(?:\bgeb\.|\bgeboren(?:\s+am)?|\bgeburtsdatum|\bn[ée]e?\s+le|\bnat[oa]\s+il|\bborn(?:\s+on)?|\bdate of birth|\bbirth\s?date|\bdate de naissance|\bdata di nascita|\bd\.o\.b\.|\bdob\b)\s*:?\s*(?<date>\d{1,2}\.?\s*(?:\p{L}+\.?|\d{1,2}[./])\s*(?:19|20)\d{2}|(?:19|20)\d{2}-\d{2}-\d{2}|\d{1,2}[./]\d{1,2}[./](?:19|20)\d{2})", RegexOptions.IgnoreCase, matchTimeoutMilliseconds: 1000)]
    private static partial Regex BornPrefix();
}
