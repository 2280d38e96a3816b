using System.Text.Json;
using ParseJobs.Api.Tests.Infrastructure;

namespace ParseJobs.Api.Tests.OpenApi;

/// <summary>The live OpenAPI document is the reviewed one, and it says what the wire says.</summary>
[Collection(ApiCollection.Name)]
public sealed class OpenApiDocumentTests(ParseJobsAppFactory app)
{
    [Fact]
    public async Task LiveDocument_EqualsTheCheckedInDocument()
    {
        var live = CheckedInOpenApi.Normalise(await LiveAsync());
        if (CheckedInOpenApi.Updating)
        {
            Directory.CreateDirectory(Path.GetDirectoryName(CheckedInOpenApi.DocumentFile)!);
            await File.WriteAllTextAsync(CheckedInOpenApi.DocumentFile, live);
        }

        var checkedIn = File.Exists(CheckedInOpenApi.DocumentFile) ? await File.ReadAllTextAsync(CheckedInOpenApi.DocumentFile) : "";
        Assert.True(string.Equals(checkedIn.ReplaceLineEndings("\n"), live, StringComparison.Ordinal),
            $"The API's OpenAPI document differs from {CheckedInOpenApi.DocumentFile}. Review the change, then regenerate the document and the client: {CheckedInOpenApi.RegenerateCommand}");
    }

    [Fact]
    public async Task CheckedInClient_IsGeneratedFromTheCheckedInDocument()
    {
        var generated = await CheckedInOpenApi.GenerateClientAsync(await File.ReadAllTextAsync(CheckedInOpenApi.DocumentFile));
        if (CheckedInOpenApi.Updating)
        {
            Directory.CreateDirectory(Path.GetDirectoryName(CheckedInOpenApi.ClientFile)!);
            await File.WriteAllTextAsync(CheckedInOpenApi.ClientFile, generated);
        }

        var committed = File.Exists(CheckedInOpenApi.ClientFile) ? await File.ReadAllTextAsync(CheckedInOpenApi.ClientFile) : "";
        Assert.True(string.Equals(committed.ReplaceLineEndings("\n"), generated, StringComparison.Ordinal),
            $"{CheckedInOpenApi.ClientFile} is not the client of the checked-in document. Regenerate: {CheckedInOpenApi.RegenerateCommand}");
    }

    [Fact]
    public async Task Document_NamesPropertiesAndEnumsAsTheWireDoes()
    {
        using var document = JsonDocument.Parse(await LiveAsync());
        var schemas = document.RootElement.GetProperty("components").GetProperty("schemas");

        var accepted = schemas.GetProperty("JobAcceptedResponse").GetProperty("properties");
        Assert.True(accepted.TryGetProperty("job_id", out _));
        Assert.True(accepted.TryGetProperty("status_url", out _));
        Assert.False(accepted.TryGetProperty("jobId", out _));
        Assert.True(schemas.GetProperty("ParseResultsResponse").GetProperty("properties").TryGetProperty("execution_time", out _));
        Assert.Equal<string[]>(["pending", "running", "completed", "failed"], Strings(schemas.GetProperty("V1JobStatus").GetProperty("enum")));
        Assert.Equal<string[]>(["cv_parse", "document_parse", "batch_match", "ats_import"], Strings(schemas.GetProperty("JobKind").GetProperty("enum")));
    }

    [Theory]
    [InlineData("/v1/parse", "post", "202,400,401,403,413,415,422")]
    [InlineData("/v1/documents", "post", "202,400,401,403,413,415,422")]
    [InlineData("/v1/parse/{jobId}/results", "get", "200,401,403,404,409")]
    [InlineData("/v1/documents/{jobId}", "get", "200,401,403,404,409")]
    [InlineData("/v1/documents/{jobId}/markdown", "get", "200,401,403,404,409")]
    [InlineData("/v1/documents/{jobId}/images/{segmentId}", "get", "200,401,403,404")]
    [InlineData("/v1/jobs/{id}/resubmit", "post", "202,401,403,404,409")]
    public async Task Document_ListsEveryStatusTheEndpointAnswers_WithExamples(string path, string method, string statuses)
    {
        using var document = JsonDocument.Parse(await LiveAsync());
        var responses = document.RootElement.GetProperty("paths").GetProperty(path).GetProperty(method).GetProperty("responses");

        foreach (var status in statuses.Split(','))
        {
            Assert.True(responses.TryGetProperty(status, out var response), $"{method} {path} does not document {status}.");
            if (status[0] == '4')
            {
                var problem = response.GetProperty("content").GetProperty("application/problem+json");
                Assert.True(problem.TryGetProperty("example", out var example), $"{method} {path} {status} has no example.");
                Assert.Equal(int.Parse(status, System.Globalization.CultureInfo.InvariantCulture), example.GetProperty("status").GetInt32());
                Assert.True(example.TryGetProperty("request_id", out _));
            }
        }
    }

    [Fact]
    public async Task Document_DoesNotPrefillFormFieldsWithTheWordString()
    {
        using var document = JsonDocument.Parse(await LiveAsync());
        var form = document.RootElement.GetProperty("paths").GetProperty("/v1/parse").GetProperty("post")
            .GetProperty("requestBody").GetProperty("content").GetProperty("multipart/form-data").GetProperty("schema");

        var dataId = Resolve(document, form).GetProperty("properties").GetProperty("data_id");

        Assert.Equal("", dataId.GetProperty("example").GetString());
    }

    [Fact]
    public async Task Document_TypesTheEmbeddedResultByKind()
    {
        using var document = JsonDocument.Parse(await LiveAsync());
        var result = document.RootElement.GetProperty("components").GetProperty("schemas").GetProperty("JobResponse").GetProperty("properties").GetProperty("result");

        var refs = result.GetProperty("oneOf").EnumerateArray().Select(s => s.GetProperty("$ref").GetString() ?? "").ToArray();

        Assert.Equal<string[]>(["#/components/schemas/CvProfile", "#/components/schemas/DocumentParseResult"], refs);
    }

    [Fact]
    public async Task Document_OffersBearerAndXApiKeyAsAlternatives()
    {
        using var document = JsonDocument.Parse(await LiveAsync());

        var requirements = document.RootElement.GetProperty("security").EnumerateArray()
            .Select(r => string.Join(",", r.EnumerateObject().Select(p => p.Name))).ToArray();

        // One requirement per scheme: either satisfies it, so Swagger UI sends whichever box was filled in.
        Assert.Equal<string[]>(["bearer", "api_key"], requirements);
    }

    private async Task<string> LiveAsync()
    {
        using var client = app.CreateClient();
        return await client.GetStringAsync("/swagger/v1/swagger.json");
    }

    private static string[] Strings(JsonElement array) => array.EnumerateArray().Select(e => e.GetString() ?? "").ToArray();

    private static JsonElement Resolve(JsonDocument document, JsonElement schema) =>
        schema.TryGetProperty("$ref", out var reference)
            ? document.RootElement.GetProperty("components").GetProperty("schemas").GetProperty(reference.GetString()!.Split('/')[^1])
            : schema;
}
