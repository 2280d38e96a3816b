using System.Text.Json;
using ParseJobs.Extraction.Cv;
using ParseJobs.Extraction.Parsing;
using ParseJobs.Extraction.Tests.Documents.Pdf;
using Xunit.Abstractions;

namespace ParseJobs.Extraction.Tests.Cv;

/// <summary>End to end (Chromium-printed PDF): a narrow label column holds the section headings and the entries' dates
/// beside the content (a grid layout). The reading order merges the column into the content, so that each heading
/// opens its section and each date stays with its entry, instead of reading all headings first.</summary>
public sealed class CvLabelColumnTests(ITestOutputHelper output)
{
    [Fact]
    public void Extract_AssignsHeadingsAndDatesOfALabelColumn_ToTheEntriesBesideThem()
    {
        var html = """
            <html><head><style>
              @page { size: A4; margin: 16mm }
              body { font-family: 'Liberation Sans', Arial, sans-serif; font-size: 10pt; margin: 0 }
              .name { font-size: 20pt; text-align: center } .role { text-align: center; margin-bottom: 8mm }
              .row { display: grid; grid-template-columns: 48mm 1fr; align-items: center; margin-bottom: 7mm }
              .label { font-weight: 700; text-transform: uppercase; font-size: 9pt }
              .when { font-size: 8.5pt; color: #555 }
              p { margin: 0 0 1mm } ul { margin: 0; padding-left: 5mm }
            </style></head><body>
            <div class="name">Tobias Reinhardt</div>
            <div class="role">Supply Chain Analyst</div>
            <div class="row"><div class="label">Contact</div><div><p>tobias.reinhardt@example.org</p><p>+41 79 555 12 34</p></div></div>
            <div class="row"><div><div class="label">Work Experience</div><div class="when">2021-01-01 to 2025-06-01</div></div><div>
              <p><b>Supply Chain Analyst at Lindqvist Freight AG</b></p>
              <ul><li>Planned the inbound flows of three regional warehouses every week.</li>
              <li>Reduced the safety stock of spare parts by a fifth over two years.</li></ul></div></div>
            <div class="row"><div class="when">2018-04-01 to 2020-12-01</div><div>
              <p><b>Logistics Planner at Ostrava Parts Ltd</b></p>
              <ul><li>Scheduled the trucks of the night shift for the northern region.</li>
              <li>Kept the carrier contracts and their rates up to date.</li></ul></div></div>
            <div class="row"><div class="label">Education</div><div>
              <p>University of Basel</p><p>Master of Science in Logistics</p></div></div>
            <div class="row"><div class="label">Languages</div><div><p>German: native speaker, C2</p><p>English: fluent, C1</p><p>French: good, B2</p></div></div>
            </body></html>
            """;
        var document = new DocumentTextExtractor().Extract(ChromiumPdf.FromHtml(html), DocumentType.Pdf, ParseLimits.Default);
        var profile = new CvExtractor().Extract(document);
        output.WriteLine(document.Text);
        output.WriteLine(JsonSerializer.Serialize(profile.Experience));

        var lines = document.Text.Split('\n').Select(l => l.Trim()).ToList();
        Assert.True(lines.IndexOf("WORK EXPERIENCE") < lines.FindIndex(l => l.StartsWith("Supply Chain Analyst at", StringComparison.Ordinal)));
        Assert.True(lines.IndexOf("EDUCATION") > lines.FindIndex(l => l.StartsWith("Scheduled the trucks", StringComparison.Ordinal)));
        Assert.Equal<string>(["Supply Chain Analyst", "Logistics Planner"], [.. profile.Experience.Select(e => e.Position)]);
        Assert.Equal<string>(["Lindqvist Freight AG", "Ostrava Parts Ltd"], [.. profile.Experience.Select(e => e.Company)]);
        Assert.Equal<string>(["01.2021", "04.2018"], [.. profile.Experience.Select(e => e.StartDate)]);
        Assert.Equal("University of Basel", Assert.Single(profile.Education).Institution);
    }
}
