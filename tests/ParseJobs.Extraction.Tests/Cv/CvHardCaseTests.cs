using System.Text.Json;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using ParseJobs.Extraction.Cv;
using ParseJobs.Extraction.Parsing;
using ParseJobs.Extraction.Tests.Documents.Pdf;
using DocumentType = ParseJobs.Extraction.Parsing.DocumentType;
using Xunit.Abstractions;

namespace ParseJobs.Extraction.Tests.Cv;

/// <summary>End to end: a CV printed by Chromium from HTML or built as a Word package at test time, read through
/// DocumentTextExtractor and CvExtractor as a submitted file is. Each case is a layout that breaks naive extractors.</summary>
public sealed class CvHardCaseTests(ITestOutputHelper output)
{
    private const string BaseCss = """
        @page { size: A4; margin: 14mm 16mm }
        body { margin: 0; color: #222; line-height: 1.35 }
        h1 { margin: 0 0 2mm; font-weight: 700 }
        h2 { margin: 6mm 0 2mm; font-size: 12pt; text-transform: none; border-bottom: 1px solid #999 }
        p { margin: 0 0 1.5mm }
        ul { margin: 1mm 0 2mm; padding-left: 5mm }
        """;

    [Fact]
    public void Extract_ReadsSidebarAndMainColumn_WhenTwoColumnGridPdf()
    {
        var profile = Pdf($$"""
            <html><head><style>
              {{BaseCss}}
              body { font-family: 'Liberation Sans', Arial, sans-serif; font-size: 10pt }
              .cv { display: grid; grid-template-columns: 58mm 1fr; column-gap: 9mm }
              aside { background: #eef2f6; padding: 5mm 4mm; font-size: 9pt }
              aside h2 { font-size: 10.5pt; border: none; color: #1d4e89 }
              aside ul { list-style: none; padding: 0 }
              .name { font-size: 22pt; color: #1d4e89 } .title { font-size: 12pt; color: #555; margin-bottom: 4mm }
              .job { margin-bottom: 3mm } .job .when { color: #666; font-size: 9pt }
            </style></head><body><div class="cv">
            <aside>
              <h2>Contact</h2>
              <p>priya.raman@fastmail.com</p>
              <p>+44 7911 123456</p>
              <p>27 Whitworth Street</p>
              <p>Manchester M1 3NR</p>
              <h2>Skills</h2>
              <ul><li>Python</li><li>Apache Spark</li><li>Airflow</li><li>Kubernetes</li><li>Terraform</li></ul>
              <h2>Languages</h2>
              <ul><li>English – Native (C2)</li><li>German – B2</li><li>Tamil – C1</li></ul>
            </aside>
            <main>
              <div class="name">Priya Raman</div>
              <div class="title">Senior Data Engineer</div>
              <h2>Profile</h2>
              <p>Data engineer with eight years of experience building batch and streaming pipelines for retail and logistics.</p>
              <h2>Experience</h2>
              <div class="job">
                <p><b>Senior Data Engineer</b></p>
                <p>Northwind Logistics Ltd</p>
                <p class="when">Feb 2021 – Present</p>
                <ul><li>Moved nightly batch jobs to streaming and cut delivery latency by half.</li></ul>
              </div>
              <div class="job">
                <p><b>Data Engineer</b></p>
                <p>Harbour Retail Group</p>
                <p class="when">Sep 2016 – Jan 2021</p>
                <ul><li>Built the warehouse load and the reporting layer for 400 stores.</li></ul>
              </div>
              <h2>Education</h2>
              <p><b>MSc in Computer Science</b></p>
              <p>University of Manchester</p>
              <p class="when">2014 – 2016</p>
            </main>
            </div></body></html>
            """);

        var info = profile.PersonalInfo;
        Assert.Equal("Priya Raman", info.FullName);
        Assert.Equal("priya.raman@fastmail.com", info.Email);
        Assert.Equal("+447911123456", info.MobilePhone);
        Assert.Equal("Manchester", info.City);
        Assert.StartsWith("Data engineer with eight years", profile.ProfessionalSummary, StringComparison.Ordinal);
        Assert.Equal(
            [("Northwind Logistics Ltd", "Senior Data Engineer", "02.2021", ""), ("Harbour Retail Group", "Data Engineer", "09.2016", "01.2021")],
            profile.Experience.Select(e => (e.Company, e.Position, e.StartDate, e.EndDate)));
        var school = Assert.Single(profile.Education);
        Assert.Equal(("University of Manchester", "MSc in Computer Science", "2014", "2016"), (school.Institution, school.Degree, school.StartDate, school.EndDate));
        Assert.Equal(["Python", "Apache Spark", "Airflow", "Kubernetes", "Terraform"], AllSkills(profile));
        Assert.Equal([("English", "Native (C2)", "C2"), ("German", "B2", "B2"), ("Tamil", "C1", "C1")],
            profile.Languages.Select(l => (l.Language, l.Proficiency, l.StandardProficiency)));
    }

