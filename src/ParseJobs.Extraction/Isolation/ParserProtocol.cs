using System.Text.Json;
using System.Text.Json.Serialization;
using ParseJobs.Extraction.Documents;
using ParseJobs.Extraction.Parsing;

namespace ParseJobs.Extraction.Isolation;

// The conversation between a pool and a parser child: one JSON object per line. The child says "ready" once at
// start (so that its start-up does not count against a document's timeout); then the parent sends a request,
// the child answers with progress lines and then exactly one result or error line (the layout model, embedded
// images included). Document bytes travel in a temporary file, never through the pipe; the child writes nothing
// else to stdout. The parent reads each line within a byte budget (ParserProcessOptions.MaxReplyBytes).

internal sealed record ParseRequest(string Path, DocumentType Type, ParseLimits Limits);

/// <param name="Detail">For ANALYSIS_FAILED: the exception type and stack of our own failure, for the parent's log;
/// never shown to clients (the message is).</param>
internal sealed record ParseReply(string Kind, int Processed = 0, int Total = 0, LayoutDocument? Document = null, string? Code = null, string? Message = null, string? Detail = null)
{
    public const string ReadyKind = "ready";
    public const string ProgressKind = "progress";
    public const string ResultKind = "result";
    public const string ErrorKind = "error";
}

internal static class ParserProtocol
{
    /// <summary>Environment variable with the parent's process id: the child exits when that process is gone.</summary>
    public const string ParentPidVariable = "PARSEJOBS_PARENT_PID";

    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter() },
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };
}
