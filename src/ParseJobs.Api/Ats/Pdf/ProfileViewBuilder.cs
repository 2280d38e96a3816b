using System.Globalization;
using PhoneNumbers;
using ParseJobs.Extraction.Cv;

namespace ParseJobs.Api.Ats.Pdf;

/// <summary>Turns a profile into what the page prints: the headline chosen, dates and places formatted, free text split
/// into lines and bullets, empty entries and sections dropped, and for the anonymised variant no name, contact block,
/// birth date, links or street, and the candidate's details scrubbed out of free text.</summary>
internal static class ProfileViewBuilder
{
    private const string Separator = " · ";
    private static readonly PhoneNumberUtil Phones = PhoneNumberUtil.GetInstance();

    public static ProfileView Build(ProfilePdfRequest request, BrandingView branding, ProfileLabels labels)
    {
        var profile = request.Profile;
        var person = profile.PersonalInfo;
        Func<string, string> text = request.Anonymised ? new ProfileScrubber(person, request.AnonymousLabel).Scrub : s => s;

        var title = request.Anonymised ? request.AnonymousLabel : person.FullName.Trim();
        var experience = profile.Experience
            .Select(e => new ExperienceView(text(e.Position.Trim()), text(e.Company.Trim()), Dates(e.StartDate, e.EndDate, labels),
                Place(e.City, e.State, e.Country), Lines(text(e.Description))))
            .Where(e => e.Position.Length + e.Company.Length + e.Lines.Count > 0)
            .ToList();
        var education = profile.Education
            .Select(e => new EducationView(text(Degree(e)), text(e.Institution.Trim()), Dates(e.StartDate, e.EndDate, labels),
                Place(e.City, e.State, e.Country), Lines(text(e.Description))))
            .Where(e => e.Degree.Length + e.Institution.Length + e.Lines.Count > 0)
            .ToList();
        var skills = new[]
            {
                new SkillGroupView(labels.FieldsOfExpertise, Join(profile.Skills.FieldsOfExpertise)),
                new SkillGroupView(labels.HardSkills, Join(profile.Skills.HardSkills)),
                new SkillGroupView(labels.ItSkills, Join(profile.Skills.ItSkills)),
                new SkillGroupView(labels.SoftSkills, Join(profile.Skills.SoftSkills)),
            }
            .Where(g => g.Items.Length > 0)
            .ToList();
        var languages = profile.Languages
            .Where(l => l.Language.Trim().Length > 0)
            .Select(l => new LanguageView(l.Language.Trim(), Level(l, labels)))
            .ToList();

        return new ProfileView(
            Title: title,
            Headline: text(Headline(profile)),
            Availability: person.Availability.Trim(),
            Contact: request.Anonymised ? [] : Contact(person, labels),
            Summary: Lines(text(profile.ProfessionalSummary)),
            Experience: experience,
            Education: education,
            Skills: skills,
            Languages: languages,
            Hobbies: text(string.Join(", ", profile.HobbiesInterests.Select(h => h.Trim()).Where(h => h.Length > 0))),
            Branding: branding,
            Labels: labels);
    }

    /// <summary>The current or latest position; without one, the summary's first phrase.</summary>
    internal static string Headline(CvProfile profile)
    {
        var withPosition = profile.Experience.Where(e => e.Position.Trim().Length > 0).ToList();
        var latest = withPosition.Find(e => e.EndDate.Trim().Length == 0 && e.StartDate.Trim().Length > 0)
            ?? withPosition.OrderByDescending(e => MonthKey(e.EndDate)).ThenByDescending(e => MonthKey(e.StartDate)).FirstOrDefault();
        if (latest is not null)
        {
            return latest.Position.Trim();
        }

        var summary = profile.ProfessionalSummary.Trim();
        var end = summary.IndexOfAny(['.', '!', '?', '\n', ';']);
        var phrase = (end < 0 ? summary : summary[..end]).Trim();
        if (phrase.Length <= 120)
        {
            return phrase;
        }

        var cut = phrase.LastIndexOf(' ', 119);
        return string.Concat(phrase.AsSpan(0, cut > 40 ? cut : 119), "…");
    }

