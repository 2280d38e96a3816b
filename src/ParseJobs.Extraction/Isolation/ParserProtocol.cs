using System.Text.Json;
using System.Text.Json.Serialization;
using ParseJobs.Extraction.Parsing;

namespace ParseJobs.Extraction.Isolation;

// The conversation between a pool and a parser child. The child says "ready" once at start (so that its start-up
// does not count against a document's timeout); then the parent sends a request (one JSON line: the document's
// temporary file, its type, the limits and the product to make), and the child answers with progress lines and
// then exactly one error line or one result line. A result line is a header only: the sizes of the raw bytes that
// follow it, in this order: the result JSON, the meta JSON, the images. So the parent checks every size against
// its budget before it reads anything whole, and stores the result JSON as it came, without a model round trip.
// Document bytes travel in a temporary file, never through the pipe; the child writes nothing else to stdout.

internal sealed record ParseRequest(string Path, DocumentType Type, ParseLimits Limits, ParseProduct Product);

/// <param name="Frame">For a result: what follows the line.</param>
/// <param name="Detail">For ANALYSIS_FAILED: the exception type and stack of our own failure, for the parent's log;
/// never shown to clients (the message is).</param>
internal sealed record ParseReply(string Kind, int Processed = 0, int Total = 0, ReplyFrame? Frame = null, string? Code = null, string? Message = null, string? Detail = null)
{
    public const string ReadyKind = "ready";
    public const string ProgressKind = "progress";
    public const string ResultKind = "result";
    public const string ErrorKind = "error";
}

/// <summary>The raw bytes after a result line: <see cref="JsonBytes"/> of result JSON, <see cref="MetaBytes"/> of meta
/// JSON (none when null), then each image's bytes in order.</summary>
internal sealed record ReplyFrame(int PageCount, long JsonBytes, long? MetaBytes, IReadOnlyList<FrameImage> Images, IReadOnlyList<string> Warnings)
{
    public static ReplyFrame Of(ParsedProduct product) => new(
        product.PageCount,
        product.Json.LongLength,
        product.MetaJson?.LongLength,
        [.. product.Images.Select(i => new FrameImage(i.SegmentId, i.MediaType, i.Content.LongLength))],
        product.Warnings);
}

internal sealed record FrameImage(string SegmentId, string MediaType, long Bytes);

internal static class ParserProtocol
{
    /// <summary>Environment variable with the parent's process id: the child exits when that process is gone.</summary>
    public const string ParentPidVariable = "PARSEJOBS_PARENT_PID";

    /// <summary>Most bytes of one line (ready, progress, error, result header), whatever the reply budget: a header
    /// names at most a few thousand images.</summary>
    public const long MaxLineBytes = 4L * 1024 * 1024;

    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter() },
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };
}
