namespace ParseJobs.Extraction.Parsing;

/// <summary>Turns the bytes of a document into its text. Implementations throw
/// <see cref="DocumentParseException"/> for documents that can never be parsed.</summary>
public interface IDocumentTextExtractor
{
    ExtractedDocument Extract(byte[] content, DocumentType type, ParseLimits limits, IProgress<PageProgress>? progress = null);
}
