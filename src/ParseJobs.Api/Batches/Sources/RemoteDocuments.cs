namespace ParseJobs.Api.Batches.Sources;

/// <summary>What the cloud sources share about the files they fetch: which names are CVs, and reading within a size limit.</summary>
public static class RemoteDocuments
{
    /// <summary>The extensions of the document types the parsers read (PDF, DOCX, TXT); the parser still checks the content.</summary>
    public static readonly IReadOnlyList<string> CvExtensions = [".pdf", ".docx", ".txt"];

    public static bool HasCvExtension(string name) =>
        CvExtensions.Any(extension => name.EndsWith(extension, StringComparison.OrdinalIgnoreCase));

    public static string NotACvError(string name) =>
        $"'{Path.GetExtension(name)}' is not a CV type: PDF, DOCX and TXT files are read.";

    public static string TooLargeError(long? size, long limit) => size is { } known
        ? $"The file is {known:N0} bytes; the limit is {limit:N0} bytes."
        : $"The file is larger than the limit of {limit:N0} bytes.";

    /// <summary>Downloads in a row that got no answer (network, timeout, 5xx) after which the store counts as gone: the batch fails.</summary>
    public const int MaxConsecutiveUnreachable = 3;

    public const string EmptyError = "The file is empty (0 bytes).";

    /// <summary>
    /// The stream's bytes, or null when it holds more than <paramref name="limit"/>: never reads more than limit + 1
    /// bytes, whatever size the listing claimed (a listing can be stale or lie).
    /// </summary>
    public static async Task<byte[]?> ReadBoundedAsync(Stream stream, long limit, CancellationToken ct)
    {
        using var buffer = new MemoryStream();
        var chunk = new byte[81920];
        while (true)
        {
            var want = (int)Math.Min(chunk.Length, limit + 1 - buffer.Length);
            var read = await stream.ReadAsync(chunk.AsMemory(0, want), ct);
            if (read == 0)
            {
                return buffer.ToArray();
            }

            buffer.Write(chunk, 0, read);
            if (buffer.Length > limit)
            {
                return null;
            }
        }
    }
}
