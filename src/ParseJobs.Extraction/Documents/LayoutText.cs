using ParseJobs.Extraction.Parsing;

namespace ParseJobs.Extraction.Documents;

/// <summary>The plain reading-order text of a layout model, for stages that read lines (the CV extractor).</summary>
public static class LayoutText
{
    /// <summary>One text per page: its segments' texts in reading order, one per line block. Pictures carry no text.</summary>
    public static ExtractedDocument ToExtractedDocument(this LayoutDocument document)
    {
        ArgumentNullException.ThrowIfNull(document);
        var pages = document.Pages
            .Select(page => new ExtractedPage(page.Number, string.Join('\n', document.Segments
                .Where(s => s.PageNumber == page.Number && s.Text.Length > 0)
                .Select(s => s.Text))))
            .ToList();
        return new ExtractedDocument(document.Type, pages);
    }
}
