using ParseJobs.Extraction.Documents;

namespace ParseJobs.Extraction.Parsing;

/// <summary>Builds the layout model of a document asynchronously, possibly in an isolated child process.</summary>
public interface IDocumentParser
{
    Task<LayoutDocument> ParseAsync(byte[] content, DocumentType type, ParseLimits limits, IProgress<PageProgress>? progress, CancellationToken ct);
}
