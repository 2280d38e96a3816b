using System.Globalization;
using System.IO.Compression;
using System.Text;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using UglyToad.PdfPig.Core;
using UglyToad.PdfPig.Fonts.Standard14Fonts;
using UglyToad.PdfPig.Writer;
using PdfPageSize = UglyToad.PdfPig.Content.PageSize;

namespace ParseJobs.Bench;

/// <summary>
/// Distinct CVs for the batch benchmark, made at run time (PDF with PdfPig's builder, DOCX with Open XML, TXT): one
/// in three of each format, roles and skills varied so that scores spread, each with its own name, e-mail and
/// reference (the service does not parse a document again that it parsed before: every run needs new ones).
/// </summary>
public static class BatchCorpus
{
    public const string JobDescription = """
        Senior Backend Developer (m/f/d), Zurich

        We are a software company building payment platforms for banks. You will design and run our backend services.

        Requirements:
        - 5+ years of experience as a backend developer
        - Must have: Python, PostgreSQL, Docker, Kubernetes
        - Required: REST APIs and Git
        - Bachelor's degree in Computer Science or a related field

        Nice to have:
        - Kafka, AWS or Terraform is a plus
        - Experience in the financial services sector
        """;

    private static readonly string[] FirstNames = ["Anna", "Luca", "Mia", "Noah", "Lea", "Elias", "Sofia", "David", "Laura", "Jonas", "Sara", "Marco", "Nina", "Tim", "Julia", "Felix"];
    private static readonly string[] LastNames = ["Keller", "Meier", "Huber", "Rossi", "Weber", "Frei", "Schmid", "Bianchi", "Brunner", "Gerber", "Baumann", "Fischer", "Moser", "Graf", "Steiner", "Roth"];

    // (role, employer sector, skills it brings): from close matches to the job to clearly unrelated profiles.
    private static readonly (string Role, string Sector, string[] Skills)[] Profiles =
    [
        ("Senior Backend Developer", "Banking", ["Python", "PostgreSQL", "Docker", "Kubernetes", "REST APIs", "Git", "Kafka"]),
        ("Backend Developer", "Software", ["Python", "Django", "PostgreSQL", "Docker", "Git", "REST APIs"]),
        ("Software Engineer", "Insurance", ["Java", "Spring Boot", "PostgreSQL", "Docker", "Git", "AWS"]),
        ("DevOps Engineer", "Telecommunications", ["Kubernetes", "Docker", "Terraform", "AWS", "Python", "Git"]),
        ("Data Engineer", "Retail", ["Python", "SQL", "Spark", "Airflow", "Kafka", "PostgreSQL"]),
        ("Full Stack Developer", "E-commerce", ["JavaScript", "TypeScript", "React", "Node.js", "PostgreSQL", "Docker", "Git"]),
        ("Frontend Developer", "Media", ["JavaScript", "React", "CSS", "HTML", "Git"]),
        ("QA Engineer", "Software", ["Selenium", "Python", "Jenkins", "Git"]),
        ("Project Manager", "Construction", ["Scrum", "Jira", "Stakeholder management", "MS Project"]),
        ("Accountant", "Manufacturing", ["SAP", "Excel", "IFRS", "Payroll"]),
    ];

    private static readonly string[] Degrees =
    [
        "MSc Computer Science, ETH Zurich", "BSc Computer Science, University of Bern", "BSc Business Informatics, ZHAW",
        "Federal VET Diploma Software Developer", "MA Economics, University of Zurich",
    ];

    public sealed record Cv(string FileName, byte[] Content);

