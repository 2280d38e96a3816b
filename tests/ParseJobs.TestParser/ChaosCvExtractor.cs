using ParseJobs.Extraction.Cv;
using ParseJobs.Extraction.Documents;
using ParseJobs.Extraction.Parsing;

namespace ParseJobs.TestParser;

/// <summary>The real CV extractor, except that it throws on a document whose text is <c>cvbug</c>, as a field
/// reader's bug would: the child must still answer with a profile and EXTRACTION_PARTIAL (issue 9).</summary>
public sealed class ChaosCvExtractor : ICvExtractor
{
    private readonly CvExtractor _real = new();

    public CvProfile Extract(ExtractedDocument document, ICollection<DocumentWarning> warnings) =>
        document.Text.Trim() == "cvbug"
            ? throw new ArgumentOutOfRangeException(nameof(document), "Chaos: a field reader's bug.")
            : _real.Extract(document, warnings);
}
