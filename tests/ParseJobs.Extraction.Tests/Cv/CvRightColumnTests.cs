using ParseJobs.Extraction.Cv;
using ParseJobs.Extraction.Parsing;
using ParseJobs.Extraction.Tests.Documents.Pdf;
using Xunit.Abstractions;

namespace ParseJobs.Extraction.Tests.Cv;

/// <summary>End to end (Chromium-printed PDF): each entry's place and dates stand right-aligned over each other beside
/// its company and title (moderncv "banking" and its kind). They stay on the entry's lines instead of being read as a
/// column after all the entries.</summary>
public sealed class CvRightColumnTests(ITestOutputHelper output)
{
    [Fact]
    public void Extract_KeepsARightAlignedPlaceAndDate_WithTheEntryBesideThem()
    {
        var html = """
            <html><head><style>
              @page { size: A4; margin: 18mm }
              body { font-family: 'Liberation Serif', serif; font-size: 10.5pt; margin: 0 }
              h1 { font-size: 20pt; margin: 0 0 6mm } h2 { font-size: 13pt; margin: 6mm 0 2mm }
              .job { display: flex; justify-content: space-between } .side { text-align: right }
              p { margin: 0 } ul { margin: 1mm 0 3mm; padding-left: 5mm }
            </style></head><body>
            <h1>Noemi Castell</h1>
            <p>noemi.castell@example.org</p>
            <h2>Professional Experience</h2>
            <div class="job"><div><p><b>Westbrook Freight Inc.</b></p><p>Operations Analyst</p></div>
              <div class="side"><p>Portland</p><p>Feb 2023 – Present</p></div></div>
            <ul><li>Planned the inbound flows of three regional warehouses every week.</li></ul>
            <div class="job"><div><p><b>Ledner Robotics Inc.</b></p><p>Office Manager</p></div>
              <div class="side"><p>Pittsburgh</p><p>Jun 2019 – Jan 2023</p></div></div>
            <ul><li>Ran the front office and the purchasing of a team of forty people.</li></ul>
            <div class="job"><div><p><b>Carltonworth Foods Inc.</b></p><p>Planning Assistant</p></div>
              <div class="side"><p>Cleveland</p><p>Dec 2014 – May 2019</p></div></div>
            <ul><li>Kept the production plans of two bakeries up to date.</li></ul>
            <h2>Languages</h2>
            <p>English: C2</p>
            </body></html>
            """;
        var document = new DocumentTextExtractor().Extract(ChromiumPdf.FromHtml(html), DocumentType.Pdf, ParseLimits.Default);
        var profile = new CvExtractor().Extract(document);
        output.WriteLine(document.Text);

        Assert.Contains("Operations Analyst\tFeb 2023 – Present", document.Text, StringComparison.Ordinal);
        Assert.Equal<string>(["02.2023", "06.2019", "12.2014"], [.. profile.Experience.Select(e => e.StartDate)]);
        Assert.Equal<string>(["Operations Analyst", "Office Manager", "Planning Assistant"], [.. profile.Experience.Select(e => e.Position)]);
        Assert.Equal<string>(["Portland", "Pittsburgh", "Cleveland"], [.. profile.Experience.Select(e => e.City)]);
    }
}
