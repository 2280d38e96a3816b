using System.Net.Http.Json;
using System.Text.Json;
using ParseJobs.Api.Tests.Infrastructure;
using ParseJobs.Api.Tests.Samples;
using UglyToad.PdfPig;

namespace ParseJobs.Api.Tests.Cv;

/// <summary><c>meta.provenance</c> through the whole service: a parsed PDF's boxes lie on its pages, and the name's
/// box covers the name's words as PdfPig reads them from the uploaded file itself.</summary>
[Collection(ApiCollection.Name)]
public sealed class CvProvenanceApiTests(ParseJobsAppFactory app)
{
    [Fact]
    public async Task Results_CarryProvenanceBoxesOnThePage_ThatCoverTheNamesText()
    {
        var pdf = SampleDocuments.Pdf(pages: 2);
        using var client = await app.CreateClientForNewOrganisationAsync();
        var jobId = await client.UploadAsync(pdf, "cv.pdf");
        var status = await client.WaitForTerminalStatusAsync(jobId);
        Assert.Equal("completed", status.GetProperty("status").GetString());

        var results = await client.GetFromJsonAsync<JsonElement>($"/v1/parse/{jobId}/results");

        Assert.Equal("Anna Keller", results.GetProperty("data").GetProperty("personal_info").GetProperty("full_name").GetString());
        var provenance = results.GetProperty("meta").GetProperty("provenance").EnumerateArray().ToList();
        using var document = PdfDocument.Open(pdf);
        Assert.Contains(provenance, p => p.GetProperty("field").GetString() == "experience.exp_1");
        foreach (var item in provenance)
        {
            var page = document.GetPage(item.GetProperty("page_number").GetInt32());
            var (left, top, width, height) = Box(item);
            Assert.True(width > 0 && height > 0, $"{item} has an empty box.");
            Assert.True(left >= 0 && top >= 0 && left + width <= page.Width && top + height <= page.Height, $"{item} leaves the page.");
        }

        var name = Assert.Single(provenance, p => p.GetProperty("field").GetString() == "personal_info.full_name");
        var first = document.GetPage(name.GetProperty("page_number").GetInt32());
        var words = first.GetWords().Where(w => w.Text is "Anna" or "Keller").ToList();
        Assert.Equal(2, words.Count);
        var (l, t, wd, h) = Box(name);
        foreach (var word in words)
        {
            // PdfPig's origin is the bottom-left corner; the service's boxes are top-left.
            var x = word.BoundingBox.Centroid.X;
            var y = first.Height - word.BoundingBox.Centroid.Y;
            Assert.True(x >= l && x <= l + wd && y >= t && y <= t + h, $"The name's box {name} does not cover '{word.Text}' at ({x}, {y}).");
        }

        var email = first.GetWords().Single(w => w.Text == "anna.keller@example.com");
        Assert.False(first.Height - email.BoundingBox.Centroid.Y <= t + h, "The name's box reaches down to the e-mail line.");
    }

    private static (double Left, double Top, double Width, double Height) Box(JsonElement item)
    {
        var b = item.GetProperty("bbox");
        return (b.GetProperty("left").GetDouble(), b.GetProperty("top").GetDouble(), b.GetProperty("width").GetDouble(), b.GetProperty("height").GetDouble());
    }
}
