using System.Net;
using System.Text.Json;
using ParseJobs.Api.Tests.Infrastructure;
using ParseJobs.Api.Tests.Samples;
using A = DocumentFormat.OpenXml.Drawing;
using Dw = DocumentFormat.OpenXml.Drawing.Wordprocessing;
using Pic = DocumentFormat.OpenXml.Drawing.Pictures;
using W = DocumentFormat.OpenXml;
using Wp = DocumentFormat.OpenXml.Wordprocessing;

namespace ParseJobs.Api.Tests.Documents;

[Collection(ApiCollection.Name)]
public sealed class DocumentsApiTests(ParseJobsAppFactory app)
{
    public static TheoryData<string> Formats => new() { "pdf", "docx", "txt" };

    private static byte[] Sample(string format) => format switch
    {
        "pdf" => SampleDocuments.Pdf(pages: 2),
        "docx" => SampleDocuments.Docx(),
        _ => SampleDocuments.Txt(),
    };

    private static Task<HttpResponseMessage> SubmitAsync(HttpClient client, byte[] content, params (string Name, string Value)[] fields) =>
        client.PostFileAsync("/v1/documents", content, "document.bin", fields);

    private static async Task<Guid> SubmitAndGetIdAsync(HttpClient client, byte[] content, params (string Name, string Value)[] fields)
    {
        using var response = await SubmitAsync(client, content, fields);
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.Accepted, $"Expected 202, got {(int)response.StatusCode}: {body}");
        var accepted = JsonDocument.Parse(body).RootElement;
        Assert.Equal("document_parse", accepted.GetProperty("kind").GetString());
        var id = accepted.GetProperty("job_id").GetGuid();
        Assert.Equal($"/v1/jobs/{id}", response.Headers.Location?.OriginalString);
        return id;
    }

    [Theory]
    [MemberData(nameof(Formats))]
    public async Task Submit_CompletesWithPagesChunksSegmentsAndMarkdown_ForEachFormat(string format)
    {
        using var client = await app.CreateClientForNewOrganisationAsync();
        var id = await SubmitAndGetIdAsync(client, Sample(format), ("data_id", "doc-7"));

        var job = await client.WaitForJobAsync(id);

        Assert.Equal("completed", job.GetProperty("status").GetString());
        Assert.Equal("document_parse", job.GetProperty("kind").GetString());
        var result = job.GetProperty("result");
        // The documented order, not jsonb's: results are served through their model.
        Assert.Equal(["page_count", "pages", "approximate_boxes", "chunks", "headers_footers", "markdown", "warnings"],
            result.EnumerateObject().Select(p => p.Name).ToArray());
        var pageCount = result.GetProperty("page_count").GetInt32();
        Assert.Equal(format == "pdf" ? 2 : 1, pageCount);
        Assert.Equal(pageCount, result.GetProperty("pages").GetArrayLength());
        Assert.Equal(format != "pdf", result.GetProperty("approximate_boxes").GetBoolean());
        var segments = result.GetProperty("chunks").EnumerateArray().SelectMany(c => c.GetProperty("segments").EnumerateArray()).ToList();
        Assert.NotEmpty(segments);
        var first = segments[0];
        foreach (var field in new[] { "segment_id", "segment_type", "content", "markdown", "html", "page_number", "bbox", "page_width", "page_height", "confidence" })
        {
            Assert.True(first.TryGetProperty(field, out _), $"segment lacks {field}");
        }

        var text = string.Join("\n", segments.Select(s => s.GetProperty("content").GetString()));
        Assert.Contains("anna.keller@example.com", text, StringComparison.Ordinal);
        Assert.Equal(segments.Count, segments.Select(s => s.GetProperty("segment_id").GetString()).Distinct(StringComparer.Ordinal).Count());
        Assert.Contains("anna.keller@example.com", result.GetProperty("markdown").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Markdown_IsServedAsTextMarkdown_WhenCompleted()
    {
        using var client = await app.CreateClientForNewOrganisationAsync();
        var id = await SubmitAndGetIdAsync(client, SampleDocuments.Txt());
        await client.WaitForJobAsync(id);

        using var response = await client.GetAsync($"/v1/documents/{id}/markdown");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/markdown", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains("anna.keller@example.com", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Options_ShapeTheResult_WhenMarkdownAndHtmlAreOff()
    {
        using var client = await app.CreateClientForNewOrganisationAsync();
        var id = await SubmitAndGetIdAsync(client, SampleDocuments.Txt(),
            ("include_markdown", "false"), ("include_html", "false"), ("chunk_target_length", "16"));

        var result = (await client.WaitForJobAsync(id)).GetProperty("result");

        var chunks = result.GetProperty("chunks").EnumerateArray().ToList();
        var segments = chunks.SelectMany(c => c.GetProperty("segments").EnumerateArray()).ToList();
        Assert.All(segments, s => Assert.Equal(JsonValueKind.Null, s.GetProperty("markdown").ValueKind));
        Assert.All(segments, s => Assert.Equal(JsonValueKind.Null, s.GetProperty("html").ValueKind));
        Assert.True(chunks.Count > 1, "A 16-word target cuts the sample CV into several chunks.");
    }

    [Theory]
    [InlineData("chunk_target_length", "5")]
    [InlineData("chunk_target_length", "many")]
    [InlineData("include_html", "maybe")]
    public async Task Submit_Returns400WithTheField_WhenAnOptionIsInvalid(string field, string value)
    {
        using var client = await app.CreateClientForNewOrganisationAsync();

        using var response = await SubmitAsync(client, SampleDocuments.Txt(), (field, value));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.True((await response.ReadJsonAsync()).GetProperty("errors").TryGetProperty(field, out _));
    }

    [Fact]
    public async Task ScannedPdf_CompletesWithNoTextLayerWarningAndServesItsPicture()
    {
        using var client = await app.CreateClientForNewOrganisationAsync();
        var id = await SubmitAndGetIdAsync(client, SampleDocuments.PdfWithImageOnly());

        var job = await client.WaitForJobAsync(id);

        Assert.Equal("completed", job.GetProperty("status").GetString());
        var result = job.GetProperty("result");
        Assert.Contains(result.GetProperty("warnings").EnumerateArray(), w => w.GetProperty("code").GetString() == "NO_TEXT_LAYER");
        var picture = result.GetProperty("chunks").EnumerateArray().SelectMany(c => c.GetProperty("segments").EnumerateArray())
            .Single(s => s.GetProperty("segment_type").GetString() == "Picture");
        var url = picture.GetProperty("image_url").GetString();
        using var image = await client.GetAsync(url);
        Assert.Equal(HttpStatusCode.OK, image.StatusCode);
        Assert.Equal("image/png", image.Content.Headers.ContentType?.MediaType);
        Assert.Equal(SampleDocuments.Png()[..8], (await image.Content.ReadAsByteArrayAsync())[..8]); // the PNG signature
    }

    [Fact]
    public async Task CvParse_StillFailsWithNoTextLayer_WhenThePdfIsAScan()
    {
        using var client = await app.CreateClientForNewOrganisationAsync();
        var id = await client.UploadAsync(SampleDocuments.PdfWithImageOnly(), "scan.pdf");

        var status = await client.WaitForTerminalStatusAsync(id);

        Assert.Equal("failed", status.GetProperty("status").GetString());
        Assert.Equal("NO_TEXT_LAYER", status.GetProperty("error").GetProperty("code").GetString());
    }

    [Theory]
    [InlineData("")]
    [InlineData("/markdown")]
    [InlineData("/images/seg_1")]
    public async Task DocumentEndpoints_Return404_WhenTheJobBelongsToAnotherOrganisation(string suffix)
    {
        using var owner = await app.CreateClientForNewOrganisationAsync();
        using var other = await app.CreateClientForNewOrganisationAsync();
        var id = await SubmitAndGetIdAsync(owner, SampleDocuments.PdfWithImageOnly());
        await owner.WaitForJobAsync(id);

        using var response = await other.GetAsync($"/v1/documents/{id}{suffix}");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task Result_Returns409_WhenTheJobFailed()
    {
        using var client = await app.CreateClientForNewOrganisationAsync();
        var id = await SubmitAndGetIdAsync(client, SampleDocuments.CorruptPdf());
        var job = await client.WaitForJobAsync(id);
        Assert.Equal("DOCUMENT_CORRUPT", job.GetProperty("error").GetProperty("code").GetString());

        using var response = await client.GetAsync($"/v1/documents/{id}");

        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        Assert.Contains("DOCUMENT_CORRUPT", (await response.ReadJsonAsync()).GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Delete_RemovesTheJobsImages()
    {
        using var client = await app.CreateClientForNewOrganisationAsync();
        var id = await SubmitAndGetIdAsync(client, SampleDocuments.PdfWithImageOnly());
        var url = (await client.WaitForJobAsync(id)).GetProperty("result").GetProperty("chunks")[0].GetProperty("segments")[0].GetProperty("image_url").GetString();

        using var delete = await client.DeleteAsync($"/v1/jobs/{id}");
        using var image = await client.GetAsync(url);

        Assert.Equal(HttpStatusCode.NoContent, delete.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, image.StatusCode);
    }

    [Fact]
    public async Task Result_SaysTheJobIsOfAnotherKindAndWhereToReadIt_WhenItIsACvJob()
    {
        using var client = await app.CreateClientForNewOrganisationAsync();
        var id = await client.UploadAsync(SampleDocuments.Txt(), "cv.txt");

        using var response = await client.GetAsync($"/v1/documents/{id}");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        var detail = (await response.ReadJsonAsync()).GetProperty("detail").GetString();
        Assert.Contains("exists but is of kind cv_parse", detail, StringComparison.Ordinal);
        Assert.Contains($"/v1/parse/{id}/results", detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Image_IsAnOctetStreamAttachment_WhenTheDocumentDeclaresHtmlForIt()
    {
        using var client = await app.CreateClientForNewOrganisationAsync();
        var id = await SubmitAndGetIdAsync(client, DocxWithImage("text/html", "<html><body><script>alert(document.domain)</script></body></html>"u8.ToArray()));
        var job = await client.WaitForJobAsync(id);
        var url = job.GetProperty("result").GetProperty("chunks").EnumerateArray().SelectMany(c => c.GetProperty("segments").EnumerateArray())
            .Select(s => s.TryGetProperty("image_url", out var u) ? u.GetString() : null).First(u => u is not null);

        using var image = await client.GetAsync(url);

        Assert.Equal(HttpStatusCode.OK, image.StatusCode);
        Assert.Equal("application/octet-stream", image.Content.Headers.ContentType?.MediaType);
        Assert.Equal("attachment", image.Content.Headers.ContentDisposition?.DispositionType);
        Assert.Equal("nosniff", image.Headers.GetValues("X-Content-Type-Options").Single());
        Assert.Contains("default-src 'none'", image.Headers.GetValues("Content-Security-Policy").Single(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Image_IsServedAsTheSniffedType_WhateverTheDocumentDeclares()
    {
        using var client = await app.CreateClientForNewOrganisationAsync();
        var id = await SubmitAndGetIdAsync(client, DocxWithImage("image/jpeg", SampleDocuments.Png()));
        var job = await client.WaitForJobAsync(id);
        var url = job.GetProperty("result").GetProperty("chunks").EnumerateArray().SelectMany(c => c.GetProperty("segments").EnumerateArray())
            .Select(s => s.TryGetProperty("image_url", out var u) ? u.GetString() : null).First(u => u is not null);

        using var image = await client.GetAsync(url);

        Assert.Equal("image/png", image.Content.Headers.ContentType?.MediaType);
    }

    /// <summary>A DOCX with one paragraph of text and one picture whose part declares <paramref name="contentType"/>.</summary>
    private static byte[] DocxWithImage(string contentType, byte[] imageBytes)
    {
        using var stream = new MemoryStream();
        using (var document = W.Packaging.WordprocessingDocument.Create(stream, W.WordprocessingDocumentType.Document))
        {
            var main = document.AddMainDocumentPart();
            var image = main.AddNewPart<W.Packaging.ImagePart>(contentType, "rIdImage1");
            using (var part = image.GetStream(FileMode.Create))
            {
                part.Write(imageBytes);
            }

            var picture = new Wp.Drawing(new Dw.Inline(
                new Dw.Extent { Cx = 914400, Cy = 914400 },
                new Dw.DocProperties { Id = 1U, Name = "Picture 1" },
                new A.Graphic(new A.GraphicData(new Pic.Picture(
                    new Pic.NonVisualPictureProperties(new Pic.NonVisualDrawingProperties { Id = 0U, Name = "image" }, new Pic.NonVisualPictureDrawingProperties()),
                    new Pic.BlipFill(new A.Blip { Embed = "rIdImage1" }, new A.Stretch(new A.FillRectangle())),
                    new Pic.ShapeProperties(new A.Transform2D(new A.Offset { X = 0, Y = 0 }, new A.Extents { Cx = 914400, Cy = 914400 }), new A.PresetGeometry { Preset = A.ShapeTypeValues.Rectangle })))
                { Uri = "http://schemas.openxmlformats.org/drawingml/2006/picture" })));
            main.Document = new Wp.Document(new Wp.Body(
                new Wp.Paragraph(new Wp.Run(new Wp.Text("Jane Doe, portrait below"))),
                new Wp.Paragraph(new Wp.Run(picture))));
            main.Document.Save();
        }

        return stream.ToArray();
    }
}
