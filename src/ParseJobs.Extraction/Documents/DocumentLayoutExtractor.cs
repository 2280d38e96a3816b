using ParseJobs.Extraction.Documents.Docx;
using ParseJobs.Extraction.Documents.Pdf;
using ParseJobs.Extraction.Documents.Txt;
using ParseJobs.Extraction.Parsing;

namespace ParseJobs.Extraction.Documents;

/// <summary>Dispatches to the PDF, DOCX or TXT layout reader; empty content is EMPTY_DOCUMENT. The result is capped
/// to the limits (<see cref="LayoutLimits"/>). The readers report what is wrong with a document as
/// <see cref="DocumentParseException"/>; any other exception is a bug in our own code and becomes
/// <see cref="ParseErrorCodes.AnalysisFailed"/> (the exception kept inside for the logs), never DOCUMENT_CORRUPT.</summary>
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
        try
        {
            var document = type switch
            {
                // A new analyzer per document: the real one may keep per-document state.
                DocumentType.Pdf => new PdfLayoutAnalyzer().Analyze(content, limits, progress),
                DocumentType.Docx => docx.Read(content, limits, progress),
                DocumentType.Txt => txt.Read(content, limits, progress),
                _ => throw new DocumentParseException(ParseErrorCodes.UnsupportedType, $"Unsupported document type {type}."),
            };
            return LayoutLimits.Apply(document, limits);
        }
        catch (Exception ex) when (ex is not (DocumentParseException or OutOfMemoryException or OperationCanceledException))
        {
            throw AnalysisFailed(ex);
        }
    }

    /// <summary>The failure of our own code on a document: the message names only the exception type, since
    /// exception messages may quote document content.</summary>
    public static DocumentParseException AnalysisFailed(Exception ex)
    {
        ArgumentNullException.ThrowIfNull(ex);
        return new(ParseErrorCodes.AnalysisFailed, $"The document could not be analysed ({ex.GetType().Name}); this is a fault of the service, not of the document.", ex);
    }
}
