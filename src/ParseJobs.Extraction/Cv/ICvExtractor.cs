using ParseJobs.Extraction.Parsing;

namespace ParseJobs.Extraction.Cv;

/// <summary>Fills a candidate profile from a document's text. Pure: no I/O, no clock, no database.</summary>
public interface ICvExtractor
{
    CvProfile Extract(ExtractedDocument document);
}
