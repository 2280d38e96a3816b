namespace ParseJobs.Api.Ats.Hr4You;

/// <summary>
/// Innermost handler, run once per attempt: it reads a JSON answer's body inside the attempt, so that the attempt
/// timeout covers a body that trickles or stops, and a connection dropped mid-body is an <see cref="HttpRequestException"/>
/// that the retry strategy retries. Documents (<see cref="Streamed"/>) are left to the client, which reads them with a
/// size limit.
/// </summary>
internal sealed class Hr4YouAttemptHandler : DelegatingHandler
{
    /// <summary>Set on requests whose body the client streams itself (documents).</summary>
    public static readonly HttpRequestOptionsKey<bool> Streamed = new("ParseJobs.Hr4You.Streamed");

    /// <summary>Largest JSON answer: a consultant, an applicant or a job post is a few KB.</summary>
    public const int MaxJsonBytes = 2 * 1024 * 1024;

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var response = await base.SendAsync(request, cancellationToken);
        if (request.Options.TryGetValue(Streamed, out var streamed) && streamed)
        {
            return response;
        }

        try
        {
            if (response.Content.Headers.ContentLength > MaxJsonBytes)
            {
                throw TooLarge(request);
            }

            var stream = await response.Content.ReadAsStreamAsync(cancellationToken);
            await using (stream)
            {
                var body = await BoundedRead.ReadAsync(stream, MaxJsonBytes, response.Content.Headers.ContentLength, cancellationToken)
                    ?? throw TooLarge(request);
                var buffered = new ByteArrayContent(body);
                foreach (var header in response.Content.Headers)
                {
                    buffered.Headers.TryAddWithoutValidation(header.Key, header.Value);
                }

                response.Content.Dispose();
                response.Content = buffered;
                return response;
            }
        }
        catch (IOException ex)
        {
            response.Dispose();
            throw new HttpRequestException("The connection to HR4YOU ended before the answer did.", ex);
        }
        catch
        {
            response.Dispose();
            throw;
        }
    }

    private static Hr4YouException TooLarge(HttpRequestMessage request) =>
        Hr4YouJson.Malformed(request.RequestUri?.AbsolutePath ?? "?", $"an answer larger than {MaxJsonBytes / 1024 / 1024} MB");
}

/// <summary>Reads a stream to its end, at most a number of bytes.</summary>
internal static class BoundedRead
{
    /// <summary>The bytes, or null when there are more than <paramref name="maxBytes"/>. Never holds more than
    /// <paramref name="maxBytes"/> + one buffer in memory.</summary>
    public static async Task<byte[]?> ReadAsync(Stream stream, long maxBytes, long? expectedLength, CancellationToken ct)
    {
        using var memory = new MemoryStream(expectedLength is { } length and > 0 && length <= maxBytes ? (int)length : 0);
        var buffer = new byte[81_920];
        int read;
        while ((read = await stream.ReadAsync(buffer, ct)) > 0)
        {
            if (memory.Length + read > maxBytes)
            {
                return null;
            }

            memory.Write(buffer, 0, read);
        }

        // Sized from Content-Length, the buffer is the document: no second copy of a 20 MB CV.
        return memory.Length == memory.Capacity ? memory.GetBuffer() : memory.ToArray();
    }
}
