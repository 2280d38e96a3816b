using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using ParseJobs.Api.Auth;
using ParseJobs.Api.Jobs;
using ParseJobs.Api.Persistence;
using ParseJobs.Api.Tests.Infrastructure;
using ParseJobs.Api.Tests.Samples;

namespace ParseJobs.Api.Tests.Cv;

[Collection(ApiCollection.Name)]
public sealed class CvApiTests(ParseJobsAppFactory app)
{
    public static TheoryData<string, string> Formats => new() { { "pdf", "cv.pdf" }, { "docx", "cv.docx" }, { "txt", "cv.txt" } };

    private static byte[] Sample(string format) => format switch
    {
        "pdf" => SampleDocuments.Pdf(pages: 2),
        "docx" => SampleDocuments.Docx(),
        _ => SampleDocuments.Txt(),
    };

    [Theory]
    [MemberData(nameof(Formats))]
    public async Task Upload_CompletesWithProfileFromTheDocument_ForEachFormat(string format, string fileName)
    {
        using var client = await app.CreateClientForNewOrganisationAsync();

        using var submit = await client.PostFileAsync("/v1/parse", Sample(format), fileName, dataId: "ref-42");
        Assert.Equal(HttpStatusCode.Accepted, submit.StatusCode);
        var accepted = await submit.ReadJsonAsync();
        Assert.Equal("pending", accepted.GetProperty("status").GetString());
        Assert.Equal("ref-42", accepted.GetProperty("data_id").GetString());
        var jobId = accepted.GetProperty("job_id").GetGuid();
        Assert.Equal($"/v1/parse/{jobId}/status", submit.Headers.Location?.OriginalString);

        var status = await client.WaitForTerminalStatusAsync(jobId);
        Assert.Equal("completed", status.GetProperty("status").GetString());
        Assert.True(status.GetProperty("started_at").GetDateTimeOffset() >= status.GetProperty("created_at").GetDateTimeOffset());
        Assert.Equal(JsonValueKind.Null, status.GetProperty("error").ValueKind);
        var progress = status.GetProperty("progress");
        Assert.Equal(progress.GetProperty("total_pages").GetInt32(), progress.GetProperty("processed_pages").GetInt32());
        Assert.Equal(format == "pdf" ? 2 : 1, progress.GetProperty("total_pages").GetInt32());

        var results = await client.GetFromJsonAsync<JsonElement>($"/v1/parse/{jobId}/results");
        Assert.Equal(200, results.GetProperty("status_code").GetInt32());
        Assert.True(results.GetProperty("execution_time").GetDouble() >= 0);
        var email = results.GetProperty("data").GetProperty("personal_info").GetProperty("email").GetString();
        Assert.True(email is "" or "anna.keller@example.com", $"Every value must come from the document; got e-mail '{email}'.");
    }

    [Fact]
    public async Task Results_HaveExactlyTheContractShape()
    {
        using var client = await app.CreateClientForNewOrganisationAsync();
        var jobId = await client.UploadAsync(SampleDocuments.Txt(), "cv.txt");
        await client.WaitForTerminalStatusAsync(jobId);

        var results = await client.GetFromJsonAsync<JsonElement>($"/v1/parse/{jobId}/results");

        var contract = ContractShape.Load();
        Assert.Equal(ContractShape.Keys(contract.GetProperty("data")), ContractShape.Keys(results.GetProperty("data")));
        // The contract's keys in its order; "meta" beside them is the one documented addition.
        Assert.Equal([.. contract.EnumerateObject().Select(p => p.Name), "meta"], results.EnumerateObject().Select(p => p.Name).ToArray());
    }

    [Fact]
    public async Task Results_CarryMetaWithTheDocumentsLanguage_BesideTheProfile()
    {
        using var client = await app.CreateClientForNewOrganisationAsync();
        string[] german = ["Anna Keller", "anna.keller@example.com", "", "Berufserfahrung", "Senior Entwicklerin bei der Helvetic AG",
            "01/2020 - heute", "Verantwortlich für die Entwicklung der Datenplattform und die Betreuung der Kunden.", "", "Ausbildung",
            "ETH Zürich, MSc Informatik", "2014 - 2016", "", "Sprachen", "Deutsch (Muttersprache), Englisch (gute Kenntnisse)"];
        var jobId = await client.UploadAsync(System.Text.Encoding.UTF8.GetBytes(string.Join('\n', german)), "cv.txt");
        await client.WaitForTerminalStatusAsync(jobId);

        var results = await client.GetFromJsonAsync<JsonElement>($"/v1/parse/{jobId}/results");

        var meta = results.GetProperty("meta");
        Assert.Equal("de", meta.GetProperty("language").GetString());
        Assert.Equal("txt", meta.GetProperty("document_type").GetString());
        Assert.Equal(1, meta.GetProperty("page_count").GetInt32());
        Assert.NotEqual(0, results.GetProperty("data").GetProperty("experience").GetArrayLength());
    }

