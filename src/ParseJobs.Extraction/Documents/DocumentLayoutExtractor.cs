using ParseJobs.Extraction.Parsing;

namespace ParseJobs.Extraction.Documents;

// Interim dispatcher: one Text segment per line of today's text extractors; replaced by the layout readers.
public sealed class DocumentLayoutExtractor : ILayoutExtractor
{
    private readonly DocumentTextExtractor text = new();

    public LayoutDocument Extract(byte[] content, DocumentType type, ParseLimits limits, IProgress<PageProgress>? progress = null)
    {
        ExtractedDocument document;
        try
        {
            document = text.Extract(content, type, limits, progress);
        }
        catch (DocumentParseException ex) when (ex.Code == ParseErrorCodes.NoTextLayer)
        {
            return new LayoutDocument
            {
                Type = type,
                Pages = [new LayoutPage(1, 595, 842)],
                Segments = [new Segment { Id = "seg_1", Type = SegmentType.Page, PageNumber = 1, Box = new BoundingBox(0, 0, 595, 842), Text = "" }],
                Warnings = [new DocumentWarning(ParseErrorCodes.NoTextLayer, ex.Message)],
            };
        }

        var segments = new List<Segment>();
        foreach (var page in document.Pages)
        {
            var top = 0.0;
            foreach (var line in page.Text.Split('\n').Where(l => l.Length > 0))
            {
                segments.Add(new Segment
                {
                    Id = $"seg_{segments.Count + 1}",
                    Type = SegmentType.Text,
                    PageNumber = page.Number,
                    Box = new BoundingBox(0, top, 595, 12),
                    Text = line,
                    Confidence = 0.5,
                });
                top += 12;
            }
        }

        return new LayoutDocument
        {
            Type = type,
            Pages = document.Pages.Select(p => new LayoutPage(p.Number, 595, 842)).ToList(),
            Segments = segments,
            ApproximateBoxes = true,
        };
    }
}
