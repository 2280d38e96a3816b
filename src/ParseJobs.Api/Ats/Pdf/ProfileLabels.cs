namespace ParseJobs.Api.Ats.Pdf;

/// <summary>The PDF's fixed words in the agency's language: headings, "present", the page footer and the level words
/// of shared/contracts language-levels (the first word of each CEFR row).</summary>
public sealed record ProfileLabels(
    string Summary,
    string Experience,
    string Education,
    string Skills,
    string FieldsOfExpertise,
    string HardSkills,
    string ItSkills,
    string SoftSkills,
    string Languages,
    string Interests,
    string Present,
    string Email,
    string Phone,
    string Address,
    string LinkedIn,
    string Born,
    string Availability,
    string Page,
    IReadOnlyDictionary<string, string> Levels)
{
    private static readonly Dictionary<string, ProfileLabels> ByLanguage = new(StringComparer.OrdinalIgnoreCase)
    {
        ["en"] = new("Profile", "Professional experience", "Education", "Skills", "Fields of expertise", "Professional skills",
            "IT skills", "Soft skills", "Languages", "Interests", "present", "E-mail", "Phone", "Address", "LinkedIn", "Date of birth", "Availability", "Page",
            Cefr("native", "fluent", "good", "intermediate", "basic", "beginner")),
        ["de"] = new("Profil", "Berufserfahrung", "Ausbildung", "Kompetenzen", "Fachgebiete", "Fachkenntnisse",
            "IT-Kenntnisse", "Soziale Kompetenzen", "Sprachen", "Interessen", "heute", "E-Mail", "Telefon", "Adresse", "LinkedIn", "Geburtsdatum", "Verfügbarkeit", "Seite",
            Cefr("Muttersprache", "fließend", "gut", "Mittelstufe", "Grundkenntnisse", "Anfänger")),
        ["fr"] = new("Profil", "Expérience professionnelle", "Formation", "Compétences", "Domaines d'expertise", "Compétences métier",
            "Informatique", "Savoir-être", "Langues", "Centres d'intérêt", "aujourd'hui", "E-mail", "Téléphone", "Adresse", "LinkedIn", "Date de naissance", "Disponibilité", "Page",
            Cefr("langue maternelle", "courant", "bon", "intermédiaire", "notions", "débutant")),
        ["it"] = new("Profilo", "Esperienza professionale", "Formazione", "Competenze", "Settori di competenza", "Competenze tecniche",
            "Competenze informatiche", "Competenze trasversali", "Lingue", "Interessi", "oggi", "E-mail", "Telefono", "Indirizzo", "LinkedIn", "Data di nascita", "Disponibilità", "Pagina",
            Cefr("madrelingua", "fluente", "buono", "intermedio", "base", "principiante")),
    };

    public static IEnumerable<string> Known => ByLanguage.Keys;

    public static bool IsKnown(string language) => ByLanguage.ContainsKey(language);

    public static ProfileLabels For(string? language) =>
        language is not null && ByLanguage.TryGetValue(language, out var labels) ? labels : ByLanguage["en"];

    private static Dictionary<string, string> Cefr(string c2, string c1, string b2, string b1, string a2, string a1) =>
        new(StringComparer.OrdinalIgnoreCase) { ["C2"] = c2, ["C1"] = c1, ["B2"] = b2, ["B1"] = b1, ["A2"] = a2, ["A1"] = a1 };
}