    [Fact]
    public async Task Results_Returns409_WhenJobNotCompleted()
    {
        // A pending job that no worker will pick up yet (written straight to the database, never dispatched), so
        // the 409 is asserted on every machine, however fast its workers.
        var created = await app.CreateKeyAsync($"org-{Guid.NewGuid():N}"[..20], Scopes.JobsRead);
        using var client = app.CreateClientWithKey(created.Key);
        var job = Job.Create(created.OrganisationId!.Value, JobKind.CvParse, null, null, DateTimeOffset.UtcNow);
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<ParseJobsDbContext>();
            db.Jobs.Add(job);
            await db.SaveChangesAsync();
        }

        using var response = await client.GetAsync($"/v1/parse/{job.Id}/results");

        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        var problem = await response.ReadJsonAsync();
        Assert.Contains("poll", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("corrupt", "DOCUMENT_CORRUPT")]
    [InlineData("encrypted", "DOCUMENT_ENCRYPTED")]
    [InlineData("no-text", "NO_TEXT_LAYER")]
    [InlineData("too-many-pages", "TOO_MANY_PAGES")]
    public async Task Job_FailsWithErrorCode_WhenDocumentCannotBeParsed(string kind, string expectedCode)
    {
        var content = kind switch
        {
            "corrupt" => SampleDocuments.CorruptPdf(),
            "encrypted" => SampleDocuments.EncryptedPdf(),
            "no-text" => SampleDocuments.PdfWithoutText(),
            _ => SampleDocuments.Pdf(pages: 8), // the test host allows 5
        };
        using var client = await app.CreateClientForNewOrganisationAsync();
        var jobId = await client.UploadAsync(content, "cv.pdf");

        var status = await client.WaitForTerminalStatusAsync(jobId);

        Assert.Equal("failed", status.GetProperty("status").GetString());
        Assert.Equal(expectedCode, status.GetProperty("error").GetProperty("code").GetString());
        Assert.False(string.IsNullOrWhiteSpace(status.GetProperty("error").GetProperty("message").GetString()));
        Assert.NotEqual(JsonValueKind.Null, status.GetProperty("failed_at").ValueKind);

        using var results = await client.GetAsync($"/v1/parse/{jobId}/results");
        Assert.Equal(HttpStatusCode.Conflict, results.StatusCode);
        var problem = await results.ReadJsonAsync();
        Assert.Contains($"({expectedCode})", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Equal(expectedCode, problem.GetProperty("error").GetProperty("code").GetString());
    }

    [Fact]
    public async Task Upload_Returns413_WhenFileExceedsTheLimit()
    {
        using var client = await app.CreateClientForNewOrganisationAsync();
        var big = new byte[(2 * 1024 * 1024) + 1]; // the test host allows 2 MB
        "%PDF-1.7\n"u8.CopyTo(big);

        using var response = await client.PostFileAsync("/v1/parse", big, "big.pdf");

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Contains("2 MB", (await response.ReadJsonAsync()).GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Upload_Returns415_WhenContentIsNotADocument_WhateverItsName()
    {
        using var client = await app.CreateClientForNewOrganisationAsync();

        using var response = await client.PostFileAsync("/v1/parse", SampleDocuments.Png(), "cv.pdf");

        Assert.Equal(HttpStatusCode.UnsupportedMediaType, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task Upload_Returns422_WhenFileIsEmpty()
    {
        using var client = await app.CreateClientForNewOrganisationAsync();

        using var response = await client.PostFileAsync("/v1/parse", [], "cv.pdf");

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
    }

    [Fact]
    public async Task Upload_Returns400WithFieldError_WhenFileIsMissing()
    {
        using var client = await app.CreateClientForNewOrganisationAsync();
        using var form = new MultipartFormDataContent { { new StringContent("x"), "data_id" } };

        using var response = await client.PostAsync("/v1/parse", form);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await response.ReadJsonAsync();
        Assert.True(problem.GetProperty("errors").TryGetProperty("file", out _));
        Assert.False(string.IsNullOrEmpty(problem.GetProperty("request_id").GetString()));
    }

    [Fact]
    public async Task Upload_DetectsTypeFromContent_NotFromExtension()
    {
        using var client = await app.CreateClientForNewOrganisationAsync();
        var jobId = await client.UploadAsync(SampleDocuments.Docx(), "actually-a-docx.pdf");

        var status = await client.WaitForTerminalStatusAsync(jobId);

        Assert.Equal("completed", status.GetProperty("status").GetString());
    }

    [Theory]
    [InlineData("a\0b")]
    [InlineData("tab\there")]
    [InlineData("bell\u0007")]
    public async Task Upload_Returns400WithFieldError_WhenDataIdHasControlCharacters(string dataId)
    {
        using var client = await app.CreateClientForNewOrganisationAsync();

        using var response = await client.PostFileAsync("/v1/parse", SampleDocuments.Txt(), "cv.txt", dataId);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.True((await response.ReadJsonAsync()).GetProperty("errors").TryGetProperty("data_id", out _));
    }

    [Fact]
    public async Task Upload_Returns400WithFieldError_WhenFileNameHasANulByte()
    {
        using var client = await app.CreateClientForNewOrganisationAsync();
        using var form = new MultipartFormDataContent();
        var file = new ByteArrayContent(SampleDocuments.Txt());
        form.Add(file, "file");
        file.Headers.ContentDisposition = new System.Net.Http.Headers.ContentDispositionHeaderValue("form-data") { Name = "file", FileNameStar = "a\0b.txt" };

        using var response = await client.PostAsync("/v1/parse", form);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.True((await response.ReadJsonAsync()).GetProperty("errors").TryGetProperty("file", out _));
    }

    [Theory]
    [InlineData("<!DOCTYPE html><html><body><h1>Jane Doe</h1><p>Engineer</p></body></html>", "HTML")]
    [InlineData("<?xml version=\"1.0\"?><cv><name>Jane Doe</name></cv>", "XML")]
    [InlineData("{\\rtf1\\ansi Jane Doe, engineer}", "RTF")]
    public async Task Upload_Returns415ListingAcceptedFormats_WhenMarkupIsRenamedPdf(string content, string kind)
    {
        using var client = await app.CreateClientForNewOrganisationAsync();

        using var response = await client.PostFileAsync("/v1/parse", System.Text.Encoding.UTF8.GetBytes(content), "cv.pdf");

        Assert.Equal(HttpStatusCode.UnsupportedMediaType, response.StatusCode);
        var detail = (await response.ReadJsonAsync()).GetProperty("detail").GetString();
        Assert.Contains(kind, detail, StringComparison.Ordinal);
        Assert.Contains("PDF, DOCX", detail, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("x")]
    [InlineData("12 345 !!! --- 2024")]
    public async Task Upload_Returns422_WhenTheFileHasNoReadableText(string content)
    {
        using var client = await app.CreateClientForNewOrganisationAsync();

        using var response = await client.PostFileAsync("/v1/parse", System.Text.Encoding.UTF8.GetBytes(content), "cv.txt");

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        Assert.Contains("no readable text", (await response.ReadJsonAsync()).GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Results_SayTheJobIsOfAnotherKindAndWhereToReadIt_WhenItIsADocumentJob()
    {
        using var client = await app.CreateClientForNewOrganisationAsync();
        using var submit = await client.PostFileAsync("/v1/documents", SampleDocuments.Txt(), "doc.txt");
        var id = (await submit.ReadJsonAsync()).GetProperty("job_id").GetGuid();

        using var response = await client.GetAsync($"/v1/parse/{id}/results");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        var detail = (await response.ReadJsonAsync()).GetProperty("detail").GetString();
        Assert.Contains("exists but is of kind document_parse", detail, StringComparison.Ordinal);
        Assert.Contains($"/v1/documents/{id}", detail, StringComparison.Ordinal);
    }
}