    [Fact]
    public void Extract_PairsDatesWithEntries_WhenLayoutTablePdf()
    {
        var profile = Pdf($$"""
            <html><head><style>
              {{BaseCss}}
              body { font-family: 'Liberation Serif', 'Times New Roman', serif; font-size: 11pt }
              h1 { font-size: 20pt; text-align: center } .contact { text-align: center; font-size: 9.5pt; margin-bottom: 5mm }
              table { width: 100%; border-collapse: collapse }
              td { vertical-align: top; padding: 1.5mm 0 3mm }
              td.when { width: 34mm; color: #555 }
            </style></head><body>
            <h1>Daniel Okafor</h1>
            <p class="contact">daniel.okafor@proton.me | +1 415 555 0132 | San Francisco, CA 94110</p>
            <h2>Work Experience</h2>
            <table>
              <tr><td class="when">04/2020 – 12/2023</td>
                  <td><b>Product Manager</b><br>Lumen Payments Inc<br>Owned the merchant onboarding flow and grew activation by 18 percent.</td></tr>
              <tr><td class="when">07/2016 – 03/2020</td>
                  <td><b>Business Analyst</b><br>Crescent Bank<br>Wrote requirements for the mobile banking app and ran user tests.</td></tr>
            </table>
            <h2>Education</h2>
            <table>
              <tr><td class="when">2012 – 2016</td><td><b>Bachelor of Science in Economics</b><br>University of California, Berkeley</td></tr>
            </table>
            </body></html>
            """);

        AssertLayoutTableCv(profile);
    }

    [Fact]
    public void Extract_PairsDatesWithEntries_WhenLayoutTableDocx()
    {
        var docx = Docx(
            Heading("Title", "Daniel Okafor"),
            Para("daniel.okafor@proton.me | +1 415 555 0132 | San Francisco, CA 94110"),
            Heading("Heading1", "Work Experience"),
            LayoutTable(
                ("04/2020 – 12/2023", ["Product Manager", "Lumen Payments Inc", "Owned the merchant onboarding flow and grew activation by 18 percent."]),
                ("07/2016 – 03/2020", ["Business Analyst", "Crescent Bank", "Wrote requirements for the mobile banking app and ran user tests."])),
            Heading("Heading1", "Education"),
            LayoutTable(("2012 – 2016", ["Bachelor of Science in Economics", "University of California, Berkeley"])));

        AssertLayoutTableCv(Extract(docx, DocumentType.Docx));
    }

    private static void AssertLayoutTableCv(CvProfile profile)
    {
        var info = profile.PersonalInfo;
        Assert.Equal("Daniel Okafor", info.FullName);
        Assert.Equal("daniel.okafor@proton.me", info.Email);
        Assert.Equal("+14155550132", info.MobilePhone);
        Assert.Equal(("San Francisco", "CA", "94110"), (info.City, info.State, info.PostalCode));
        Assert.Equal(
            [("Lumen Payments Inc", "Product Manager", "04.2020", "12.2023"), ("Crescent Bank", "Business Analyst", "07.2016", "03.2020")],
            profile.Experience.Select(e => (e.Company, e.Position, e.StartDate, e.EndDate)));
        Assert.Equal("Owned the merchant onboarding flow and grew activation by 18 percent.", profile.Experience[0].Description);
        var school = Assert.Single(profile.Education);
        Assert.Equal(("Bachelor of Science in Economics", "Economics", "2012", "2016"), (school.Degree, school.FieldOfStudy, school.StartDate, school.EndDate));
        Assert.StartsWith("University of California", school.Institution, StringComparison.Ordinal);
    }

