using ParseJobs.Extraction.Documents;
using ParseJobs.Extraction.Parsing;

namespace ParseJobs.Extraction.Cv;

/// <summary>Fills a candidate profile from a document's text. Pure: no I/O, no clock, no database.</summary>
public interface ICvExtractor
{
    /// <summary>The profile; what could not be read is left empty and reported in <paramref name="warnings"/>.</summary>
    CvProfile Extract(ExtractedDocument document, ICollection<DocumentWarning> warnings);
}
