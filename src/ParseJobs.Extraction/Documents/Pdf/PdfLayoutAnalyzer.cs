// Placeholder until the PDF layout analyzer lands; replaced on merge.
using ParseJobs.Extraction.Parsing;

namespace ParseJobs.Extraction.Documents.Pdf;

/// <summary>Minimal stand-in: one Text segment per non-empty line of <see cref="PdfTextExtractor"/>'s page text,
/// stacked on A4 pages with estimated boxes.</summary>
public sealed class PdfLayoutAnalyzer
{
    private const double LineHeight = 14;

    public LayoutDocument Analyze(byte[] content, ParseLimits limits, IProgress<PageProgress>? progress = null)
    {
        var extracted = new PdfTextExtractor().Extract(content, limits, progress);
        var segments = new List<Segment>();
        foreach (var page in extracted.Pages)
        {
            var top = 72.0;
            foreach (var line in page.Text.Split('\n').Where(l => l.Trim().Length > 0))
            {
                segments.Add(new Segment
                {
                    Id = $"seg_{segments.Count + 1}",
                    Type = SegmentType.Text,
                    PageNumber = page.Number,
                    Box = new BoundingBox(72, Math.Min(top, 842 - LineHeight), 451, LineHeight),
                    Text = line.Trim(),
                });
                top += LineHeight;
            }
        }

        var document = new LayoutDocument
        {
            Type = DocumentType.Pdf,
            Pages = [.. extracted.Pages.Select(p => new LayoutPage(p.Number, 595, 842))],
            Segments = segments,
            ApproximateBoxes = true,
        };
        return document.HasText
            ? document
            : document with { Warnings = [new DocumentWarning(ParseErrorCodes.NoTextLayer, "The PDF has no text layer.")] };
    }
}
