using ParseJobs.Extraction.Documents.Docx;
using ParseJobs.Extraction.Documents.Pdf;
using ParseJobs.Extraction.Documents.Txt;
using ParseJobs.Extraction.Parsing;

namespace ParseJobs.Extraction.Documents;

/// <summary>Dispatches to the PDF, DOCX or TXT layout reader; empty content is EMPTY_DOCUMENT.</summary>
public sealed class DocumentLayoutExtractor : ILayoutExtractor
{
    private readonly DocxLayoutReader docx = new();
    private readonly TxtLayoutReader txt = new();

    public LayoutDocument Extract(byte[] content, DocumentType type, ParseLimits limits, IProgress<PageProgress>? progress = null)
    {
        ArgumentNullException.ThrowIfNull(content);
        ArgumentNullException.ThrowIfNull(limits);
        if (content.Length == 0)
            throw new DocumentParseException(ParseErrorCodes.EmptyDocument, "The document is empty.");
        return type switch
        {
            // A new analyzer per document: the real one may keep per-document state.
            DocumentType.Pdf => new PdfLayoutAnalyzer().Analyze(content, limits, progress),
            DocumentType.Docx => docx.Read(content, limits, progress),
            DocumentType.Txt => txt.Read(content, limits, progress),
            _ => throw new DocumentParseException(ParseErrorCodes.UnsupportedType, $"Unsupported document type {type}."),
        };
    }
}
