namespace ParseJobs.Extraction.Parsing;

/// <summary>Dispatches to the PDF, DOCX or TXT extractor and caps the amount of text kept.</summary>
public sealed class DocumentTextExtractor : IDocumentTextExtractor
{
    private readonly PdfTextExtractor pdf = new();
    private readonly DocxTextExtractor docx = new();
    private readonly TxtTextExtractor txt = new();

    public ExtractedDocument Extract(byte[] content, DocumentType type, ParseLimits limits, IProgress<PageProgress>? progress = null)
    {
        ArgumentNullException.ThrowIfNull(content);
        ArgumentNullException.ThrowIfNull(limits);
        if (content.Length == 0)
            throw new DocumentParseException(ParseErrorCodes.EmptyDocument, "The document is empty.");
        var document = type switch
        {
            DocumentType.Pdf => pdf.Extract(content, limits, progress),
            DocumentType.Docx => docx.Extract(content, limits, progress),
            DocumentType.Txt => txt.Extract(content, limits, progress),
            _ => throw new DocumentParseException(ParseErrorCodes.UnsupportedType, $"Unsupported document type {type}."),
        };
        return Cap(document, limits.MaxTextCharacters);
    }

    /// <summary>Keeps at most <paramref name="maxCharacters"/> characters of page text, cutting the page that overflows.</summary>
    internal static ExtractedDocument Cap(ExtractedDocument document, int maxCharacters)
    {
        var remaining = maxCharacters;
        var pages = new List<ExtractedPage>(document.Pages.Count);
        foreach (var page in document.Pages)
        {
            if (remaining <= 0)
                break;
            pages.Add(page.Text.Length <= remaining ? page : page with { Text = page.Text[..remaining] });
            remaining -= page.Text.Length;
        }

        return pages.Count == document.Pages.Count && pages.Zip(document.Pages).All(p => ReferenceEquals(p.First, p.Second))
            ? document
            : document with { Pages = pages };
    }
}
