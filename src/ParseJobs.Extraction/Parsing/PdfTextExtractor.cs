using System.Text;
using UglyToad.PdfPig;
using UglyToad.PdfPig.Content;
using UglyToad.PdfPig.DocumentLayoutAnalysis;
using UglyToad.PdfPig.DocumentLayoutAnalysis.PageSegmenter;
using UglyToad.PdfPig.DocumentLayoutAnalysis.ReadingOrderDetector;
using UglyToad.PdfPig.DocumentLayoutAnalysis.WordExtractor;
using UglyToad.PdfPig.Exceptions;

namespace ParseJobs.Extraction.Parsing;

/// <summary>Extracts the text layer of a PDF page by page in reading order (PdfPig layout analysis:
/// words, Docstrum text blocks, then columns before rows so that sidebars are not interleaved).</summary>
public sealed class PdfTextExtractor
{
    public ExtractedDocument Extract(byte[] content, ParseLimits limits, IProgress<PageProgress>? progress = null)
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

            var pages = new List<ExtractedPage>(pageCount);
            for (var number = 1; number <= pageCount; number++)
            {
                string text;
                try
                {
                    text = PageText(document.GetPage(number));
                }
                catch (Exception ex) when (IsParserFailure(ex))
                {
                    throw Translate(ex);
                }

                pages.Add(new ExtractedPage(number, text));
                progress?.Report(new PageProgress(number, pageCount));
            }

            if (pages.TrueForAll(p => string.IsNullOrWhiteSpace(p.Text)))
                throw new DocumentParseException(ParseErrorCodes.NoTextLayer, "The PDF has no text layer (a scan?).");
            return new ExtractedDocument(DocumentType.Pdf, pages);
        }
    }

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

    internal static string PageText(Page page)
    {
        var words = page.GetWords(NearestNeighbourWordExtractor.Instance)
            .Where(w => !string.IsNullOrWhiteSpace(w.Text))
            .ToList();
        if (words.Count == 0)
            return "";
        var blocks = DocstrumBoundingBoxes.Instance.GetBlocks(words);
        var ordered = ColumnOrder(blocks, page.Width);
        var sb = new StringBuilder();
        foreach (var block in ordered)
        {
            foreach (var line in block.TextLines)
                sb.Append(line.Text).Append('\n');
        }

        return TextNormalizer.NormalizeNewlines(sb.ToString());
    }

    /// <summary>Orders blocks column by column (a recursive X-Y cut that prefers real columns): up to three
    /// top bands (a name line spanning the page) are peeled off, then a vertical gutter that no block
    /// crosses and that has substantial text on both sides splits the rest; each side is ordered the
    /// same way. Without such a gutter blocks go top to bottom, left to right, so a narrow date column
    /// stays next to the entry it belongs to.</summary>
    internal static IReadOnlyList<TextBlock> ColumnOrder(IReadOnlyList<TextBlock> blocks, double pageWidth)
    {
        if (blocks.Count < 6)
            return TopDown(blocks);
        var bands = Bands(blocks);
        for (var peeled = 0; peeled < Math.Min(4, bands.Count - 1); peeled++)
        {
            var body = bands.Skip(peeled).SelectMany(b => b).ToList();
            var gutter = FindGutter(body);
            if (gutter is null)
                continue;
            var head = bands.Take(peeled).SelectMany(b => b).ToList();
            var left = body.Where(b => b.BoundingBox.Right <= gutter.Value).ToList();
            var right = body.Where(b => b.BoundingBox.Right > gutter.Value).ToList();
            return [.. TopDown(head), .. ColumnOrder(left, pageWidth), .. ColumnOrder(right, pageWidth)];
        }

        return TopDown(blocks);
    }

    private static List<TextBlock> TopDown(IEnumerable<TextBlock> blocks) => blocks
        .OrderByDescending(b => Math.Round(b.BoundingBox.Top / 2, 0))
        .ThenBy(b => b.BoundingBox.Left)
        .ToList();

    /// <summary>Groups blocks into horizontal bands separated by a y gap that no block spans.</summary>
    private static List<List<TextBlock>> Bands(IReadOnlyList<TextBlock> blocks)
    {
        var bands = new List<List<TextBlock>>();
        var bottom = double.MaxValue;
        foreach (var block in blocks.OrderByDescending(b => b.BoundingBox.Top))
        {
            if (bands.Count == 0 || block.BoundingBox.Top < bottom - 1)
            {
                bands.Add([]);
                bottom = block.BoundingBox.Bottom;
            }

            bands[^1].Add(block);
            bottom = Math.Min(bottom, block.BoundingBox.Bottom);
        }

        return bands;
    }

    private static double? FindGutter(List<TextBlock> blocks)
    {
        const double minimumGap = 8;
        var totalChars = blocks.Sum(b => b.Text.Length);
        double? best = null;
        var bestGap = 0.0;
        foreach (var edge in blocks.Select(b => b.BoundingBox.Right).Distinct())
        {
            var x = edge + 0.5;
            if (blocks.Exists(b => b.BoundingBox.Left < x && b.BoundingBox.Right > x))
                continue;
            var left = blocks.Where(b => b.BoundingBox.Right <= x).ToList();
            var right = blocks.Where(b => b.BoundingBox.Left >= x).ToList();
            if (left.Count < 3 || right.Count < 3)
                continue;
            var gap = right.Min(b => b.BoundingBox.Left) - left.Max(b => b.BoundingBox.Right);
            if (gap < minimumGap)
                continue;

            // A real column carries text; a narrow column of dates beside entries does not.
            var share = Math.Min(left.Sum(b => b.Text.Length), right.Sum(b => b.Text.Length)) / (double)totalChars;
            if (share < 0.15)
                continue;
            if (gap > bestGap)
            {
                bestGap = gap;
                best = x;
            }
        }

        return best;
    }
}
