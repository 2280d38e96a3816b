namespace ParseJobs.Extraction.Parsing;

/// <summary>Parses a document asynchronously, possibly in an isolated child process.</summary>
public interface IDocumentParser
{
    Task<ExtractedDocument> ParseAsync(byte[] content, DocumentType type, ParseLimits limits, IProgress<PageProgress>? progress, CancellationToken ct);
}
