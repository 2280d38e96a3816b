namespace ParseJobs.Extraction.Cv;

/// <summary>What every field reader reads: the CV's text (broken e-mails joined), its clean lines, its sections,
/// its "Label: value" pairs and its language, each computed once per document.</summary>
internal sealed class CvDocument
{
    private CvDocument(string text, List<string> lines, List<CvSection> sections, Dictionary<string, string> labels, DetectedLanguage language)
    {
        Text = text;
        Lines = lines;
        Sections = sections;
        Labels = labels;
        Language = language;
    }

    public string Text { get; }

    public List<string> Lines { get; }

    /// <summary>Never empty: the first section is the header before any heading.</summary>
    public List<CvSection> Sections { get; }

    /// <summary>Keyed by folded label.</summary>
    public Dictionary<string, string> Labels { get; }

    public DetectedLanguage Language { get; }

    public static CvDocument Read(string documentText)
    {
        var text = ContactPatterns.JoinBrokenEmails(documentText);
        var lines = CoverLetter.Skip(text.Split('\n').Select(CvText.Clean).Where(l => l.Length > 0 && !CvText.IsPageNumber(l)).ToList());
        var sections = SectionDetector.WithUnheadedExperience(SectionDetector.WithHeadinglessEntries(SectionDetector.Split(lines)));
        return new CvDocument(text, lines, sections, ContactPatterns.LabelledValues(lines), LanguageDetector.Detect(text));
    }

    /// <summary>The value of the first of the labels (any language) the document prints, or "".</summary>
    public string Label(params string[] names) => ContactPatterns.Label(Labels, names);
}
