using System.Text.Json;
using System.Text.Json.Serialization;
using ParseJobs.Extraction.Parsing;

namespace ParseJobs.Extraction.Isolation;

// The conversation between a pool and a parser child: one JSON object per line. The parent sends a request,
// the child answers with progress lines and then exactly one result or error line. Document bytes travel in a
// temporary file, never through the pipe; the child writes nothing else to stdout.

internal sealed record ParseRequest(string Path, DocumentType Type, ParseLimits Limits);

internal sealed record ParseReply(string Kind, int Processed = 0, int Total = 0, WireDocument? Document = null, string? Code = null, string? Message = null)
{
    public const string ProgressKind = "progress";
    public const string ResultKind = "result";
    public const string ErrorKind = "error";
}

internal sealed record WireDocument(DocumentType Type, List<WirePage> Pages)
{
    public static WireDocument From(ExtractedDocument document) =>
        new(document.Type, document.Pages.Select(p => new WirePage(p.Number, p.Text)).ToList());

    public ExtractedDocument ToDocument() => new(Type, Pages.Select(p => new ExtractedPage(p.Number, p.Text)).ToList());
}

internal sealed record WirePage(int Number, string Text);

internal static class ParserProtocol
{
    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter() },
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };
}
