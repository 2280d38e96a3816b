using ParseJobs.Extraction.Parsing;

namespace ParseJobs.Extraction.Cv;

/// <summary>Rule-based CV extractor.</summary>
public sealed class CvExtractor : ICvExtractor
{
    public CvProfile Extract(ExtractedDocument document) => new();
}
