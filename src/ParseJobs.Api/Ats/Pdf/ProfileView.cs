namespace ParseJobs.Api.Ats.Pdf;

// The template's model: only what the page prints, already anonymised and formatted, so that the template holds no
// logic beyond "is this section empty". Fluid reads these public properties; it HTML-encodes every value it prints.

public sealed record ProfileView(
    string Title,
    string Headline,
    string Availability,
    IReadOnlyList<ContactView> Contact,
    IReadOnlyList<ProfileLine> Summary,
    IReadOnlyList<ExperienceView> Experience,
    IReadOnlyList<EducationView> Education,
    IReadOnlyList<SkillGroupView> Skills,
    IReadOnlyList<LanguageView> Languages,
    string Hobbies,
    BrandingView Branding,
    ProfileLabels Labels);

public sealed record ExperienceView(string Position, string Company, string Dates, string Location, IReadOnlyList<ProfileLine> Lines);

public sealed record EducationView(string Degree, string Institution, string Dates, string Location, IReadOnlyList<ProfileLine> Lines);

public sealed record ContactView(string Label, string Value);

public sealed record SkillGroupView(string Name, string Items);

public sealed record LanguageView(string Language, string Level);

/// <summary>One line of free text; a bullet when the CV wrote it as one (-, •, * …).</summary>
public sealed record ProfileLine(string Text, bool Bullet);

public sealed record BrandingView(string OrganisationName, string AccentColor, string? LogoDataUri, string Language, string Css);
