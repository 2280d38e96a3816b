using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using ParseJobs.Extraction;

namespace ParseJobs.Bench;

/// <summary>The few calls of the ParseJobs API the benchmarks need, on one shared HTTP/1.1 connection pool.</summary>
public sealed class ParseApiClient : IDisposable
{
    private static readonly JsonSerializerOptions Json = WireJson.CreateOptions();
    private readonly HttpClient http;

    public ParseApiClient(Uri baseUrl, string key, int maxConnections)
    {
        var handler = new SocketsHttpHandler
        {
            MaxConnectionsPerServer = maxConnections,
            PooledConnectionLifetime = TimeSpan.FromMinutes(10),
            UseProxy = false,
        };
        // Past the longest long poll (30 s) the service answers.
        http = new HttpClient(handler) { BaseAddress = baseUrl, Timeout = TimeSpan.FromSeconds(45) };
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", key);
    }

    public async Task<Guid> SubmitAsync(byte[] pdf, CancellationToken ct)
    {
        using var form = new MultipartFormDataContent();
        using var file = new ByteArrayContent(pdf);
        file.Headers.ContentType = new MediaTypeHeaderValue("application/pdf");
        form.Add(file, "file", "cv.pdf");
        using var response = await http.PostAsync(new Uri("/v1/parse", UriKind.Relative), form, ct);
        await EnsureSuccessAsync(response, ct);
        var accepted = await response.Content.ReadFromJsonAsync<JobAccepted>(Json, ct);
        return accepted?.JobId ?? throw new InvalidOperationException("POST /v1/parse returned no job_id.");
    }

    public async Task<JobStatusSnapshot> GetStatusAsync(Guid jobId, CancellationToken ct, int waitSeconds = 0)
    {
        using var response = await http.GetAsync(waitSeconds > 0 ? new Uri($"/v1/parse/{jobId}/status?wait={waitSeconds}", UriKind.Relative) : StatusUri(jobId), ct);
        await EnsureSuccessAsync(response, ct);
        return await response.Content.ReadFromJsonAsync<JobStatusSnapshot>(Json, ct)
               ?? throw new InvalidOperationException("The status response was empty.");
    }

    /// <summary>GET status and read the body; true on 200. The raw call of the requests-per-second benchmark.</summary>
    public async Task<bool> GetStatusRawAsync(Uri statusUri, CancellationToken ct)
    {
        using var response = await http.GetAsync(statusUri, HttpCompletionOption.ResponseContentRead, ct);
        return response.IsSuccessStatusCode;
    }

    /// <summary>Polls (or long-polls) until the job is completed; throws when it fails or the deadline passes.</summary>
    public async Task<JobStatusSnapshot> WaitForCompletionAsync(Guid jobId, CompletionWait wait, CancellationToken ct)
    {
        while (true)
        {
            var status = await GetStatusAsync(jobId, ct, wait.LongPollSeconds);
            switch (status.Status)
            {
                case "completed":
                    return status;
                case "failed":
                    throw new InvalidOperationException($"Job {jobId} failed: {status.Error?.Code} {status.Error?.Message}");
            }

            if (wait.LongPollSeconds == 0)
            {
                await Task.Delay(wait.PollInterval, ct);
            }
        }
    }

    public static Uri StatusUri(Guid jobId) => new($"/v1/parse/{jobId}/status", UriKind.Relative);

    public void Dispose() => http.Dispose();

    private static async Task EnsureSuccessAsync(HttpResponseMessage response, CancellationToken ct)
    {
        if (!response.IsSuccessStatusCode)
        {
            var body = await response.Content.ReadAsStringAsync(ct);
            throw new HttpRequestException($"{(int)response.StatusCode} from {response.RequestMessage?.RequestUri}: {body}");
        }
    }

    private sealed record JobAccepted(Guid JobId);
}

public sealed record JobError(string Code, string Message);

/// <summary>How a client learns that its job ended: a status poll every <see cref="PollInterval"/>, or long polls
/// (<c>status?wait=N</c>) of <see cref="LongPollSeconds"/> when that is positive (<c>--wait N</c>).</summary>
public sealed record CompletionWait(TimeSpan PollInterval, int LongPollSeconds)
{
    public override string ToString() => LongPollSeconds > 0
        ? $"long polls of {LongPollSeconds} s"
        : string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{PollInterval.TotalMilliseconds:0} ms polling");
}

/// <summary>The fields of GET /v1/parse/{id}/status the benchmarks read (server timestamps).</summary>
public sealed record JobStatusSnapshot(
    Guid JobId, string Status, DateTimeOffset CreatedAt, DateTimeOffset? StartedAt, DateTimeOffset? CompletedAt, JobError? Error)
{
    public double EnqueueToStartMs => StartedAt is { } started ? (started - CreatedAt).TotalMilliseconds : double.NaN;
}
