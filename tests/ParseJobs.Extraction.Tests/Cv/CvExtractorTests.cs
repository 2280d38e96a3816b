using ParseJobs.Extraction.Cv;
using ParseJobs.Extraction.Parsing;

namespace ParseJobs.Extraction.Tests.Cv;

public sealed class CvExtractorTests
{
    private readonly CvExtractor extractor = new();

    [Fact]
    public void Extract_JoinsADateRangeWrappedInItsColumn_WhenTheYearFallsOnTheNextLine()
    {
        string[] lines =
        [
            "Jana Keller", "jana.keller@example.ch", "Berufserfahrung",
            "April 2018 – Oktober\tVerkaufsberaterin", "2021\tCasali Logistica S.p.A., Torino", "Beratung von Geschäftskunden.",
        ];
        var document = new ExtractedDocument(DocumentType.Pdf, [new ExtractedPage(1, string.Join('\n', lines))]);

        var job = Assert.Single(extractor.Extract(document).Experience);

        Assert.Equal("04.2018", job.StartDate);
        Assert.Equal("10.2021", job.EndDate);
        Assert.Equal("Verkaufsberaterin", job.Position);
        Assert.Equal("Casali Logistica S.p.A.", job.Company);
    }

    [Fact]
    public void Extract_CompletesADateRange_WhenItsColumnWrappedOverThreeLinesBesideTheEntry()
    {
        string[] lines =
        [
            "Camille Joly", "camille.joly@example.fr", "Expérience professionnelle",
            "décembre 2020\tCheffe de projet informatique", "– septembre", "Joly et Laurent, Strasbourg", "2021",
            "Recueil des besoins et rédaction de la documentation technique.",
        ];
        var document = new ExtractedDocument(DocumentType.Pdf, [new ExtractedPage(1, string.Join('\n', lines))]);

        var job = Assert.Single(extractor.Extract(document).Experience);

        Assert.Equal("12.2020", job.StartDate);
        Assert.Equal("09.2021", job.EndDate);
        Assert.Equal("Cheffe de projet informatique", job.Position);
        Assert.Equal("Joly et Laurent", job.Company);
    }

    [Theory]
    [InlineData("EPFL – École polytechnique fédérale de Lausanne")]
    [InlineData("Università degli Studi di Milano")]
    public void Extract_KeepsTheInstitution_WhenItsNameReadsLikeASentence(string school)
    {
        string[] lines = ["Jane Doe", "jane@example.com", "Education", school, "Bachelor of Arts in Mathematics", "Mar 2016 – Mar 2019"];
        var document = new ExtractedDocument(DocumentType.Txt, [new ExtractedPage(1, string.Join('\n', lines))]);

        var education = Assert.Single(extractor.Extract(document).Education);

        Assert.Equal(school, education.Institution);
        Assert.Equal("Bachelor of Arts in Mathematics", education.Degree);
    }

    [Fact]
    public void Extract_ReadsTheLevelUnderItsLanguage_WhenLevelsStandOnTheirOwnLines()
    {
        string[] lines = ["Jane Doe", "jane@example.com", "Languages", "English", "Native speaker", "Spanish", "Beginner (A1)", "French", "Fluent (C2)"];
        var document = new ExtractedDocument(DocumentType.Txt, [new ExtractedPage(1, string.Join('\n', lines))]);

        var languages = extractor.Extract(document).Languages;

        Assert.Equal(["English", "Spanish", "French"], languages.Select(l => l.Language).ToArray());
        Assert.Equal(["Native speaker", "Beginner (A1)", "Fluent (C2)"], languages.Select(l => l.Proficiency).ToArray());
        Assert.Equal(["C2", "A1", "C2"], languages.Select(l => l.StandardProficiency).ToArray());
    }

