using ParseJobs.Extraction.Documents;

namespace ParseJobs.Extraction.Parsing;

/// <summary>The reading-order text of a document, read off its layout model exactly as the CV pipeline reads it;
/// a document without text fails with NO_TEXT_LAYER, and at most <see cref="ParseLimits.MaxTextCharacters"/> are kept.</summary>
public sealed class DocumentTextExtractor
{
    private readonly DocumentLayoutExtractor layout = new();

    public ExtractedDocument Extract(byte[] content, DocumentType type, ParseLimits limits, IProgress<PageProgress>? progress = null)
    {
        ArgumentNullException.ThrowIfNull(limits);
        var document = layout.Extract(content, type, limits, progress);
        if (!document.HasText)
            throw new DocumentParseException(ParseErrorCodes.NoTextLayer, "The document has no text layer (a scan?).");
        return document.ToExtractedDocument(limits.MaxTextCharacters);
    }
}
