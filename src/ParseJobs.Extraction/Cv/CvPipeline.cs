using ParseJobs.Extraction.Documents;
using ParseJobs.Extraction.Parsing;

namespace ParseJobs.Extraction.Cv;

/// <summary>About the parsed CV (the <c>meta</c> beside the profile in the results).</summary>
/// <param name="Language">ISO 639-1 code of the document's language (en, de, fr, it), "" when unclear; the profile keeps the document's language.</param>
/// <param name="LanguageConfidence">Share of the language evidence pointing to <paramref name="Language"/>, 0–1.</param>
/// <param name="DocumentType">pdf, docx or txt, as detected from the bytes.</param>
/// <param name="PageCount">Pages read.</param>
public sealed record CvParseMeta(string Language, double LanguageConfidence, DocumentType DocumentType, int PageCount)
{
    /// <summary>What the profile may lack and why: the layout's warnings (<c>TEXT_TRUNCATED</c>) and
    /// <c>EXTRACTION_PARTIAL</c> when a part of the profile could not be read. Empty for most CVs.</summary>
    public IReadOnlyList<DocumentWarning> Warnings { get; init; } = [];

    /// <summary>Where each filled personal field and each experience and education entry stands in the document:
    /// its page and the box (points, origin top-left, as the layout results' <c>bbox</c>) around the lines it was
    /// read from, for highlighting. <c>field</c> is the profile path (<c>personal_info.full_name</c>,
    /// <c>experience.exp_1</c>, <c>education.edu_1</c>). Empty for TXT; DOCX boxes are estimates, as the layout's.</summary>
    /// <example>[{"field": "personal_info.full_name", "page_number": 1, "bbox": {"left": 50, "top": 36.2, "width": 190.4, "height": 14.1}}, {"field": "experience.exp_1", "page_number": 1, "bbox": {"left": 50, "top": 140, "width": 495.3, "height": 62.5}}]</example>
    public IReadOnlyList<FieldProvenance> Provenance { get; init; } = [];
}

/// <summary>A candidate profile and what was learnt about its document.</summary>
public sealed record CvParseResult(CvProfile Profile, CvParseMeta Meta);

/// <summary>The one CV pipeline: layout model (or text) → reading-order text → profile, language and meta. The parse
/// job, the bench and every later caller (batch items, ATS imports) call this, so that they all read a CV alike.</summary>
public sealed class CvPipeline(ICvExtractor extractor)
{
    public CvPipeline()
        : this(new CvExtractor())
    {
    }

    /// <summary>A CV from its layout model; at most <paramref name="maxTextCharacters"/> of its text are read.</summary>
    /// <exception cref="DocumentParseException">NO_TEXT_LAYER: a scan without text, which no profile can come from.</exception>
    public CvParseResult Run(LayoutDocument layout, int maxTextCharacters = int.MaxValue)
    {
        ArgumentNullException.ThrowIfNull(layout);
        if (!layout.HasText)
            throw new DocumentParseException(ParseErrorCodes.NoTextLayer, "The document has no text layer (a scan?); a CV needs text.");
        var result = Run(layout.ToExtractedDocument(maxTextCharacters), layout.Warnings);
        LinkedInLinks.Apply(result.Profile.PersonalInfo, layout);
        IReadOnlyList<FieldProvenance> provenance;
        var warnings = result.Meta.Warnings;
        try
        {
            provenance = ProvenanceLocator.Locate(layout, result.Profile);
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            // Provenance is an addition: without it the profile still stands.
            provenance = [];
            warnings = [.. warnings, new DocumentWarning(CvExtractor.PartialWarning, $"The provenance could not be located ({ex.GetType().Name}); it is empty.")];
        }

        return result with { Meta = result.Meta with { Provenance = provenance, Warnings = warnings } };
    }

    /// <summary>A CV from its reading-order text (TXT, or text another source delivered).</summary>
    public CvParseResult Run(ExtractedDocument text, IReadOnlyList<DocumentWarning>? documentWarnings = null)
    {
        ArgumentNullException.ThrowIfNull(text);
        var warnings = new List<DocumentWarning>(documentWarnings ?? []);
        CvProfile profile;
        try
        {
            profile = extractor.Extract(text, warnings);
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            // The readers guard themselves; this is the last line: content never fails a document, it empties the profile.
            profile = new CvProfile();
            warnings.Add(new DocumentWarning(CvExtractor.PartialWarning, $"The profile could not be read ({ex.GetType().Name}); it is empty."));
        }

        var language = LanguageDetector.Detect(text.Text);
        var meta = new CvParseMeta(language.Code, language.Confidence, text.Type, text.PageCount) { Warnings = warnings };
        return new CvParseResult(profile, meta);
    }
}