    [Fact]
    public void Extract_FillsProfile_WhenEnglishPlainTextCv()
    {
        const string text = """
            Yadira Schroeder
            Electrical Engineer

            Address: 118 Main, Seattle, WA 98101
            Mobile: +1 206-555-0101
            Email: yadiraschroeder76@icloud.com
            LinkedIn: linkedin.com/in/yadira-schroeder-f0olxi

            PERSONAL DETAILS
            ================
            Date of birth: 25 April 1997

            PROFILE
            =======
            Experienced Electrical Engineer focused on healthcare. Skilled in GraphQL.

            WORK EXPERIENCE
            ===============

            Jan 2020 - Mar 2022  Electrical Engineer
            Monahan Inc, New York
            Member of the platform team working on JavaScript and Flask.
              - Introduced IFRS accounting practices across the department.

            EDUCATION
            =========

            2016 – 2019  Bachelor of Arts in Psychology
            Georgia Institute of Technology

            SKILLS
            ======
            IT skills: MATLAB, CSS, GitLab CI
            Soft skills: Teamwork, Creativity

            LANGUAGES
            =========
            English – Native speaker
            Spanish – Fluent (C2)

            INTERESTS
            =========
            Travelling, Photography
            """;

        var profile = Extract(text);

        var info = profile.PersonalInfo;
        Assert.Equal("Yadira Schroeder", info.FullName);
        Assert.Equal("yadiraschroeder76@icloud.com", info.Email);
        Assert.Equal("+12065550101", info.MobilePhone);
        Assert.Equal("https://www.linkedin.com/in/yadira-schroeder-f0olxi", info.LinkedIn);
        Assert.Equal("1997-04-25", info.BirthDate);
        Assert.Equal("Seattle", info.City);
        Assert.Equal("WA", info.State);
        Assert.Equal("98101", info.PostalCode);
        Assert.StartsWith("Experienced Electrical Engineer", profile.ProfessionalSummary, StringComparison.Ordinal);

        var job = Assert.Single(profile.Experience);
        Assert.Equal(("exp_1", "Monahan Inc", "Electrical Engineer", "01.2020", "03.2022", "New York"), (job.Id, job.Company, job.Position, job.StartDate, job.EndDate, job.City));
        Assert.Equal("Member of the platform team working on JavaScript and Flask.\nIntroduced IFRS accounting practices across the department.", job.Description);

        var school = Assert.Single(profile.Education);
        Assert.Equal(("edu_1", "Georgia Institute of Technology", "Bachelor of Arts in Psychology", "Psychology", "2016", "2019"),
            (school.Id, school.Institution, school.Degree, school.FieldOfStudy, school.StartDate, school.EndDate));

        Assert.Equal(["MATLAB", "CSS", "GitLab CI"], profile.Skills.ItSkills);
        Assert.Equal(["Teamwork", "Creativity"], profile.Skills.SoftSkills);
        Assert.Equal([("English", "C2", "Native speaker"), ("Spanish", "C2", "Fluent (C2)")],
            profile.Languages.Select(l => (l.Language, l.StandardProficiency, l.Proficiency)));
        Assert.Equal(["Travelling", "Photography"], profile.HobbiesInterests);
    }

    [Fact]
    public void Extract_FillsProfile_WhenGermanCvWithUmlautsAndOpenEndedJob()
    {
        const string text = """
            JÜRG MÜLLER
            Systemadministrator
            Adresse:	Kirchweg 89, 9000 St. Gallen, Schweiz
            Mobile:	078 344 64 49
            E-Mail:	juerg.mueller@outlook.com
            PERSÖNLICHE ANGABEN
            Geburtsdatum:	04.03.1996
            Nationalität:	Schweiz
            BERUFSERFAHRUNG
            März 2020 bis heute	Systemadministrator · Vollzeit
            Koch, Kaiser und Herzog, Basel
            Tätig in einem interdisziplinären Team für Kunden aus dem Bereich Öffentliche Verwaltung.
            • Verantwortlich für Budgetierung und monatliches Reporting.
            seit 2015	Informatiker
            Müller Technik AG, Zürich
            AUSBILDUNG
            2016 – 2019	Bachelor of Science in Informatik
            Fachhochschule Nordwestschweiz FHNW
            KENNTNISSE
            IT-Kenntnisse	C++, Linux, MongoDB
            Fachkompetenzen	Budgetierung, Qualitätssicherung
            SPRACHEN
            Deutsch – Muttersprache
            Englisch – verhandlungssicher (C1)
            HOBBYS
            Klettern, Fotografie
            """;

        var profile = Extract(text);

        var info = profile.PersonalInfo;
        Assert.Equal("JÜRG MÜLLER", info.FullName);
        Assert.Equal("+41783446449", info.MobilePhone);
        Assert.Equal("1996-03-04", info.BirthDate);
        Assert.Equal(("Kirchweg 89", "9000", "St. Gallen", "Schweiz"), (info.StreetAndNumber, info.PostalCode, info.City, info.Country));
        Assert.Equal("Schweiz", info.Nationality);

        Assert.Equal(2, profile.Experience.Count);
        var first = profile.Experience[0];
        Assert.Equal(("Koch, Kaiser und Herzog", "Systemadministrator", "Vollzeit", "03.2020", "", "Basel"),
            (first.Company, first.Position, first.EmploymentType, first.StartDate, first.EndDate, first.City));
        Assert.EndsWith("\nVerantwortlich für Budgetierung und monatliches Reporting.", first.Description, StringComparison.Ordinal);
        var second = profile.Experience[1];
        Assert.Equal(("exp_2", "Müller Technik AG", "Informatiker", "2015", ""), (second.Id, second.Company, second.Position, second.StartDate, second.EndDate));

        var school = Assert.Single(profile.Education);
        Assert.Equal("Fachhochschule Nordwestschweiz FHNW", school.Institution);
        Assert.Equal("Bachelor of Science in Informatik", school.Degree);

        Assert.Equal(["C++", "Linux", "MongoDB"], profile.Skills.ItSkills);
        Assert.Equal(["Budgetierung", "Qualitätssicherung"], profile.Skills.HardSkills);
        Assert.Equal(["Deutsch", "Englisch"], profile.Languages.Select(l => l.Language).ToList());
        Assert.Equal("C1", profile.Languages[1].StandardProficiency);
        Assert.Equal(["Klettern", "Fotografie"], profile.HobbiesInterests);
    }

