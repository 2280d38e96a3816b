using ParseJobs.Extraction.Parsing;

namespace ParseJobs.Extraction.Isolation;

/// <summary>Parses inside the calling process: fast, but a hostile document can take the process down.
/// For trusted input, benchmarks and tests.</summary>
public sealed class InProcessDocumentParser(IDocumentTextExtractor extractor) : IDocumentParser
{
    public Task<ExtractedDocument> ParseAsync(byte[] content, DocumentType type, ParseLimits limits, IProgress<PageProgress>? progress, CancellationToken ct) =>
        Task.Run(() => extractor.Extract(content, type, limits, progress), ct);
}