    [Fact]
    public void Extract_ReadsDatesOnTheRightMargin_WhenFlexSpaceBetweenRows()
    {
        var profile = Pdf($$"""
            <html><head><style>
              {{BaseCss}}
              body { font-family: 'DejaVu Sans', sans-serif; font-size: 9.5pt }
              h1 { font-size: 19pt; letter-spacing: 0.5px } .contact { color: #444 }
              .row { display: flex; justify-content: space-between; align-items: baseline; margin-top: 3mm }
              .row .what { font-weight: 700 } .row .when { color: #555; white-space: nowrap }
            </style></head><body>
            <h1>Sofia Lindqvist</h1>
            <p class="contact">sofia.lindqvist@outlook.com · +46 70 123 45 67 · Storgatan 12, 114 51 Stockholm, Sweden</p>
            <h2>Professional Experience</h2>
            <div class="row"><span class="what">Project Manager, Vasa Energi AB</span><span class="when">09/2022 – present</span></div>
            <ul><li>Ran the rollout of smart meters to 120,000 households.</li></ul>
            <div class="row"><span class="what">Project Coordinator, Nordlys Consulting</span><span class="when">03/2019 – 08/2022</span></div>
            <ul><li>Coordinated grid planning projects for three municipalities.</li></ul>
            <h2>Education</h2>
            <div class="row"><span class="what">Master of Science in Industrial Engineering, KTH Royal Institute of Technology</span><span class="when">2017 – 2019</span></div>
            </body></html>
            """);

        var info = profile.PersonalInfo;
        Assert.Equal("Sofia Lindqvist", info.FullName);
        Assert.Equal("sofia.lindqvist@outlook.com", info.Email);
        Assert.Equal("+46701234567", info.MobilePhone);
        Assert.Equal(
            [("Vasa Energi AB", "Project Manager", "09.2022", ""), ("Nordlys Consulting", "Project Coordinator", "03.2019", "08.2022")],
            profile.Experience.Select(e => (e.Company, e.Position, e.StartDate, e.EndDate)));
        Assert.Equal("Ran the rollout of smart meters to 120,000 households.", profile.Experience[0].Description);
        var school = Assert.Single(profile.Education);
        Assert.Equal(("2017", "2019"), (school.StartDate, school.EndDate));
    }

    [Fact]
    public void Extract_KeepsNameAsPrinted_WhenFrenchCvWithNameInCapitals()
    {
        var profile = Pdf($$"""
            <html><head><style>
              {{BaseCss}}
              body { font-family: 'Liberation Sans', Arial, sans-serif; font-size: 10pt }
              header { border-bottom: 3px solid #7a1f3d; padding-bottom: 3mm; margin-bottom: 2mm }
              h1 { font-size: 24pt; color: #7a1f3d } h2 { color: #7a1f3d; text-transform: uppercase; letter-spacing: 1px }
              .poste { display: grid; grid-template-columns: 42mm 1fr; column-gap: 4mm; margin-bottom: 2mm }
            </style></head><body>
            <header>
              <h1>MARIE-LOUISE DUBOIS</h1>
              <p>Responsable des ressources humaines</p>
              <p>Téléphone : 06 12 34 56 78</p>
              <p>E-mail : ml.dubois@orange.fr</p>
              <p>Adresse : 14 rue des Lilas, 69003 Lyon</p>
            </header>
            <h2>Expérience professionnelle</h2>
            <div class="poste"><div>09/2018 – aujourd'hui</div><div><b>Responsable RH</b><br>Groupe Lumière SA<br>Gestion de la paie et du recrutement pour 350 salariés.</div></div>
            <div class="poste"><div>01/2014 – 08/2018</div><div><b>Chargée de recrutement</b><br>Cabinet Rhône Talents<br>Recrutement de profils techniques et commerciaux.</div></div>
            <h2>Formation</h2>
            <div class="poste"><div>2011 – 2013</div><div><b>Master en gestion des ressources humaines</b><br>Université Lumière Lyon 2</div></div>
            <h2>Langues</h2>
            <p>Français : langue maternelle</p>
            <p>Anglais : courant (C1)</p>
            <p>Espagnol : notions (A2)</p>
            </body></html>
            """);

        var info = profile.PersonalInfo;
        Assert.Equal("MARIE-LOUISE DUBOIS", info.FullName);
        Assert.Equal("ml.dubois@orange.fr", info.Email);
        Assert.Equal("+33612345678", info.MobilePhone);
        Assert.Equal(("Lyon", "69003"), (info.City, info.PostalCode));
        Assert.Equal(
            [("Groupe Lumière SA", "Responsable RH", "09.2018", ""), ("Cabinet Rhône Talents", "Chargée de recrutement", "01.2014", "08.2018")],
            profile.Experience.Select(e => (e.Company, e.Position, e.StartDate, e.EndDate)));
        var school = Assert.Single(profile.Education);
        Assert.Equal(("Université Lumière Lyon 2", "Master en gestion des ressources humaines", "2011", "2013"), (school.Institution, school.Degree, school.StartDate, school.EndDate));
        Assert.Equal([("Français", "C2"), ("Anglais", "C1"), ("Espagnol", "A2")], profile.Languages.Select(l => (l.Language, l.StandardProficiency)));
        Assert.Equal("langue maternelle", profile.Languages[0].Proficiency);
    }

