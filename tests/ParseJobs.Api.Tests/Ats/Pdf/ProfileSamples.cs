using System.Globalization;
using ParseJobs.Extraction.Cv;

namespace ParseJobs.Api.Tests.Ats.Pdf;

/// <summary>Profiles as the CV pipeline produces them, for the PDF tests.</summary>
internal static class ProfileSamples
{
    public const string Name = "Jörg Müller";
    public const string Email = "joerg.mueller@example.de";
    public const string Phone = "+491701234567";
    public const string BirthDate = "1988-07-14";

    /// <summary>A German profile with umlauts, ß and accents; <paramref name="jobs"/> experience entries (newest first),
    /// each with its markers "Position NN" and "Ende Eintrag NN" on its first and last lines.</summary>
    public static CvProfile German(int jobs = 3) => new()
    {
        PersonalInfo = new PersonalInfo
        {
            FullName = Name,
            Email = Email,
            MobilePhone = Phone,
            BirthDate = BirthDate,
            Nationality = "Deutschland",
            StreetAndNumber = "Untere Straße 5",
            PostalCode = "8001",
            City = "Zürich",
            Country = "Schweiz",
            LinkedIn = "https://www.linkedin.com/in/joerg-mueller",
            Availability = "ab 01.03.2027",
        },
        ProfessionalSummary = "Erfahrener Projektleiter für Großprojekte im Maschinenbau. " +
            $"Herr Müller ist erreichbar unter {Email} oder +49 170 1234567 und hat am 14.07.1988 Geburtstag; " +
            "Profil: linkedin.com/in/joerg-mueller, Wohnort Untere Straße 5.",
        Experience = [.. Enumerable.Range(1, jobs).Select(Job)],
        Education =
        [
            new EducationEntry
            {
                Institution = "École polytechnique fédérale de Lausanne", City = "Lausanne", Country = "Schweiz",
                Degree = "Master of Science", FieldOfStudy = "Maschinenbau", StartDate = "09.2008", EndDate = "07.2012",
            },
        ],
        Skills = new SkillSet
        {
            FieldsOfExpertise = ["Projektleitung", "Maschinenbau"],
            HardSkills = ["Qualitätsmanagement", "Lieferantenführung"],
            ItSkills = ["SAP S/4HANA", "MS Project"],
            SoftSkills = ["Durchsetzungsvermögen", "Kundenorientierung"],
        },
        Languages =
        [
            new LanguageSkill { Language = "Deutsch", StandardProficiency = "C2", Proficiency = "Muttersprache" },
            new LanguageSkill { Language = "Französisch", StandardProficiency = "B2", Proficiency = "" },
        ],
        HobbiesInterests = ["Bergsteigen", "Kochen"],
    };

    private static ExperienceEntry Job(int n)
    {
        var nn = n.ToString("00", CultureInfo.InvariantCulture);
        var endYear = 2026 - (2 * n);
        return new ExperienceEntry
        {
            Id = $"exp_{n}",
            Position = $"Position {nn} Projektleiter",
            Company = n % 2 == 0 ? "Nestlé Suisse SA" : "Bühler AG",
            StartDate = $"01.{endYear - 2}",
            EndDate = n == 1 ? "" : $"12.{endYear}",
            City = n % 2 == 0 ? "Vevey" : "Zürich",
            Country = "Schweiz",
            Description = "Verantwortung für die Planung und Umsetzung von Anlagen mit einem Budget von über 5 Mio. CHF.\n" +
                "- Führung eines interdisziplinären Teams von zwölf Ingenieurinnen und Ingenieuren\n" +
                "- Einführung eines Qualitätsprozesses, der die Reklamationsquote um ein Drittel senkte\n" +
                "- Abstimmung mit Kunden in Deutschland, Frankreich und Österreich über Termine und Änderungen\n" +
                $"- Ende Eintrag {nn}",
        };
    }
}
