using System.IO.Compression;
using System.Net;
using System.Text;
using Microsoft.EntityFrameworkCore;
using ParseJobs.Api.Jobs;
using ParseJobs.Api.Persistence;
using ParseJobs.Api.Tests.Infrastructure;

namespace ParseJobs.Api.Tests.Jobs;

/// <summary>
/// The security review's two small DOCX files (H2) that left jobs <c>running</c> for ever: the outcome could not be
/// saved, and the runner took the save error for a lost race. Every job must end.
/// </summary>
[Collection(ApiCollection.Name)]
public sealed class JobOutcomeTests(ParseJobsAppFactory app)
{
    [Fact]
    public async Task Job_FailsWithItsCode_WhenTheErrorMessageIsLongerThanItsColumn()
    {
        using var client = await app.CreateClientForNewOrganisationAsync();
        // A ZIP entry named with 3000 characters, compressed suspiciously well: the message quotes the name.
        var docx = Docx(extraEntries: [("word/" + new string('A', 3000) + ".xml", new byte[200_000])]);

        var jobId = await client.UploadAsync(docx, "bomb.docx");
        var status = await client.WaitForTerminalStatusAsync(jobId);

        Assert.Equal("failed", status.GetProperty("status").GetString());
        var error = status.GetProperty("error");
        // ZipGuard refuses the over-long name and never quotes it; the message stays within its column.
        Assert.Equal(ErrorCodes.DocumentCorrupt, error.GetProperty("code").GetString());
        Assert.InRange(error.GetProperty("message").GetString()!.Length, 1, ErrorCodes.MaxMessageLength);
    }

    [Fact]
    public async Task DocumentJob_CompletesWithAGenericImageType_WhenAnImageContentTypeIsLongerThanItsColumn()
    {
        using var client = await app.CreateClientForNewOrganisationAsync();
        var docx = Docx(imageContentType: "image/png" + new string('x', 70));

        using var response = await client.PostFileAsync("/v1/documents", docx, "image.docx");
        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        var jobId = (await response.ReadJsonAsync()).GetProperty("job_id").GetGuid();
        var job = await client.WaitForJobAsync(jobId);

        // The reader keeps a declared media type only when it looks like type/subtype and fits; the job completes.
        Assert.Equal("completed", job.GetProperty("status").GetString());
        await using var db = app.Services.GetRequiredService<IDbContextFactory<ParseJobsDbContext>>().CreateDbContext();
        var types = await db.JobImages.Where(i => i.JobId == jobId).Select(i => i.MediaType).ToListAsync();
        Assert.NotEmpty(types);
        Assert.All(types, t => Assert.Equal("application/octet-stream", t));
    }

    [Fact]
    public void Fail_BoundsCodeAndMessage_BeforeAnySave()
    {
        var job = Job.Create(Guid.NewGuid(), JobKind.CvParse, null, null, DateTimeOffset.UnixEpoch);

        job.Fail(new string('C', 100), new string('m', 70_000), DateTimeOffset.UnixEpoch);

        Assert.Equal(ErrorCodes.MaxCodeLength, job.ErrorCode!.Length);
        Assert.Equal(ErrorCodes.MaxMessageLength, job.ErrorMessage!.Length);
    }

    /// <summary>A minimal DOCX written entry by entry (as the review's Python zipfile did).</summary>
    private static byte[] Docx(IReadOnlyList<(string Name, byte[] Content)>? extraEntries = null, string? imageContentType = null)
    {
        var body = imageContentType is null
            ? "<w:p><w:r><w:t>Anna Keller</w:t></w:r></w:p>"
            : """
              <w:p><w:r><w:t>Anna Keller</w:t></w:r></w:p><w:p><w:r><w:drawing><wp:inline><wp:extent cx="914400" cy="914400"/><wp:docPr id="1" name="p"/>
              <a:graphic><a:graphicData uri="http://schemas.openxmlformats.org/drawingml/2006/picture"><pic:pic><pic:nvPicPr><pic:cNvPr id="1" name="p"/><pic:cNvPicPr/></pic:nvPicPr>
              <pic:blipFill><a:blip r:embed="rId10"/></pic:blipFill><pic:spPr/></pic:pic></a:graphicData></a:graphic></wp:inline></w:drawing></w:r></w:p>
              """;
        var entries = new List<(string, byte[])>
        {
            ("[Content_Types].xml", Encoding.UTF8.GetBytes($"""
                <?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">
                <Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/>
                {(imageContentType is null ? "" : $"<Default Extension=\"png\" ContentType=\"{imageContentType}\"/>")}
                <Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>
                """)),
            ("_rels/.rels", Encoding.UTF8.GetBytes("""
                <?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">
                <Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>
                """)),
            ("word/document.xml", Encoding.UTF8.GetBytes($"""
                <?xml version="1.0" encoding="UTF-8"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"
                 xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships" xmlns:wp="http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing"
                 xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" xmlns:pic="http://schemas.openxmlformats.org/drawingml/2006/picture"><w:body>{body}</w:body></w:document>
                """)),
        };
        if (imageContentType is not null)
        {
            entries.Add(("word/_rels/document.xml.rels", Encoding.UTF8.GetBytes("""
                <?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">
                <Relationship Id="rId10" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/image" Target="media/image1.png"/></Relationships>
                """)));
            entries.Add(("word/media/image1.png", Samples.SampleDocuments.Png()));
        }

        entries.AddRange(extraEntries ?? []);
        using var buffer = new MemoryStream();
        using (var zip = new ZipArchive(buffer, ZipArchiveMode.Create, leaveOpen: true))
        {
            foreach (var (name, content) in entries)
            {
                using var stream = zip.CreateEntry(name, CompressionLevel.Optimal).Open();
                stream.Write(content);
            }
        }

        return buffer.ToArray();
    }
}