    [Fact]
    public void Extract_KeepsUmlautsAndParsesGermanDates_WhenSwissGermanCv()
    {
        var profile = Pdf($$"""
            <html><head><style>
              {{BaseCss}}
              body { font-family: 'DejaVu Serif', serif; font-size: 10pt }
              h1 { font-size: 21pt } h2 { font-family: 'DejaVu Sans', sans-serif; font-size: 11pt; color: #0b5d4b }
              dl { display: grid; grid-template-columns: 38mm 1fr; row-gap: 1mm; margin: 0 } dt { color: #555 } dd { margin: 0 }
              .station { margin-bottom: 2.5mm }
            </style></head><body>
            <h1>Jürgen Müller</h1>
            <p>Bahnhofstrasse 21, 8001 Zürich</p>
            <p>Mobil: 079 123 45 67</p>
            <p>E-Mail: juergen.mueller@bluewin.ch</p>
            <h2>Persönliche Angaben</h2>
            <p>Geburtsdatum: 16. Dezember 1996</p>
            <p>Nationalität: Schweiz</p>
            <h2>Berufserfahrung</h2>
            <div class="station"><p>seit 03.2021</p><p><b>Projektleiter Bau</b></p><p>Implenia Schweiz AG</p><p>Leitung von Wohnbauprojekten bis 25 Mio. CHF.</p></div>
            <div class="station"><p>08.2017 – 02.2021</p><p><b>Bauführer</b></p><p>Müller &amp; Söhne Bau GmbH</p><p>Bauleitung für Umbauten und Sanierungen.</p></div>
            <h2>Ausbildung</h2>
            <div class="station"><p>09.2013 – 07.2017</p><p><b>Bachelor of Science in Bauingenieurwesen</b></p><p>Zürcher Hochschule für Angewandte Wissenschaften</p></div>
            <h2>Sprachen</h2>
            <p>Deutsch – Muttersprache</p>
            <p>Französisch – gute Kenntnisse (B2)</p>
            <p>Englisch – fliessend (C1)</p>
            </body></html>
            """);

        var info = profile.PersonalInfo;
        Assert.Equal("Jürgen Müller", info.FullName);
        Assert.Equal("juergen.mueller@bluewin.ch", info.Email);
        Assert.Equal("+41791234567", info.MobilePhone);
        Assert.Equal(("Zürich", "8001", "Bahnhofstrasse 21"), (info.City, info.PostalCode, info.StreetAndNumber));
        Assert.Equal("1996-12-16", info.BirthDate);
        Assert.Equal(
            [("Implenia Schweiz AG", "Projektleiter Bau", "03.2021", ""), ("Müller & Söhne Bau GmbH", "Bauführer", "08.2017", "02.2021")],
            profile.Experience.Select(e => (e.Company, e.Position, e.StartDate, e.EndDate)));
        var school = Assert.Single(profile.Education);
        Assert.Equal(("Zürcher Hochschule für Angewandte Wissenschaften", "09.2013", "07.2017"), (school.Institution, school.StartDate, school.EndDate));
        Assert.Equal([("Deutsch", "Muttersprache"), ("Französisch", "gute Kenntnisse (B2)"), ("Englisch", "fliessend (C1)")],
            profile.Languages.Select(l => (l.Language, l.Proficiency)));
        Assert.Equal(["C2", "B2", "C1"], profile.Languages.Select(l => l.StandardProficiency).ToList());
    }

