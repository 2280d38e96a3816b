namespace ParseJobs.Extraction.Parsing;

/// <summary>Reads a document and makes the asked-for product of it (<see cref="ProductMaker"/>) asynchronously,
/// possibly in an isolated child process: the caller gets only the capped, size-checked product.</summary>
public interface IDocumentParser
{
    Task<ParsedProduct> ParseAsync(byte[] content, DocumentType type, ParseLimits limits, ParseProduct product, IProgress<PageProgress>? progress, CancellationToken ct);
}