    [Fact]
    public void Extract_ReadsFrenchHeadingsAndDates_WhenFrenchCv()
    {
        const string text = """
            Camille Dubois
            Adresse : 12 rue de Lyon, 1201 Genève, Suisse
            Téléphone : 079 555 12 34
            camille.dubois@example.ch
            EXPÉRIENCE PROFESSIONNELLE
            02.2023 – aujourd'hui	Comptable
            Beyeler Ingénierie SA, Zürich
            Support de plus de 900 utilisateurs dans le secteur télécommunications.
            FORMATION
            2015 – 2018	Bachelor en Économie
            Université de Genève
            LANGUES
            Français – Langue maternelle
            Anglais – Courant (B2)
            LOISIRS
            Randonnée, Lecture
            """;

        var profile = Extract(text);

        Assert.Equal("Camille Dubois", profile.PersonalInfo.FullName);
        Assert.Equal("+41795551234", profile.PersonalInfo.MobilePhone);
        Assert.Equal("Genève", profile.PersonalInfo.City);
        var job = Assert.Single(profile.Experience);
        Assert.Equal(("Beyeler Ingénierie SA", "Comptable", "02.2023", ""), (job.Company, job.Position, job.StartDate, job.EndDate));
        var school = Assert.Single(profile.Education);
        Assert.Equal(("Université de Genève", "Bachelor en Économie"), (school.Institution, school.Degree));
        Assert.Equal([("Français", "C2"), ("Anglais", "B2")], profile.Languages.Select(l => (l.Language, l.StandardProficiency)));
        Assert.Equal(["Randonnée", "Lecture"], profile.HobbiesInterests);
    }

    [Fact]
    public void Extract_ReadsItalianCv_WhenDatesUseMonthNames()
    {
        const string text = """
            Crescenzio Forconi
            Indirizzo: Strada Oliviero 48, 6500 Bellinzona, Svizzera
            Cellulare: +41 79 723 60 43
            E-mail: crescenzio_forconi59@protonmail.com
            Data di nascita: 7 marzo 1992
            ESPERIENZA PROFESSIONALE
            dicembre 2022 – oggi	Consulente SAP
            Melillo-Dodaro e figli, Baden
            Supporto a oltre 200 utenti nel settore industria.
            FORMAZIONE
            2012 – 2015	Bachelor in Economia
            Università della Svizzera italiana
            LINGUE
            Italiano – Madrelingua
            """;

        var profile = Extract(text);

        Assert.Equal("1992-03-07", profile.PersonalInfo.BirthDate);
        Assert.Equal("+41797236043", profile.PersonalInfo.MobilePhone);
        Assert.Equal("Bellinzona", profile.PersonalInfo.City);
        var job = Assert.Single(profile.Experience);
        Assert.Equal(("Melillo-Dodaro e figli", "Consulente SAP", "12.2022", "", "Baden"), (job.Company, job.Position, job.StartDate, job.EndDate, job.City));
        Assert.Equal("Economia", Assert.Single(profile.Education).FieldOfStudy);
        Assert.Equal("Italiano", Assert.Single(profile.Languages).Language);
    }

    [Fact]
    public void Extract_ReturnsOnlyPrintedValues_WhenCvIsSparse()
    {
        var profile = Extract("Anna Muster\nSoftware Engineer");

        Assert.Equal("Anna Muster", profile.PersonalInfo.FullName);
        Assert.Equal("", profile.PersonalInfo.Email);
        Assert.Equal("", profile.PersonalInfo.MobilePhone);
        Assert.Empty(profile.Experience);
        Assert.Empty(profile.Languages);
    }

    private CvProfile Extract(string text) =>
        extractor.Extract(new ExtractedDocument(DocumentType.Txt, [new ExtractedPage(1, text.Replace("\r\n", "\n", StringComparison.Ordinal))]));
}
