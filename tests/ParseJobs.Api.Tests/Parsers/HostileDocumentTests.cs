using System.IO.Compression;
using System.Net;
using System.Text;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using ParseJobs.Api.Persistence;
using ParseJobs.Api.Tests.Infrastructure;
using ParseJobs.Api.Tests.Samples;
using A = DocumentFormat.OpenXml.Drawing;
using Dw = DocumentFormat.OpenXml.Drawing.Wordprocessing;
using Pic = DocumentFormat.OpenXml.Drawing.Pictures;
using W = DocumentFormat.OpenXml;
using Wp = DocumentFormat.OpenXml.Wordprocessing;

namespace ParseJobs.Api.Tests.Parsers;

/// <summary>Hostile documents through the real host and its parser children: the worker only ever sees capped output.</summary>
[Collection(ApiCollection.Name)]
public sealed class HostileDocumentTests(ParseJobsAppFactory app)
{
    [Fact]
    public async Task DocumentJob_CompletesWithTableTruncated_AndTheWorkerStaysSmall_WhenADocxRowDeclaresTwentyMillionColumns()
    {
        // Security review H1: this 1 KB DOCX took a worker to 4.9 GB while rendering a 20,000,001-column table.
        using var client = await app.CreateClientForNewOrganisationAsync();
        var before = GC.GetTotalAllocatedBytes(precise: false);

        using var response = await client.PostFileAsync("/v1/documents", GridBomb(), "cv.docx", (string?)null);
        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        var id = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetProperty("job_id").GetGuid();
        var job = await client.WaitForJobAsync(id);

        Assert.Equal("completed", job.GetProperty("status").GetString());
        var result = job.GetProperty("result");
        Assert.Contains(result.GetProperty("warnings").EnumerateArray(), w => w.GetProperty("code").GetString() == "TABLE_TRUNCATED");
        Assert.InRange(result.GetProperty("markdown").GetString()!.Length, 1, 10_000);
        Assert.InRange(GC.GetTotalAllocatedBytes(precise: false) - before, 0, 512L * 1024 * 1024);
    }

    [Fact]
    public async Task DocumentJob_StoresEachDistinctImageOnce_AndTheWorkerStaysSmall_WhenADocxShowsOneImageOftenAndTooManyImages()
    {
        // Security review H1/M3: spans of hostile size, 300 references to one image, then 250 distinct images
        // (Documents:MaxImages is 200). Images count once per image, not once per reference.
        using var client = await app.CreateClientForNewOrganisationAsync();
        var before = GC.GetTotalAllocatedBytes(precise: false);

        using var response = await client.PostFileAsync("/v1/documents", ImageFlood(sharedReferences: 300, distinctImages: 250), "flood.docx", (string?)null);
        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        var id = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetProperty("job_id").GetGuid();
        var job = await client.WaitForJobAsync(id);

        Assert.Equal("completed", job.GetProperty("status").GetString());
        var result = job.GetProperty("result");
        var warnings = result.GetProperty("warnings").EnumerateArray().Select(w => w.GetProperty("code").GetString()).ToList();
        Assert.Contains("TABLE_TRUNCATED", warnings, StringComparer.Ordinal);
        Assert.Single(warnings, w => w == "IMAGES_TRUNCATED");
        var pictures = result.GetProperty("chunks").EnumerateArray().SelectMany(c => c.GetProperty("segments").EnumerateArray())
            .Where(s => s.GetProperty("segment_type").GetString() == "Picture")
            .Select(s => s.TryGetProperty("image_url", out var url) ? url.GetString() : null)
            .ToList();
        Assert.Equal(550, pictures.Count);
        // Every picture of the shared image links to its one stored copy; 199 distinct images fill the budget.
        Assert.Single(pictures.Take(300).Distinct(StringComparer.Ordinal));
        Assert.NotNull(pictures[0]);
        Assert.Equal(199, pictures.Skip(300).Count(u => u is not null));
        Assert.Equal(200, pictures.OfType<string>().Distinct(StringComparer.Ordinal).Count());

        await using var scope = app.Services.CreateAsyncScope();
        var stored = await scope.ServiceProvider.GetRequiredService<ParseJobsDbContext>().JobImages.AsNoTracking()
            .Where(i => i.JobId == id).Select(i => i.Content).ToListAsync();
        Assert.Equal(200, stored.Count);
        Assert.Equal(200, stored.Select(Convert.ToBase64String).Distinct(StringComparer.Ordinal).Count());
        using var shared = await client.GetAsync(pictures[0]);
        Assert.Equal(HttpStatusCode.OK, shared.StatusCode);
        Assert.Equal(ImageBytes(-1), await shared.Content.ReadAsByteArrayAsync());
        Assert.InRange(GC.GetTotalAllocatedBytes(precise: false) - before, 0, 512L * 1024 * 1024);
    }

