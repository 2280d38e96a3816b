using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;

namespace ParseJobs.Api.Tests.Infrastructure;

public static class ApiClientExtensions
{
    public static Task<HttpResponseMessage> PostFileAsync(this HttpClient client, string url, byte[] content, string fileName, string? dataId = null) =>
        client.PostFileAsync(url, content, fileName, dataId is null ? [] : [("data_id", dataId)]);

    /// <summary>A multipart upload: the file as field <c>file</c>, then the given form fields.</summary>
    public static async Task<HttpResponseMessage> PostFileAsync(this HttpClient client, string url, byte[] content, string fileName, IEnumerable<(string Name, string Value)> fields)
    {
        using var form = new MultipartFormDataContent();
        var file = new ByteArrayContent(content);
        file.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
        form.Add(file, "file", fileName);
        foreach (var (name, value) in fields)
        {
            form.Add(new StringContent(value), name);
        }

        return await client.PostAsync(url, form);
    }

    /// <summary>Uploads a CV and returns the job id (asserting 202).</summary>
    public static async Task<Guid> UploadAsync(this HttpClient client, byte[] content, string fileName = "cv.bin", string? dataId = null)
    {
        using var response = await client.PostFileAsync("/v1/parse", content, fileName, dataId);
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.Accepted, $"Expected 202, got {(int)response.StatusCode}: {body}");
        return JsonDocument.Parse(body).RootElement.GetProperty("job_id").GetGuid();
    }

    /// <summary>Polls the status endpoint until the job ends; returns the final status document.</summary>
    public static async Task<JsonElement> WaitForTerminalStatusAsync(this HttpClient client, Guid jobId, TimeSpan? timeout = null)
    {
        var deadline = DateTime.UtcNow + (timeout ?? TimeSpan.FromSeconds(60));
        while (true)
        {
            var status = await client.GetFromJsonAsync<JsonElement>($"/v1/parse/{jobId}/status");
            var value = status.GetProperty("status").GetString();
            if (value is "completed" or "failed")
            {
                return status;
            }

            Assert.True(DateTime.UtcNow < deadline, $"Job {jobId} still {value} after the timeout.");
            await Task.Delay(50);
        }
    }

    /// <summary>Polls /v1/jobs/{id} until the job ends; returns the final job (its result embedded when completed).</summary>
    public static async Task<JsonElement> WaitForJobAsync(this HttpClient client, Guid jobId, TimeSpan? timeout = null)
    {
        var deadline = DateTime.UtcNow + (timeout ?? TimeSpan.FromSeconds(60));
        while (true)
        {
            var job = await client.GetFromJsonAsync<JsonElement>($"/v1/jobs/{jobId}");
            var value = job.GetProperty("status").GetString();
            if (value is "completed" or "failed")
            {
                return job;
            }

            Assert.True(DateTime.UtcNow < deadline, $"Job {jobId} still {value} after the timeout.");
            await Task.Delay(50);
        }
    }

    public static async Task<JsonElement> ReadJsonAsync(this HttpResponseMessage response) =>
        JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
}
