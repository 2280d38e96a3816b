using ParseJobs.Extraction.Documents;
using ParseJobs.Extraction.Parsing;

namespace ParseJobs.Extraction.Isolation;

/// <summary>Parses inside the calling process: fast, but a hostile document can take the process down.
/// For trusted input, benchmarks and tests.</summary>
public sealed class InProcessDocumentParser(ILayoutExtractor extractor) : IDocumentParser
{
    public Task<LayoutDocument> ParseAsync(byte[] content, DocumentType type, ParseLimits limits, IProgress<PageProgress>? progress, CancellationToken ct) =>
        Task.Run(() => extractor.Extract(content, type, limits, progress), ct);
}
