using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using Microsoft.Extensions.Options;
using Polly.CircuitBreaker;
using Polly.Timeout;

namespace ParseJobs.Api.Ats.Hr4You;

/// <summary>
/// HR4YOU over a typed HttpClient whose resilience pipeline (<see cref="Hr4YouSetup"/>) times out, retries and breaks
/// the circuit per base URL. This class builds each request from the organisation's connection and turns what the
/// pipeline finally got into a record, null (404) or an <see cref="Hr4YouException"/>.
/// </summary>
public sealed class Hr4YouClient(HttpClient http, IOptions<Hr4YouOptions> options, ILogger<Hr4YouClient> log) : IHr4YouClient
{
    public Task<Hr4YouConsultant?> GetConsultantAsync(Hr4YouConnection connection, string userId, CancellationToken ct) =>
        GetJsonAsync(connection, $"consultants/{Segment(userId)}", Hr4YouJson.Consultant, ct);

    public Task<Hr4YouApplicant?> GetApplicantAsync(Hr4YouConnection connection, string applicantId, CancellationToken ct) =>
        GetJsonAsync(connection, $"applicants/{Segment(applicantId)}", Hr4YouJson.Applicant, ct);

    public Task<Hr4YouJobPost?> GetJobAsync(Hr4YouConnection connection, string jobId, CancellationToken ct) =>
        GetJsonAsync(connection, $"jobs/{Segment(jobId)}", Hr4YouJson.Job, ct);

    public async Task<Hr4YouDocument?> GetDocumentAsync(Hr4YouConnection connection, string applicantId, string documentId, long maxBytes, CancellationToken ct)
    {
        var path = $"applicants/{Segment(applicantId)}/documents/{Segment(documentId)}";
        var limit = Math.Min(maxBytes, options.Value.MaxDocumentBytes);
        using var request = Request(connection, path);
        request.Options.Set(Hr4YouAttemptHandler.Streamed, true);
        using var response = await SendAsync(request, path, HttpCompletionOption.ResponseHeadersRead, ct);
        if (!Succeeded(response, path))
        {
            return null;
        }

        var content = response.Content.Headers;
        if (content.ContentLength > limit)
        {
            throw Fail(new Hr4YouException(Hr4YouFailure.TooLarge,
                $"The document of GET /{path} has {content.ContentLength} bytes, more than the limit of {limit}."), path);
        }

        using var reading = CancellationTokenSource.CreateLinkedTokenSource(ct);
        reading.CancelAfter(options.Value.DocumentReadTimeout);
        byte[]? bytes;
        try
        {
            await using var stream = await response.Content.ReadAsStreamAsync(reading.Token);
            bytes = await BoundedRead.ReadAsync(stream, limit, content.ContentLength, reading.Token);
        }
        catch (Exception ex) when (ex is IOException or HttpRequestException)
        {
            throw Fail(new Hr4YouException(Hr4YouFailure.Truncated,
                $"The document of GET /{path} was cut short: the connection ended before its {content.ContentLength?.ToString(CultureInfo.InvariantCulture) ?? "announced"} bytes.",
                inner: ex), path);
        }
        catch (OperationCanceledException ex) when (!ct.IsCancellationRequested)
        {
            throw Fail(new Hr4YouException(Hr4YouFailure.Unavailable,
                $"Reading the document of GET /{path} took longer than {options.Value.DocumentReadTimeoutSeconds} s.", inner: ex), path);
        }

        if (bytes is null)
        {
            throw Fail(new Hr4YouException(Hr4YouFailure.TooLarge, $"The document of GET /{path} is larger than the limit of {limit} bytes."), path);
        }

        if (content.ContentLength is { } expected && bytes.LongLength != expected)
        {
            throw Fail(new Hr4YouException(Hr4YouFailure.Truncated,
                $"The document of GET /{path} has {bytes.LongLength} of its {expected} bytes."), path);
        }

        return new Hr4YouDocument(bytes, content.ContentType?.MediaType, FileName(content.ContentDisposition));
    }

    private async Task<T?> GetJsonAsync<T>(Hr4YouConnection connection, string path, Func<JsonElement, string, T> read, CancellationToken ct)
        where T : class
    {
        using var request = Request(connection, path);
        using var response = await SendAsync(request, path, HttpCompletionOption.ResponseContentRead, ct);
        if (!Succeeded(response, path))
        {
            return null;
        }

        try
        {
            // Buffered by Hr4YouAttemptHandler inside the attempt: this reads memory.
            var body = await response.Content.ReadAsByteArrayAsync(ct);
            using var json = JsonDocument.Parse(body);
            return read(json.RootElement, "/" + path);
        }
        catch (JsonException ex)
        {
            throw Fail(Hr4YouJson.Malformed("/" + path, "not JSON", ex), path);
        }
        catch (Hr4YouException ex)
        {
            throw Fail(ex, path);
        }
    }