    private static List<ContactView> Contact(PersonalInfo person, ProfileLabels labels)
    {
        var address = string.Join(", ", new[]
        {
            person.StreetAndNumber.Trim(),
            string.Join(' ', new[] { person.PostalCode.Trim(), person.City.Trim() }.Where(s => s.Length > 0)),
            person.Country.Trim(),
        }.Where(s => s.Length > 0));
        var birth = DateOnly.TryParseExact(person.BirthDate, "yyyy-MM-dd", out var date)
            ? date.ToString("dd.MM.yyyy", CultureInfo.InvariantCulture)
            : "";
        var linkedIn = person.LinkedIn.Trim();
        linkedIn = linkedIn.Replace("https://", "", StringComparison.OrdinalIgnoreCase).Replace("http://", "", StringComparison.OrdinalIgnoreCase)
            .Replace("www.", "", StringComparison.OrdinalIgnoreCase).TrimEnd('/');
        return [.. new ContactView[]
            {
                new(labels.Email, person.Email.Trim()), new(labels.Phone, Phone(person.MobilePhone)), new(labels.Phone, Phone(person.HomePhone)),
                new(labels.Address, address), new(labels.LinkedIn, linkedIn), new(labels.Born, birth),
            }.Where(c => c.Value.Length > 0)];
    }

    /// <summary>E.164 as people write it (+41 79 123 45 67); anything else as it came.</summary>
    private static string Phone(string e164)
    {
        e164 = e164.Trim();
        if (e164.Length == 0)
        {
            return "";
        }

        try
        {
            return Phones.Format(Phones.Parse(e164, null), PhoneNumberFormat.INTERNATIONAL);
        }
        catch (NumberParseException)
        {
            return e164;
        }
    }

    private static string Level(LanguageSkill language, ProfileLabels labels)
    {
        var cefr = language.StandardProficiency.Trim().ToUpperInvariant();
        var written = language.Proficiency.Trim();
        var word = labels.Levels.GetValueOrDefault(cefr);
        if (cefr.Length == 0 || word is null)
        {
            return written;
        }

        return $"{cefr}{Separator}{(written.Length > 0 ? written : word)}";
    }

    private static string Degree(EducationEntry e)
    {
        var degree = e.Degree.Trim();
        var field = e.FieldOfStudy.Trim();
        return field.Length == 0 || degree.Contains(field, StringComparison.OrdinalIgnoreCase) ? degree
            : degree.Length == 0 ? field : $"{degree}, {field}";
    }

    private static string Dates(string start, string end, ProfileLabels labels)
    {
        start = start.Trim();
        end = end.Trim();
        return (start.Length, end.Length) switch
        {
            (0, 0) => "",
            (0, _) => end,
            (_, 0) => $"{start} – {labels.Present}",
            _ => $"{start} – {end}",
        };
    }

    private static string Place(string city, string state, string country)
    {
        var first = city.Trim().Length > 0 ? city.Trim() : state.Trim();
        return string.Join(", ", new[] { first, country.Trim() }.Where(s => s.Length > 0).Distinct(StringComparer.OrdinalIgnoreCase));
    }

    private static string Join(IEnumerable<string> items) =>
        string.Join(Separator, items.Select(i => i.Trim()).Where(i => i.Length > 0).Distinct(StringComparer.OrdinalIgnoreCase));

    /// <summary>Free text as lines; a line the CV started with a bullet character becomes a bullet.</summary>
    private static List<ProfileLine> Lines(string text) =>
        [.. text.Split('\n', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)
            .Select(line => line.Length > 1 && "-•*–·▪●◦".Contains(line[0], StringComparison.Ordinal)
                ? new ProfileLine(line[1..].Trim(), Bullet: true)
                : new ProfileLine(line, Bullet: false))
            .Where(l => l.Text.Length > 0)];

    // MM.YYYY as YYYYMM; "" (ongoing, or unknown) sorts last among ends.
    private static int MonthKey(string value) =>
        value.Trim() is { Length: 7 } v && int.TryParse(v.AsSpan(3), CultureInfo.InvariantCulture, out var year)
            && int.TryParse(v.AsSpan(0, 2), CultureInfo.InvariantCulture, out var month) ? (year * 100) + month : 0;
}
