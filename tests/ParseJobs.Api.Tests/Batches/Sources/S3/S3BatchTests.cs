using System.Net;
using System.Text.Json;
using ParseJobs.Api.Tests.Samples;

namespace ParseJobs.Api.Tests.Batches.Sources.S3;

/// <summary>AWS_S3 through the host: POST /api/v1/batch-jobs, the real worker reading the fake store, the results.</summary>
[Collection(CloudSourcesCollection.Name)]
public sealed class S3BatchTests(CloudSourcesAppFactory app)
{
    [Fact]
    public async Task Batch_RanksTheObjectsUnderThePrefix_AndGivesANonCvAnError()
    {
        var bucket = $"e2e-{Guid.NewGuid():N}"[..20];
        app.S3.CreateBucket(bucket);
        app.S3.Put(bucket, "batch/anna.txt", BatchRequests.TextCv("Anna Berg"));
        app.S3.Put(bucket, "batch/nested/carl.docx", SampleDocuments.Docx());
        app.S3.Put(bucket, "batch/photo.jpg", [0xFF, 0xD8, 0xFF, 0xE0, 0, 0x10]);
        app.S3.Put(bucket, "elsewhere/dora.txt", BatchRequests.TextCv("Dora Outside"));
        using var client = await app.BatchClientAsync();

        var id = await SubmitAsync(client, Config(bucket, "batch/"));
        var status = await client.WaitForBatchAsync(id);
        var results = await client.ResultsAsync(id);

        Assert.Equal("completed", status.GetProperty("status").GetString());
        var items = results.GetProperty("processed_items").EnumerateArray().ToDictionary(i => i.GetProperty("original_filename").GetString()!, StringComparer.Ordinal);
        Assert.Equal(["batch/anna.txt", "batch/nested/carl.docx", "batch/photo.jpg"], items.Keys.Order(StringComparer.Ordinal), StringComparer.Ordinal);
        Assert.True(items["batch/anna.txt"].GetProperty("match_score").GetProperty("overall_score").GetDouble() > 0);
        Assert.Equal(JsonValueKind.Object, items["batch/nested/carl.docx"].GetProperty("match_score").ValueKind);
        Assert.Contains("not a CV type", items["batch/photo.jpg"].GetProperty("error").GetString(), StringComparison.Ordinal);
        Assert.False(app.Logs.Contains(FakeS3Server.SecretAccessKey));
        Assert.DoesNotContain(FakeS3Server.SecretAccessKey, results.GetRawText(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Batch_FailsSourceUnavailableNamingTheBucket_WhenTheCredentialsAreDenied()
    {
        var bucket = $"e2e-{Guid.NewGuid():N}"[..20];
        app.S3.CreateBucket(bucket);
        app.S3.Put(bucket, "anna.txt", BatchRequests.TextCv("Anna Berg"));
        using var client = await app.BatchClientAsync();
        const string WrongSecret = "denied/secret+value-1234567890";

        var id = await SubmitAsync(client, Config(bucket, "", accessKeyId: "AKIADENIED0000000001", secret: WrongSecret));
        var status = await client.WaitForBatchAsync(id);

        Assert.Equal("failed", status.GetProperty("status").GetString());
        Assert.Contains($"S3 bucket '{bucket}' refused access", status.GetProperty("error_message").GetString(), StringComparison.Ordinal);
        Assert.False(app.Logs.Contains(WrongSecret));
    }

    [Fact]
    public async Task Submit_Answers400_WhenTheEndpointIsNotOnTheAllowList()
    {
        using var client = await app.BatchClientAsync();
        var config = Config("any-bucket", "", endpoint: "http://127.0.0.1:1");
        using var form = BatchRequests.Form("AWS_S3", null, BatchRequests.Description, ("source_config_json", config));

        using var response = await client.PostAsync("/api/v1/batch-jobs", form);

        var error = await response.ErrorAsync(HttpStatusCode.BadRequest);
        Assert.Equal("INVALID_INPUT", error.GetProperty("code").GetString());
        Assert.Equal("source_config_json.endpoint_url", error.GetProperty("details").GetProperty("field").GetString());
        Assert.DoesNotContain(FakeS3Server.SecretAccessKey, error.GetRawText(), StringComparison.Ordinal);
    }

    private async Task<Guid> SubmitAsync(HttpClient client, string config)
    {
        using var form = BatchRequests.Form("aws_s3", null, BatchRequests.Description, ("source_config_json", config));
        using var response = await client.PostAsync("/api/v1/batch-jobs", form);
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.Accepted, $"Expected 202, got {(int)response.StatusCode}: {body}\n{app.Logs.Describe()}");
        return JsonDocument.Parse(body).RootElement.GetProperty("batch_job_id").GetGuid();
    }

    private string Config(string bucket, string prefix, string? endpoint = null,
        string accessKeyId = FakeS3Server.AccessKeyId, string secret = FakeS3Server.SecretAccessKey) =>
        JsonSerializer.Serialize(new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["bucket"] = bucket,
            ["prefix"] = prefix,
            ["region"] = "us-east-1",
            ["access_key_id"] = accessKeyId,
            ["secret_access_key"] = secret,
            ["endpoint_url"] = endpoint ?? app.S3.Endpoint.ToString(),
        });
}
