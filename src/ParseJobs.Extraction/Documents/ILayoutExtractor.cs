using ParseJobs.Extraction.Parsing;

namespace ParseJobs.Extraction.Documents;

/// <summary>Builds the layout model of a document from its bytes. Throws <see cref="DocumentParseException"/>
/// for documents that can never be read (corrupt, encrypted, too many pages); a PDF without a text layer is
/// not an error here: it yields Picture segments and a NO_TEXT_LAYER warning.</summary>
public interface ILayoutExtractor
{
    LayoutDocument Extract(byte[] content, DocumentType type, ParseLimits limits, IProgress<PageProgress>? progress = null);
}