    /// <summary><paramref name="count"/> CVs; <paramref name="salt"/> makes them differ from another run's.</summary>
    public static IReadOnlyList<Cv> Make(int count, string salt)
    {
        var cvs = new List<Cv>(count);
        for (var i = 0; i < count; i++)
        {
            var lines = Lines(i, salt);
            var name = $"{FirstNames[i % FirstNames.Length]}-{LastNames[(i / FirstNames.Length) % LastNames.Length]}-{i:D4}".ToLowerInvariant();
            cvs.Add((i % 3) switch
            {
                0 => new Cv($"pdf/{name}.pdf", Pdf(lines)),
                1 => new Cv($"docx/{name}.docx", Docx(lines)),
                _ => new Cv($"text/{name}.txt", Encoding.UTF8.GetBytes(string.Join('\n', lines))),
            });
        }

        return cvs;
    }

    /// <summary>The CVs as a ZIP with nested folders, as agencies send them.</summary>
    public static byte[] Zip(IReadOnlyList<Cv> cvs)
    {
        using var stream = new MemoryStream();
        using (var zip = new ZipArchive(stream, ZipArchiveMode.Create, leaveOpen: true))
        {
            foreach (var cv in cvs)
            {
                using var entry = zip.CreateEntry($"candidates/{cv.FileName}", CompressionLevel.Fastest).Open();
                entry.Write(cv.Content);
            }
        }

        return stream.ToArray();
    }

    private static List<string> Lines(int i, string salt)
    {
        var first = FirstNames[i % FirstNames.Length];
        var last = LastNames[(i / FirstNames.Length) % LastNames.Length];
        var profile = Profiles[(i * 7) % Profiles.Length];
        var years = 1 + (i * 5 % 15);
        var since = 2025 - years;
        // Drop one or two of the profile's skills for some candidates, so that the same profile does not score the same.
        var skills = profile.Skills.Where((_, k) => (i + k) % 5 != 0).ToList();
        var invariant = CultureInfo.InvariantCulture;
        return
        [
            $"{first} {last}",
            $"{first.ToLowerInvariant()}.{last.ToLowerInvariant()}{i}@example.com",
            string.Create(invariant, $"+41 79 {100 + (i % 900):D3} {10 + (i % 90):D2} {10 + (i * 7 % 90):D2}"),
            "Zurich, Switzerland",
            "",
            "Profile",
            $"{profile.Role} with {years} years of experience in the {profile.Sector.ToLowerInvariant()} sector.",
            "",
            "Experience",
            $"{profile.Role}, {last} {profile.Sector} AG, Zurich",
            string.Create(invariant, $"01/{since + (years / 2)} - Present"),
            $"Worked with {string.Join(", ", skills.Take(3))} on products used by thousands of customers.",
            $"Junior {profile.Role}, {first} Solutions GmbH, Bern",
            string.Create(invariant, $"03/{since} - 12/{since + (years / 2) - 1}"),
            "Delivered features in a team of six and took part in code reviews.",
            "",
            "Education",
            Degrees[i % Degrees.Length],
            string.Create(invariant, $"{since - 4} - {since}"),
            "",
            "Skills",
            string.Join(", ", skills),
            "",
            "Languages",
            "German: native",
            "English: fluent (C1)",
            "",
            $"Reference {salt}-{i:D5}",
        ];
    }

    private static byte[] Pdf(IReadOnlyList<string> lines)
    {
        var builder = new PdfDocumentBuilder();
        var font = builder.AddStandard14Font(Standard14Font.Helvetica);
        var page = builder.AddPage(PdfPageSize.A4);
        var y = 800.0;
        foreach (var line in lines)
        {
            if (line.Length > 0)
            {
                page.AddText(line, 10, new PdfPoint(50, y), font);
            }

            y -= 15;
        }

        return builder.Build();
    }

    private static byte[] Docx(IReadOnlyList<string> lines)
    {
        using var stream = new MemoryStream();
        using (var document = WordprocessingDocument.Create(stream, WordprocessingDocumentType.Document))
        {
            var main = document.AddMainDocumentPart();
            var body = new Body();
            foreach (var line in lines)
            {
                body.Append(new Paragraph(new Run(new Text(line) { Space = SpaceProcessingModeValues.Preserve })));
            }

            main.Document = new Document(body);
            main.Document.Save();
        }

        return stream.ToArray();
    }
}
