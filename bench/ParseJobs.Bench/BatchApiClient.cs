using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;

namespace ParseJobs.Bench;

/// <summary>The calls of /api/v1/batch-jobs the batch benchmark makes (field names of the batch contract).</summary>
public sealed class BatchApiClient : IDisposable
{
    private readonly HttpClient http;

    public BatchApiClient(Uri baseUrl, string key)
    {
        var handler = new SocketsHttpHandler { MaxConnectionsPerServer = 4, UseProxy = false };
        // A sync call may take the whole of its timeout (at most 600 s).
        http = new HttpClient(handler) { BaseAddress = baseUrl, Timeout = TimeSpan.FromSeconds(660) };
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", key);
    }

    /// <summary>POST /api/v1/batch-jobs with a ZIP; the batch id of the 202.</summary>
    public async Task<Guid> SubmitZipAsync(byte[] zip, string jobId, CancellationToken ct)
    {
        using var form = Form(zip, jobId);
        using var response = await http.PostAsync(new Uri("/api/v1/batch-jobs", UriKind.Relative), form, ct);
        var body = await ReadAsync(response, ct);
        if (response.StatusCode != HttpStatusCode.Accepted)
        {
            throw new HttpRequestException($"POST /api/v1/batch-jobs answered {(int)response.StatusCode}: {body.RootElement}");
        }

        return body.RootElement.GetProperty("batch_job_id").GetGuid();
    }

    /// <summary>POST /api/v1/batch-jobs/sync; the status code and the body (results when 200).</summary>
    public async Task<(HttpStatusCode Status, JsonDocument Body)> SubmitSyncAsync(byte[] zip, string jobId, int timeoutSeconds, CancellationToken ct)
    {
        using var form = Form(zip, jobId);
        form.Add(new StringContent(timeoutSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture)), "timeout");
        using var response = await http.PostAsync(new Uri("/api/v1/batch-jobs/sync", UriKind.Relative), form, ct);
        return (response.StatusCode, await ReadAsync(response, ct));
    }

    public async Task<JsonDocument> GetStatusAsync(Guid id, CancellationToken ct) =>
        await GetAsync($"/api/v1/batch-jobs/{id}/status", ct);

    public async Task<JsonDocument> GetResultsAsync(Guid id, int skip, int limit, CancellationToken ct) =>
        await GetAsync($"/api/v1/batch-jobs/{id}/results?skip={skip}&limit={limit}", ct);

    public void Dispose() => http.Dispose();

    private static MultipartFormDataContent Form(byte[] zip, string jobId)
    {
        var form = new MultipartFormDataContent
        {
            { new StringContent("ZIP_FILE"), "input_type" },
            { new StringContent(BatchCorpus.JobDescription), "job_description_text" },
            { new StringContent(jobId), "job_id" },
        };
        var file = new ByteArrayContent(zip);
        file.Headers.ContentType = new MediaTypeHeaderValue("application/zip");
        form.Add(file, "candidate_source_file", "candidates.zip");
        return form;
    }

    private async Task<JsonDocument> GetAsync(string path, CancellationToken ct)
    {
        using var response = await http.GetAsync(new Uri(path, UriKind.Relative), ct);
        var body = await ReadAsync(response, ct);
        if (!response.IsSuccessStatusCode)
        {
            throw new HttpRequestException($"GET {path} answered {(int)response.StatusCode}: {body.RootElement}");
        }

        return body;
    }

    private static async Task<JsonDocument> ReadAsync(HttpResponseMessage response, CancellationToken ct)
    {
        var text = await response.Content.ReadAsStringAsync(ct);
        try
        {
            return JsonDocument.Parse(text);
        }
        catch (JsonException ex)
        {
            throw new HttpRequestException($"{(int)response.StatusCode} from {response.RequestMessage?.RequestUri} is not JSON: {text[..Math.Min(text.Length, 300)]}", ex);
        }
    }
}
