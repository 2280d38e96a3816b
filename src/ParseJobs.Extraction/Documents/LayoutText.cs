using ParseJobs.Extraction.Documents.Pdf;
using ParseJobs.Extraction.Parsing;

namespace ParseJobs.Extraction.Documents;

/// <summary>The plain reading-order text of a layout model, for stages that read lines (the CV extractor).</summary>
public static class LayoutText
{
    /// <summary>
    /// One text per page: its segments' texts in reading order, one per line. Pictures carry no text. Running
    /// headers and footers count once, on their first page (CVs print contact data there). At most
    /// <paramref name="maxCharacters"/> characters are kept, cutting the page that overflows.
    /// </summary>
    public static ExtractedDocument ToExtractedDocument(this LayoutDocument document, int maxCharacters = int.MaxValue)
    {
        ArgumentNullException.ThrowIfNull(document);
        var seen = new HashSet<(SegmentType, string)>();
        var remaining = maxCharacters;
        var pages = new List<ExtractedPage>(document.PageCount);
        foreach (var page in document.Pages)
        {
            if (remaining <= 0)
                break;
            var text = TextNormalizer.NormalizeNewlines(string.Join('\n', document.Segments
                .Where(s => s.PageNumber == page.Number && s.Text.Length > 0)
                .Where(s => s.Type is not (SegmentType.PageHeader or SegmentType.PageFooter) || seen.Add((s.Type, HeaderFooterDetector.Key(s.Text))))
                .Select(s => s.Text)));
            if (text.Length > remaining)
                text = text[..remaining];
            remaining -= text.Length;
            pages.Add(new ExtractedPage(page.Number, text));
        }

        return new ExtractedDocument(document.Type, pages);
    }

    /// <summary>Every hyperlink of the document in reading order, with the page it is on: the URIs behind
    /// labels ("LinkedIn" → https://www.linkedin.com/in/…) that the reading-order text does not show.</summary>
    public static IReadOnlyList<(int PageNumber, SegmentLink Link)> Links(this LayoutDocument document)
    {
        ArgumentNullException.ThrowIfNull(document);
        return document.Segments.SelectMany(s => s.Links.Select(l => (s.PageNumber, l))).ToList();
    }
}
