using System.Text.Json;
using System.Text.Json.Serialization;
using ParseJobs.Extraction.Documents;
using ParseJobs.Extraction.Parsing;

namespace ParseJobs.Extraction.Isolation;

// The conversation between a pool and a parser child: one JSON object per line. The parent sends a request,
// the child answers with progress lines and then exactly one result or error line (the layout model, embedded
// images included). Document bytes travel in a temporary file, never through the pipe; the child writes nothing
// else to stdout.

internal sealed record ParseRequest(string Path, DocumentType Type, ParseLimits Limits);

internal sealed record ParseReply(string Kind, int Processed = 0, int Total = 0, LayoutDocument? Document = null, string? Code = null, string? Message = null)
{
    public const string ProgressKind = "progress";
    public const string ResultKind = "result";
    public const string ErrorKind = "error";
}

internal static class ParserProtocol
{
    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter() },
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };
}
