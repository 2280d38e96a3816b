using System.Globalization;
using ParseJobs.Extraction.Parsing;
using UglyToad.PdfPig;
using UglyToad.PdfPig.Exceptions;

namespace ParseJobs.Extraction.Documents.Pdf;

/// <summary>Builds the layout model of a PDF: pages, and segments in reading order (columns and sidebars
/// not interleaved) typed as title, section header, list item, table, picture, running header/footer or
/// text. A PDF without a text layer yields pictures and a NO_TEXT_LAYER warning, not an error.</summary>
public sealed class PdfLayoutAnalyzer
{
    public LayoutDocument Analyze(byte[] content, ParseLimits limits, IProgress<PageProgress>? progress = null)
    {
        ArgumentNullException.ThrowIfNull(content);
        ArgumentNullException.ThrowIfNull(limits);
        PdfDocument document;
        try
        {
            document = PdfDocument.Open(content, new ParsingOptions { UseLenientParsing = true, SkipMissingFonts = true });
        }
        catch (Exception ex) when (IsParserFailure(ex))
        {
            throw Translate(ex);
        }

        using (document)
        {
            int pageCount;
            try
            {
                if (document.IsEncrypted && !CanRead(document))
                    throw new DocumentParseException(ParseErrorCodes.DocumentEncrypted, "The PDF is encrypted.");
                pageCount = document.NumberOfPages;
            }
            catch (Exception ex) when (IsParserFailure(ex))
            {
                throw Translate(ex);
            }

            if (pageCount > limits.MaxPages)
                throw new DocumentParseException(ParseErrorCodes.TooManyPages, $"The PDF has {pageCount} pages; at most {limits.MaxPages} are allowed.");
            if (pageCount == 0)
                throw new DocumentParseException(ParseErrorCodes.DocumentCorrupt, "The PDF has no pages.");

            var pages = new List<LayoutPage>(pageCount);
            var groups = new List<IReadOnlyList<LineGroup>>(pageCount);
            var graphics = new List<PageGraphics>(pageCount);
            var pictures = new List<List<Segment>>(pageCount);
            var links = new List<List<(BoundingBox Box, SegmentLink Link)>>(pageCount);
            var images = new PdfPictures();
            for (var number = 1; number <= pageCount; number++)
            {
                try
                {
                    var page = document.GetPage(number);
                    pages.Add(new LayoutPage(number, page.Width, page.Height));
                    var pageGraphics = page.Letters.Count > 0 ? PageGraphics.From(page) : PageGraphics.Empty;
                    groups.Add(ReadingOrder.Page(page, pageGraphics));
                    graphics.Add(pageGraphics);
                    pictures.Add(images.Page(page));
                    links.Add(PdfLinks.Read(page));
                }
                catch (Exception ex) when (IsParserFailure(ex))
                {
                    throw Translate(ex);
                }

                progress?.Report(new PageProgress(number, pageCount));
            }

            var hasText = groups.Exists(g => g.Count > 0);
            var segments = hasText ? PdfLinks.Attach(TextSegments(pages, groups, graphics, pictures), links) : PictureSegments(pages, pictures);
            return new LayoutDocument
            {
                Type = DocumentType.Pdf,
                Pages = pages,
                Segments = segments.Select((s, i) => s with { Id = "seg_" + (i + 1).ToString(CultureInfo.InvariantCulture) }).ToList(),
                Images = images.Images,
                Warnings = hasText ? [] : [new DocumentWarning(ParseErrorCodes.NoTextLayer, "The PDF has no text layer (a scan?); its pages are returned as pictures.")],
            };
        }
    }

    private static List<Segment> TextSegments(
        List<LayoutPage> pages, List<IReadOnlyList<LineGroup>> groups, List<PageGraphics> graphics, List<List<Segment>> pictures)
    {
        var fonts = FontStatistics.From(groups.SelectMany(g => g).SelectMany(g => g.Lines));
        var title = SegmentClassifier.Title(groups[0], pages[0].Height, fonts);
        var segments = new List<Segment>();
        for (var i = 0; i < pages.Count; i++)
        {
            var page = SegmentClassifier.Classify(pages[i].Number, pages[i].Height, groups[i], fonts, graphics[i], title);

            // A picture goes before the first segment that starts below its top edge.
            foreach (var picture in pictures[i])
            {
                var at = page.FindIndex(s => s.Box.Top >= picture.Box.Top);
                page.Insert(at < 0 ? page.Count : at, picture);
            }

            segments.AddRange(page);
        }

        return HeaderFooterDetector.Apply(segments, pages);
    }

    /// <summary>A scan: its images, or the whole page where it has none.</summary>
    private static List<Segment> PictureSegments(List<LayoutPage> pages, List<List<Segment>> pictures) =>
        pages.SelectMany((page, i) => pictures[i].Count > 0
            ? pictures[i]
            : [new Segment { Id = "", Type = SegmentType.Page, PageNumber = page.Number, Box = new BoundingBox(0, 0, page.Width, page.Height), Text = "" }])
        .ToList();

    private static bool CanRead(PdfDocument document)
    {
        // PdfPig opens documents with an empty user password; the first page proves decryption worked.
        _ = document.GetPage(1);
        return true;
    }

    private static bool IsParserFailure(Exception ex) =>
        ex is not (OutOfMemoryException or DocumentParseException or OperationCanceledException);

    private static DocumentParseException Translate(Exception ex) => ex is PdfDocumentEncryptedException
        ? new DocumentParseException(ParseErrorCodes.DocumentEncrypted, "The PDF is encrypted.", ex)
        : new DocumentParseException(ParseErrorCodes.DocumentCorrupt, "The PDF is damaged or not a PDF.", ex);
}