    [Fact]
    public void Extract_KeepsGermanOpenEndedRange_WhenBisHeute()
    {
        // "bis heute" is the other way a German CV prints a current job.
        var profile = Pdf($$"""
            <html><head><style>{{BaseCss}} body { font-family: 'DejaVu Sans', sans-serif; font-size: 10pt }</style></head><body>
            <h1>Jürgen Müller</h1>
            <p>juergen.mueller@bluewin.ch</p>
            <h2>Berufserfahrung</h2>
            <p>04.2019 bis heute</p><p><b>Projektleiter Bau</b></p><p>Implenia Schweiz AG</p>
            </body></html>
            """);

        var job = Assert.Single(profile.Experience);
        Assert.Equal(("Implenia Schweiz AG", "Projektleiter Bau", "04.2019", ""), (job.Company, job.Position, job.StartDate, job.EndDate));
    }

    [Fact]
    public void Extract_FindsContactAndDates_WhenCvHasNoSectionHeadings()
    {
        var profile = Pdf($$"""
            <html><head><style>
              {{BaseCss}}
              body { font-family: 'Liberation Sans Narrow', 'Liberation Sans', sans-serif; font-size: 11pt }
              h1 { font-size: 18pt } .line { margin: 0 0 1mm }
            </style></head><body>
            <h1>Tomasz Nowak</h1>
            <p class="line">tomasz.nowak@gmail.com</p>
            <p class="line">+48 512 345 678</p>
            <p class="line">ul. Kwiatowa 5, 00-001 Warszawa, Poland</p>
            <p style="margin-top:5mm">01/2020 – 06/2024 Backend Developer, Allegro</p>
            <p class="line">06/2017 – 12/2019 Junior Developer, Comarch</p>
            <p class="line">2013 – 2017 BSc Computer Science, Warsaw University of Technology</p>
            </body></html>
            """);

        var info = profile.PersonalInfo;
        Assert.Equal("Tomasz Nowak", info.FullName);
        Assert.Equal("tomasz.nowak@gmail.com", info.Email);
        Assert.Equal("+48512345678", info.MobilePhone);
        Assert.Equal(
            [("Allegro", "Backend Developer", "01.2020", "06.2024"), ("Comarch", "Junior Developer", "06.2017", "12.2019")],
            profile.Experience.Select(e => (e.Company, e.Position, e.StartDate, e.EndDate)));
        var school = Assert.Single(profile.Education);
        Assert.Equal(("Warsaw University of Technology", "2013", "2017"), (school.Institution, school.StartDate, school.EndDate));
    }

    [Fact]
    public void Extract_FillsProfile_WhenItalianCvDocx()
    {
        var docx = Docx(
            Heading("Title", "Giulia Bianchi"),
            Para("Via Garibaldi 8, 20121 Milano"),
            Para("Cellulare: 347 123 4567"),
            Para("Email: giulia.bianchi@libero.it"),
            Heading("Heading1", "Esperienza lavorativa"),
            Para("05/2021 – oggi\tResponsabile marketing"),
            Para("Ferrero Italia S.p.A."),
            Para("Gestione delle campagne digitali per il mercato italiano."),
            Para("10/2017 – 04/2021\tSocial media manager"),
            Para("Agenzia Creativa Milano"),
            Heading("Heading1", "Istruzione"),
            Para("2014 – 2017\tLaurea in Scienze della Comunicazione"),
            Para("Università degli Studi di Milano"),
            Heading("Heading1", "Lingue"),
            Para("Italiano – madrelingua"),
            Para("Inglese – C1"),
            Para("Tedesco – B1"));

        var profile = Extract(docx, DocumentType.Docx);

        var info = profile.PersonalInfo;
        Assert.Equal("Giulia Bianchi", info.FullName);
        Assert.Equal("giulia.bianchi@libero.it", info.Email);
        Assert.Equal("+393471234567", info.MobilePhone);
        Assert.Equal(("Milano", "20121"), (info.City, info.PostalCode));
        Assert.Equal(
            [("Ferrero Italia S.p.A.", "Responsabile marketing", "05.2021", ""), ("Agenzia Creativa Milano", "Social media manager", "10.2017", "04.2021")],
            profile.Experience.Select(e => (e.Company, e.Position, e.StartDate, e.EndDate)));
        var school = Assert.Single(profile.Education);
        Assert.Equal(("Università degli Studi di Milano", "Laurea in Scienze della Comunicazione", "2014", "2017"), (school.Institution, school.Degree, school.StartDate, school.EndDate));
        Assert.Equal([("Italiano", "madrelingua", "C2"), ("Inglese", "C1", "C1"), ("Tedesco", "B1", "B1")],
            profile.Languages.Select(l => (l.Language, l.Proficiency, l.StandardProficiency)));
    }

