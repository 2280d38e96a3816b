using UglyToad.PdfPig.Content;

namespace ParseJobs.Extraction.Documents.Pdf;

/// <summary>Picture segments for a page's images, keeping their bytes as PNG (when PdfPig can decode them)
/// or as the JPEG stream itself (DCT-encoded images).</summary>
internal sealed class PdfPictures
{
    // Bounds on work and memory: hostile PDFs can hold thousands of huge images.
    private const int MaxImages = 200;
    private const long MaxStoredBytes = 50L * 1024 * 1024;
    private const long MaxPngSamples = 25_000_000;

    private readonly List<DocumentImage> images = [];
    private long storedBytes;
    private int seen;

    public IReadOnlyList<DocumentImage> Images => images;

    public List<Segment> Page(Page page)
    {
        var segments = new List<Segment>();
        foreach (var image in page.GetImages())
        {
            if (++seen > MaxImages)
                break;
            var r = image.BoundingBox;
            string? imageId = null;
            var (mediaType, bytes) = Encode(image);
            if (bytes is not null && storedBytes + bytes.Length <= MaxStoredBytes)
            {
                imageId = $"img_{images.Count + 1}";
                images.Add(new DocumentImage(imageId, mediaType, bytes));
                storedBytes += bytes.Length;
            }

            segments.Add(new Segment
            {
                Id = "",
                Type = SegmentType.Picture,
                PageNumber = page.Number,
                Box = PdfLines.ToBox(r, page.Height),
                Text = "",
                ImageId = imageId,
            });
        }

        return segments;
    }

    private static (string MediaType, byte[]? Bytes) Encode(IPdfImage image)
    {
        if ((long)image.WidthInSamples * image.HeightInSamples <= MaxPngSamples)
        {
            try
            {
                if (image.TryGetPng(out var png) && png is { Length: > 0 })
                    return ("image/png", png);
            }
            catch (Exception ex) when (ex is not OutOfMemoryException)
            {
                // An undecodable image still is a picture; its raw stream may be a JPEG below.
            }
        }

        var raw = image.RawMemory.Span;
        return raw.Length > 3 && raw[0] == 0xFF && raw[1] == 0xD8 && raw[2] == 0xFF
            ? ("image/jpeg", raw.ToArray())
            : ("", null);
    }
}
