using System.Net;
using System.Text.Json;
using ParseJobs.Api.Tests.Samples;

namespace ParseJobs.Api.Tests.Batches.Sources.GoogleDrive;

/// <summary>GOOGLE_DRIVE through the host: POST /api/v1/batch-jobs, the real worker signing in and reading the fake Drive.</summary>
[Collection(CloudSourcesCollection.Name)]
public sealed class GoogleDriveBatchTests(CloudSourcesAppFactory app)
{
    [Fact]
    public async Task Batch_RanksTheFolder_WithAServiceAccount_ExportingGoogleDocsAsDocx()
    {
        var folder = $"folder-{Guid.NewGuid():N}";
        app.Drive.AddFolder(folder);
        app.Drive.Add(new FakeDriveServer.Item($"{folder}-txt", "anna.txt", "text/plain", folder, BatchRequests.TextCv("Anna Berg")));
        app.Drive.Add(new FakeDriveServer.Item($"{folder}-doc", "Carl Meier CV", FakeDriveServer.GoogleDocMimeType, folder, SampleDocuments.Docx()));
        app.Drive.Add(new FakeDriveServer.Item($"{folder}-sheet", "Shortlist", "application/vnd.google-apps.spreadsheet", folder, []));
        var key = ServiceAccountKeys.Create(app.Drive, app.Drive.TokenUri, $"reader-{folder[7..15]}@parsejobs-test.iam.gserviceaccount.com");
        using var client = await app.BatchClientAsync();

        var id = await SubmitAsync(client, Config(folder, key));
        var status = await client.WaitForBatchAsync(id);
        var results = await client.ResultsAsync(id);

        Assert.Equal("completed", status.GetProperty("status").GetString());
        var items = results.GetProperty("processed_items").EnumerateArray().ToDictionary(i => i.GetProperty("original_filename").GetString()!, StringComparer.Ordinal);
        Assert.Equal(["Carl Meier CV.docx", "Shortlist", "anna.txt"], items.Keys.Order(StringComparer.Ordinal), StringComparer.Ordinal);
        Assert.Equal(JsonValueKind.Object, items["Carl Meier CV.docx"].GetProperty("match_score").ValueKind);
        Assert.Equal(JsonValueKind.Object, items["anna.txt"].GetProperty("match_score").ValueKind);
        Assert.Contains("only Google Docs are exported", items["Shortlist"].GetProperty("error").GetString(), StringComparison.Ordinal);
        Assert.Contains("POST /token", app.Drive.Requests, StringComparer.Ordinal);
        Assert.False(app.Logs.Contains(key["private_key"].Split('\n')[1]));
    }

    [Fact]
    public async Task Submit_Answers400AndNeverContactsIt_WhenTheKeyNamesAForeignTokenUri()
    {
        await using var foreign = await FakeDriveServer.StartAsync();
        var folder = $"folder-{Guid.NewGuid():N}";
        app.Drive.AddFolder(folder);
        var key = ServiceAccountKeys.Create(foreign, foreign.TokenUri);
        using var client = await app.BatchClientAsync();
        using var form = BatchRequests.Form("GOOGLE_DRIVE", null, BatchRequests.Description, ("source_config_json", Config(folder, key)));

        using var response = await client.PostAsync("/api/v1/batch-jobs", form);

        var error = await response.ErrorAsync(HttpStatusCode.BadRequest);
        Assert.Equal("INVALID_INPUT", error.GetProperty("code").GetString());
        Assert.Equal("source_config_json.service_account_json.token_uri", error.GetProperty("details").GetProperty("field").GetString());
        Assert.DoesNotContain("PRIVATE KEY", error.GetRawText(), StringComparison.Ordinal);
        Assert.Empty(foreign.Requests);
    }

    [Fact]
    public async Task Batch_FailsSourceUnavailable_WhenDriveRefusesTheToken()
    {
        var folder = $"folder-{Guid.NewGuid():N}";
        app.Drive.AddFolder(folder);
        using var client = await app.BatchClientAsync();
        const string Token = "ya29.e2e-token-nobody-accepts";
        var config = JsonSerializer.Serialize(new Dictionary<string, string>(StringComparer.Ordinal) { ["folder_id"] = folder, ["access_token"] = Token });

        var id = await SubmitAsync(client, config);
        var status = await client.WaitForBatchAsync(id);

        Assert.Equal("failed", status.GetProperty("status").GetString());
        Assert.Contains("refused the access token (HTTP 401)", status.GetProperty("error_message").GetString(), StringComparison.Ordinal);
        Assert.False(app.Logs.Contains(Token));
    }

    private async Task<Guid> SubmitAsync(HttpClient client, string config)
    {
        using var form = BatchRequests.Form("google_drive", null, BatchRequests.Description, ("source_config_json", config));
        using var response = await client.PostAsync("/api/v1/batch-jobs", form);
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.Accepted, $"Expected 202, got {(int)response.StatusCode}: {body}\n{app.Logs.Describe()}");
        return JsonDocument.Parse(body).RootElement.GetProperty("batch_job_id").GetGuid();
    }

    private static string Config(string folder, Dictionary<string, string> key) =>
        JsonSerializer.Serialize(new Dictionary<string, object>(StringComparer.Ordinal) { ["folder_id"] = folder, ["service_account_json"] = key });
}