    // ------------------------------------------------------------------ helpers

    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true };

    private CvProfile Pdf(string html) => Extract(ChromiumPdf.FromHtml(html), DocumentType.Pdf);

    private CvProfile Extract(byte[] content, DocumentType type)
    {
        var document = new DocumentTextExtractor().Extract(content, type, ParseLimits.Default);
        var profile = new CvExtractor().Extract(document);
        // The reading-order text and the profile explain a failure without rerunning the browser.
        output.WriteLine(document.Text);
        output.WriteLine(JsonSerializer.Serialize(profile, Indented));
        return profile;
    }

    private static List<string> AllSkills(CvProfile profile) =>
        [.. profile.Skills.ItSkills, .. profile.Skills.HardSkills, .. profile.Skills.SoftSkills, .. profile.Skills.FieldsOfExpertise];

    private static byte[] Docx(params OpenXmlElement[] body)
    {
        using var stream = new MemoryStream();
        using (var word = WordprocessingDocument.Create(stream, WordprocessingDocumentType.Document))
        {
            var main = word.AddMainDocumentPart();
            var styles = main.AddNewPart<StyleDefinitionsPart>();
            styles.Styles = new Styles(
                HeadingStyle("Title", "Title", null),
                HeadingStyle("Heading1", "heading 1", 0));
            main.Document = new Document(new Body(body));
        }

        return stream.ToArray();
    }

    private static Style HeadingStyle(string id, string name, int? outline)
    {
        var paragraph = new StyleParagraphProperties();
        if (outline is { } level)
            paragraph.Append(new OutlineLevel { Val = level });
        return new Style(new StyleName { Val = name }, paragraph, new StyleRunProperties(new Bold(), new FontSize { Val = outline is null ? "40" : "28" }))
        {
            Type = StyleValues.Paragraph,
            StyleId = id,
        };
    }

    private static Paragraph Heading(string style, string text) =>
        new(new ParagraphProperties(new ParagraphStyleId { Val = style }), new Run(new Text(text)));

    // A tab inside the text becomes a Word tab, as a date column aligned by a tab stop.
    private static Paragraph Para(string text, bool bold = false)
    {
        var run = new Run();
        if (bold)
            run.Append(new RunProperties(new Bold()));
        var parts = text.Split('\t');
        for (var i = 0; i < parts.Length; i++)
        {
            if (i > 0)
                run.Append(new TabChar());
            run.Append(new Text(parts[i]) { Space = SpaceProcessingModeValues.Preserve });
        }

        return new Paragraph(run);
    }

    // Borderless two-column table: dates left, the entry's paragraphs right (first one bold), as CV templates use it.
    private static Table LayoutTable(params (string Dates, string[] Right)[] rows)
    {
        var table = new Table(new TableProperties(
            new TableWidth { Width = "5000", Type = TableWidthUnitValues.Pct },
            new TableBorders(new TopBorder { Val = BorderValues.None }, new BottomBorder { Val = BorderValues.None },
                new LeftBorder { Val = BorderValues.None }, new RightBorder { Val = BorderValues.None },
                new InsideHorizontalBorder { Val = BorderValues.None }, new InsideVerticalBorder { Val = BorderValues.None })),
            new TableGrid(new GridColumn { Width = "2000" }, new GridColumn { Width = "7000" }));
        foreach (var (dates, right) in rows)
        {
            var left = new TableCell(new TableCellProperties(new TableCellWidth { Width = "2000", Type = TableWidthUnitValues.Dxa }), Para(dates));
            var cell = new TableCell(new TableCellProperties(new TableCellWidth { Width = "7000", Type = TableWidthUnitValues.Dxa }));
            cell.Append(right.Select((text, i) => Para(text, bold: i == 0)));
            table.Append(new TableRow(left, cell));
        }

        return table;
    }
}
