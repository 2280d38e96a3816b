using System.IO.Compression;
using System.Net;
using System.Text;
using System.Text.Json;
using ParseJobs.Api.Tests.Infrastructure;

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
