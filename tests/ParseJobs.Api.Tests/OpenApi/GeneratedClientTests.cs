using ParseJobs.Api.Tests.Infrastructure;
using ParseJobs.Api.Tests.OpenApi.Generated;
using ParseJobs.Api.Tests.Samples;

namespace ParseJobs.Api.Tests.OpenApi;

/// <summary>A client generated from the checked-in OpenAPI document reads the real answers of the host: names, enum
/// words, typed results and problem bodies agree with the wire.</summary>
[Collection(ApiCollection.Name)]
public sealed class GeneratedClientTests(ParseJobsAppFactory app)
{
    [Fact]
    public async Task GeneratedClient_ReadsACvJobFromSubmitToResults()
    {
        using var http = await app.CreateClientForNewOrganisationAsync();
        var client = new ParseJobsClient(http);

        using var pdf = new MemoryStream(SampleDocuments.Pdf(pages: 2));
        var accepted = await client.SubmitCvAsync(new FileParameter(pdf, "cv.pdf", "application/pdf"), "candidate-17");
        Assert.Equal(V1JobStatus.Pending, accepted.Status);
        Assert.Equal(JobKind.Cv_parse, accepted.Kind);
        Assert.Equal("candidate-17", accepted.Data_id);
        Assert.Equal($"/v1/parse/{accepted.Job_id}/status", accepted.Status_url);

        var status = await WaitAsync(() => client.GetParseStatusAsync(accepted.Job_id, wait: 30), s => s.Status); // a long poll
        Assert.Equal(V1JobStatus.Completed, status.Status);
        Assert.Equal(2, status.Progress.Total_pages);
        Assert.Null(status.Error);

        var results = await client.GetParseResultsAsync(accepted.Job_id);
        Assert.Equal(200, results.Status_code);
        Assert.False(string.IsNullOrWhiteSpace(results.Data.Personal_info.Full_name));
        Assert.Equal(DocumentType.Pdf, results.Meta.Document_type);

        var job = await client.GetJobAsync(accepted.Job_id);
        Assert.Equal(V1JobStatus.Completed, job.Status);
        Assert.NotNull(job.Result);
        var list = await client.ListJobsAsync("completed", "cv_parse", 10, null);
        Assert.Contains(list.Items, j => j.Job_id == accepted.Job_id && j.Kind == JobKind.Cv_parse);
    }

    [Fact]
    public async Task GeneratedClient_ReadsADocumentJobAndItsMarkdown()
    {
        using var http = await app.CreateClientForNewOrganisationAsync();
        var client = new ParseJobsClient(http);

        using var pdf = new MemoryStream(SampleDocuments.Pdf());
        var accepted = await client.SubmitDocumentAsync(new FileParameter(pdf, "doc.pdf", "application/pdf"), null, "64", null, null);
        Assert.Equal(JobKind.Document_parse, accepted.Kind);
        await WaitAsync(() => client.GetJobAsync(accepted.Job_id), j => j.Status);

        var layout = await client.GetDocumentResultAsync(accepted.Job_id);
        using var file = await client.GetDocumentMarkdownAsync(accepted.Job_id);
        using var reader = new StreamReader(file.Stream);
        var markdown = await reader.ReadToEndAsync();

        Assert.Equal(1, layout.Page_count);
        Assert.NotEmpty(layout.Chunks);
        Assert.Contains(layout.Chunks.SelectMany(c => c.Segments), s => !string.IsNullOrWhiteSpace(s.Content));
        Assert.False(string.IsNullOrWhiteSpace(markdown));
        Assert.Equal("text/markdown", file.Headers["Content-Type"].Single().Split(';')[0]);
    }

    [Fact]
    public async Task GeneratedClient_ReadsProblemBodies()
    {
        using var http = await app.CreateClientForNewOrganisationAsync();
        var client = new ParseJobsClient(http);
        var unknown = Guid.NewGuid();

        var notFound = await Assert.ThrowsAsync<ApiException<ProblemDetails>>(() => client.GetJobAsync(unknown));
        var invalid = await Assert.ThrowsAsync<ApiException<HttpValidationProblemDetails>>(
            () => client.SubmitCvAsync(new FileParameter(new MemoryStream("Jane Doe, engineer"u8.ToArray()), "cv.txt"), "a\u0001b"));

        Assert.Equal(404, notFound.StatusCode);
        Assert.Equal(404, notFound.Result.Status);
        Assert.Contains(unknown.ToString(), notFound.Result.Detail, StringComparison.Ordinal);
        Assert.True(notFound.Result.AdditionalProperties.ContainsKey("request_id"));
        Assert.Equal(400, invalid.StatusCode);
        Assert.True(invalid.Result.Errors.ContainsKey("data_id"));
    }

    private static async Task<T> WaitAsync<T>(Func<Task<T>> get, Func<T, V1JobStatus> status)
    {
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (true)
        {
            var value = await get();
            if (status(value) is V1JobStatus.Completed or V1JobStatus.Failed)
            {
                return value;
            }

            Assert.True(DateTime.UtcNow < deadline, "The job did not end within 60 s.");
            await Task.Delay(50);
        }
    }
}