    /// <summary>Sends through the pipeline; the pipeline's give-ups become <see cref="Hr4YouFailure.Unavailable"/>.</summary>
    private async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, string path, HttpCompletionOption completion, CancellationToken ct)
    {
        try
        {
            return await http.SendAsync(request, completion, ct);
        }
        catch (Hr4YouException ex)
        {
            throw Fail(ex, path); // an answer too large to be JSON we can use (Hr4YouAttemptHandler)
        }
        catch (BrokenCircuitException ex)
        {
            throw Fail(new Hr4YouException(Hr4YouFailure.Unavailable,
                $"HR4YOU failed repeatedly; calls to it are paused for up to {options.Value.CircuitBreakerBreakSeconds} s (GET /{path} not sent).",
                options.Value.CircuitBreakerBreak, ex), path);
        }
        catch (TimeoutRejectedException ex)
        {
            throw Fail(new Hr4YouException(Hr4YouFailure.Unavailable,
                $"HR4YOU did not answer GET /{path} in time ({ex.Timeout.TotalSeconds.ToString(CultureInfo.InvariantCulture)} s).", inner: ex), path);
        }
        catch (HttpRequestException ex)
        {
            throw Fail(new Hr4YouException(Hr4YouFailure.Unavailable,
                $"HR4YOU could not be reached for GET /{path}, or it dropped the connection ({ex.HttpRequestError}).", inner: ex), path);
        }
        catch (OperationCanceledException ex) when (!ct.IsCancellationRequested)
        {
            // HttpClient's own timeout, the backstop behind the pipeline's.
            throw Fail(new Hr4YouException(Hr4YouFailure.Unavailable, $"HR4YOU did not answer GET /{path} in time.", inner: ex), path);
        }
    }

    /// <summary>True for 2xx, false for 404; every other status throws.</summary>
    private bool Succeeded(HttpResponseMessage response, string path)
    {
        var status = (int)response.StatusCode;
        if (response.IsSuccessStatusCode)
        {
            return true;
        }

        if (response.StatusCode is HttpStatusCode.NotFound)
        {
            return false;
        }

        if (response.StatusCode is HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden)
        {
            throw Fail(new Hr4YouException(Hr4YouFailure.Unauthorized,
                $"HR4YOU refused the connection's API token ({status} for GET /{path}); set a new one with 'ats connect' or PUT /v1/admin/ats-connections/hr4you."), path);
        }

        if (Hr4YouResilience.IsTransient(response.StatusCode))
        {
            var retryAfter = Hr4YouResilience.RetryAfter(response);
            throw Fail(new Hr4YouException(Hr4YouFailure.Unavailable,
                $"HR4YOU answered {status} to GET /{path}{(retryAfter is null ? "" : $" (Retry-After {retryAfter.Value.TotalSeconds.ToString(CultureInfo.InvariantCulture)} s)")}, also after retrying.",
                retryAfter), path);
        }

        // Statuses the contract does not describe (400, 405, 3xx …): not an answer the client can use.
        throw Fail(new Hr4YouException(Hr4YouFailure.Malformed, $"HR4YOU answered {status} to GET /{path}, which its API does not describe."), path);
    }

    private HttpRequestMessage Request(Hr4YouConnection connection, string path)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, new Uri(BaseOf(connection), path));
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", connection.Token);
        return request;
    }

    /// <summary>The base URL with a trailing slash, so that its path (<c>https://x.example/api/v2</c>) is kept.</summary>
    private static Uri BaseOf(Hr4YouConnection connection) =>
        connection.BaseUrl.AbsoluteUri.EndsWith('/') ? connection.BaseUrl : new Uri(connection.BaseUrl.AbsoluteUri + "/");

    /// <summary>An id as one escaped path segment: "../x" or "a/b" can never reach another route.</summary>
    private static string Segment(string id)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(id);
        return Uri.EscapeDataString(id.Trim());
    }

    private static string? FileName(ContentDispositionHeaderValue? disposition) =>
        (disposition?.FileNameStar ?? disposition?.FileName)?.Trim('"') is { Length: > 0 } name ? name : null;

    private Hr4YouException Fail(Hr4YouException failure, string path)
    {
        // The path holds ids only; the message never the token (nor does anything else here).
        log.LogWarning("HR4YOU GET /{Path} failed ({Failure}): {Reason}", path, failure.Failure, failure.Message);
        return failure;
    }
}
