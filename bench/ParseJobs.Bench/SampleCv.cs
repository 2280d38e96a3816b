using UglyToad.PdfPig.Core;
using UglyToad.PdfPig.Fonts.Standard14Fonts;
using UglyToad.PdfPig.Writer;
using PdfPageSize = UglyToad.PdfPig.Content.PageSize;

namespace ParseJobs.Bench;

/// <summary>CV PDFs made at run time with PdfPig's builder, so that no binary file is committed.</summary>
public static class SampleCv
{
    private static readonly string[] FirstPage =
    [
        "Anna Keller",
        "anna.keller@example.com",
        "+41 79 555 12 34",
        "Bahnhofstrasse 10, 8001 Zurich",
        "",
        "Profile",
        "Data engineer with eight years of experience in streaming and batch pipelines.",
        "",
        "Experience",
        "Senior Data Engineer, Helvetic Analytics AG, Zurich",
        "01/2020 - Present",
        "Built streaming pipelines with Kafka and Spark for 40 million events a day.",
        "Data Engineer, Alpine Insurance, Bern",
        "03/2016 - 12/2019",
        "Moved the nightly reporting from SSIS to Airflow and dbt.",
        "",
        "Education",
        "ETH Zurich, MSc Computer Science",
        "2014 - 2016",
        "University of Bern, BSc Computer Science",
        "2011 - 2014",
    ];

    private static readonly string[] SecondPage =
    [
        "Skills",
        "Python, SQL, Kafka, Spark, Airflow, dbt, PostgreSQL, Docker, Kubernetes",
        "Teamwork, communication, mentoring",
        "",
        "Languages",
        "German: native",
        "English: fluent (C1)",
        "French: good (B1)",
        "",
        "Certifications",
        "AWS Certified Data Analytics - Specialty, 2022",
        "",
        "Hobbies",
        "Climbing, chess, photography",
    ];

    /// <summary>A one-page CV: name, e-mail, phone, section headings and a few lines each.</summary>
    public static byte[] OnePage() => Build([[.. FirstPage, "", .. SecondPage]]);

    /// <summary>The same CV over two pages.</summary>
    public static byte[] TwoPages() => Build([FirstPage, SecondPage]);

    // The two-column layout of issue 10's measurement: a narrow sidebar (contact, skills, languages) beside the main
    // column (profile, experience, education), over two pages.
    private static readonly string[] Sidebar =
    [
        "Contact", "anna.keller@example.com", "+41 79 555 12 34", "Bahnhofstrasse 10", "8001 Zurich", "",
        "Skills", "Python, SQL", "Kafka, Spark", "Airflow, dbt", "PostgreSQL", "Docker, Kubernetes", "",
        "Soft skills", "Teamwork", "Communication", "Mentoring", "",
        "Languages", "German: native", "English: fluent (C1)", "French: good (B1)",
    ];

    private static readonly string[] MainFirstPage =
    [
        "Anna Keller", "Senior Data Engineer", "",
        "Profile",
        "Data engineer with eight years of experience in streaming",
        "and batch pipelines for insurance and analytics companies.", "",
        "Experience",
        "Senior Data Engineer, Helvetic Analytics AG, Zurich", "01/2020 - Present",
        "Built streaming pipelines with Kafka and Spark for 40 million",
        "events a day; cut the nightly batch window from 6 to 2 hours.",
        "Data Engineer, Alpine Insurance, Bern", "03/2016 - 12/2019",
        "Moved the nightly reporting from SSIS to Airflow and dbt;",
        "introduced data quality checks on every load.",
        "Junior Developer, Berner Software GmbH, Bern", "08/2014 - 02/2016",
        "Maintained ETL jobs in Python and SQL for retail clients.",
    ];

    private static readonly string[] MainSecondPage =
    [
        "Education",
        "ETH Zurich, MSc Computer Science", "2014 - 2016",
        "University of Bern, BSc Computer Science", "2011 - 2014", "",
        "Certifications",
        "AWS Certified Data Analytics - Specialty, 2022", "",
        "Projects",
        "Open-source contributor to a dbt adapter for PostgreSQL;",
        "talks on streaming at two Swiss data meetups.", "",
        "Hobbies",
        "Climbing, chess, photography",
    ];

    /// <summary>A two-page CV in two columns (sidebar and main column on the first page, the main column on the second).</summary>
    public static byte[] TwoColumnTwoPages()
    {
        var builder = new PdfDocumentBuilder();
        var font = builder.AddStandard14Font(Standard14Font.Helvetica);
        var first = builder.AddPage(PdfPageSize.A4);
        Column(first, Sidebar, x: 40, font);
        Column(first, MainFirstPage, x: 200, font);
        Column(builder.AddPage(PdfPageSize.A4), MainSecondPage, x: 200, font);
        return builder.Build();
    }

    private static void Column(PdfPageBuilder page, IReadOnlyList<string> lines, double x, PdfDocumentBuilder.AddedFont font)
    {
        var y = 800.0;
        foreach (var line in lines)
        {
            if (line.Length > 0)
                page.AddText(line, 10, new PdfPoint(x, y), font);
            y -= 15;
        }
    }

    private static byte[] Build(IReadOnlyList<IReadOnlyList<string>> pages)
    {
        var builder = new PdfDocumentBuilder();
        var font = builder.AddStandard14Font(Standard14Font.Helvetica);
        foreach (var lines in pages)
        {
            var page = builder.AddPage(PdfPageSize.A4);
            var y = 800.0;
            foreach (var line in lines)
            {
                if (line.Length > 0)
                    page.AddText(line, 10, new PdfPoint(50, y), font);
                y -= 15;
            }
        }

        return builder.Build();
    }
}
