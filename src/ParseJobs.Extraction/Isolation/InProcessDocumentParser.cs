using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using ParseJobs.Extraction.Parsing;

namespace ParseJobs.Extraction.Isolation;

/// <summary>Parses inside the calling process: fast, but a hostile document can take the process down.
/// For trusted input, benchmarks and tests. It runs the very <see cref="ProductMaker"/> a parser child runs.</summary>
public sealed class InProcessDocumentParser(ProductMaker maker, ILogger? logger = null) : IDocumentParser
{
    private readonly ILogger _logger = logger ?? NullLogger.Instance;

    public Task<ParsedProduct> ParseAsync(byte[] content, DocumentType type, ParseLimits limits, ParseProduct product, IProgress<PageProgress>? progress, CancellationToken ct) =>
        Task.Run(() =>
        {
            try
            {
                return maker.Make(content, type, limits, product, progress);
            }
            catch (DocumentParseException ex) when (ex.Code == ParseErrorCodes.AnalysisFailed)
            {
                // The child logs this through its pool; in process, the stack is logged here.
                _logger.LogError(ex.InnerException ?? ex, "Layout analysis failed in our own code ({ErrorCode})", ex.Code);
                throw;
            }
        }, ct);
}