    /// <summary>A table whose rows declare 20,000,000 columns before a cell and a cell spanning 2,000,000,000, then
    /// <paramref name="sharedReferences"/> pictures of one image, then <paramref name="distinctImages"/> pictures of
    /// an image each. Every image is a PNG made distinct by a trailing byte.</summary>
    private static byte[] ImageFlood(int sharedReferences, int distinctImages)
    {
        using var stream = new MemoryStream();
        using (var document = W.Packaging.WordprocessingDocument.Create(stream, W.WordprocessingDocumentType.Document))
        {
            var main = document.AddMainDocumentPart();
            string AddImage(int n)
            {
                var id = $"rIdImage{n + 2}";
                var part = main.AddNewPart<W.Packaging.ImagePart>("image/png", id);
                using var bytes = part.GetStream(FileMode.Create);
                bytes.Write(ImageBytes(n));
                return id;
            }

            var body = new Wp.Body(new Wp.Table(
                new Wp.TableRow(new Wp.TableRowProperties(new Wp.GridBefore { Val = 20_000_000 }), Cell("x", span: null)),
                new Wp.TableRow(Cell("Anna", span: 2_000_000_000), Cell("Muster", span: null))));
            var shared = AddImage(-1);
            var picture = 0;
            for (var i = 0; i < sharedReferences; i++)
            {
                body.Append(new Wp.Paragraph(new Wp.Run(Picture(shared, ++picture))));
            }

            for (var i = 0; i < distinctImages; i++)
            {
                body.Append(new Wp.Paragraph(new Wp.Run(Picture(AddImage(i), ++picture))));
            }

            main.Document = new Wp.Document(body);
            main.Document.Save();
        }

        return stream.ToArray();
    }

    private static byte[] ImageBytes(int n) => [.. SampleDocuments.Png(), (byte)(n & 0xFF), (byte)(n >> 8 & 0xFF)];

    private static Wp.TableCell Cell(string text, int? span)
    {
        var cell = new Wp.TableCell(new Wp.Paragraph(new Wp.Run(new Wp.Text(text))));
        if (span is { } columns)
        {
            cell.PrependChild(new Wp.TableCellProperties(new Wp.GridSpan { Val = columns }));
        }

        return cell;
    }

    private static Wp.Drawing Picture(string relationshipId, int n) => new(new Dw.Inline(
        new Dw.Extent { Cx = 91440, Cy = 91440 },
        new Dw.DocProperties { Id = (uint)n, Name = $"Picture {n}" },
        new A.Graphic(new A.GraphicData(new Pic.Picture(
            new Pic.NonVisualPictureProperties(new Pic.NonVisualDrawingProperties { Id = 0U, Name = "image" }, new Pic.NonVisualPictureDrawingProperties()),
            new Pic.BlipFill(new A.Blip { Embed = relationshipId }, new A.Stretch(new A.FillRectangle())),
            new Pic.ShapeProperties(new A.Transform2D(new A.Offset { X = 0, Y = 0 }, new A.Extents { Cx = 91440, Cy = 91440 }), new A.PresetGeometry { Preset = A.ShapeTypeValues.Rectangle })))
        { Uri = "http://schemas.openxmlformats.org/drawingml/2006/picture" })));

    /// <summary>The review's reproduction: one row whose gridBefore is 20,000,000, then an ordinary row.</summary>
    private static byte[] GridBomb()
    {
        const string w = "xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\"";
        static string Cell(string text) => $"<w:tc><w:p><w:r><w:t>{text}</w:t></w:r></w:p></w:tc>";
        var document = $"<?xml version=\"1.0\" encoding=\"UTF-8\"?><w:document {w}><w:body><w:tbl>"
            + $"<w:tr><w:trPr><w:gridBefore w:val=\"20000000\"/></w:trPr>{Cell("x")}</w:tr><w:tr>{Cell("Anna")}{Cell("Muster")}</w:tr>"
            + "</w:tbl></w:body></w:document>";
        var files = new (string Name, string Xml)[]
        {
            ("[Content_Types].xml", "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">"
                + "<Default Extension=\"rels\" ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/><Default Extension=\"xml\" ContentType=\"application/xml\"/>"
                + "<Override PartName=\"/word/document.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml\"/></Types>"),
            ("_rels/.rels", "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
                + "<Relationship Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument\" Target=\"word/document.xml\"/></Relationships>"),
            ("word/document.xml", document),
        };
        using var stream = new MemoryStream();
        using (var zip = new ZipArchive(stream, ZipArchiveMode.Create, leaveOpen: true))
        {
            foreach (var (name, xml) in files)
            {
                using var entry = zip.CreateEntry(name, CompressionLevel.SmallestSize).Open();
                entry.Write(Encoding.UTF8.GetBytes(xml));
            }
        }

        return stream.ToArray();
    }
}
