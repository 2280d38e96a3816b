using ParseJobs.Extraction.Documents;
using ParseJobs.Extraction.Documents.Pdf;

namespace ParseJobs.Extraction.Parsing;

/// <summary>The text layer of a PDF page by page in reading order, read off the layout model
/// (<see cref="PdfLayoutAnalyzer"/>). A PDF without text fails with NO_TEXT_LAYER: the CV pipeline needs text.</summary>
public sealed class PdfTextExtractor
{
    private readonly PdfLayoutAnalyzer analyzer = new();

    public ExtractedDocument Extract(byte[] content, ParseLimits limits, IProgress<PageProgress>? progress = null)
    {
        var layout = analyzer.Analyze(content, limits, progress);
        if (!layout.HasText)
            throw new DocumentParseException(ParseErrorCodes.NoTextLayer, "The PDF has no text layer (a scan?).");
        return layout.ToExtractedDocument();
    }
}
