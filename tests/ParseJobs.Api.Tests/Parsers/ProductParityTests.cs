using System.Text;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using ParseJobs.Api.Jobs;
using ParseJobs.Api.Parsers;
using ParseJobs.Api.Persistence;
using ParseJobs.Api.Tests.Infrastructure;
using ParseJobs.Api.Tests.Samples;
using ParseJobs.Extraction.Isolation;
using ParseJobs.Extraction.Parsing;

namespace ParseJobs.Api.Tests.Parsers;

/// <summary>One code path: what the worker stores from a real parser child is, byte for byte, what the in-process
/// parser makes of the same file (isolation off runs the same product code).</summary>
[Collection(ApiCollection.Name)]
public sealed class ProductParityTests(ParseJobsAppFactory app)
{
    private readonly InProcessDocumentParser _inProcess = new(new ProductMaker());

    private ParseLimits Limits()
    {
        var results = app.Services.GetRequiredService<IOptions<ResultOptions>>().Value;
        return app.Services.GetRequiredService<IOptions<ParsingOptions>>().Value.Limits() with { MaxResultBytes = results.MaxResultBytes };
    }

    private async Task<(string Data, string? Meta)> StoredAsync(Guid jobId)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ParseJobsDbContext>();
        var row = await db.JobResults.AsNoTracking().Where(r => r.JobId == jobId).Select(r => new { r.Data, r.Meta }).SingleAsync();
        return (row.Data, row.Meta);
    }

    [Fact]
    public async Task DocumentResult_StoredFromTheChild_IsWhatTheInProcessParserMakes()
    {
        using var client = await app.CreateClientForNewOrganisationAsync();
        var pdf = SampleDocuments.Pdf(pages: 2);
        using var response = await client.PostFileAsync("/v1/documents", pdf, "doc.pdf", [("chunk_target_length", "64"), ("include_html", "false")]);
        var id = System.Text.Json.JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetProperty("job_id").GetGuid();
        Assert.Equal("completed", (await client.WaitForJobAsync(id)).GetProperty("status").GetString());

        var made = await _inProcess.ParseAsync(pdf, DocumentType.Pdf, Limits() with { MaxImages = 200, MaxImageBytes = 20L * 1024 * 1024 },
            new DocumentResultProduct(64, IncludeMarkdown: true, IncludeHtml: false, $"/v1/documents/{id}/images/"), null, CancellationToken.None);

        Assert.Equal(Encoding.UTF8.GetString(made.Json), (await StoredAsync(id)).Data);
    }

    [Fact]
    public async Task CvProfileAndMeta_StoredFromTheChild_AreWhatTheInProcessParserMakes()
    {
        using var client = await app.CreateClientForNewOrganisationAsync();
        var txt = SampleDocuments.Txt();
        var id = await client.UploadAsync(txt, "cv.txt");
        Assert.Equal("completed", (await client.WaitForTerminalStatusAsync(id)).GetProperty("status").GetString());

        var made = await _inProcess.ParseAsync(txt, DocumentType.Txt, Limits() with { MaxImages = 0 }, new CvProfileProduct(), null, CancellationToken.None);

        var (data, meta) = await StoredAsync(id);
        Assert.Equal(Encoding.UTF8.GetString(made.Json), data);
        Assert.True(JsonNode.DeepEquals(JsonNode.Parse(made.MetaJson!), JsonNode.Parse(meta!)), "meta differs"); // jsonb: same content, its own order
        Assert.StartsWith("{\"personal_info\":", data, StringComparison.Ordinal); // the documented key order, as the wire sends it
    }
}
