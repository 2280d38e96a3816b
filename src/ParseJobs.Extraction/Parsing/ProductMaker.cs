using System.Diagnostics;
using System.Text.Json;
using ParseJobs.Extraction.Cv;
using ParseJobs.Extraction.Documents;
using ParseJobs.Extraction.Documents.Rendering;
using ParseJobs.Extraction.Payroll;
using ParseJobs.Extraction.Payroll.Sources;

namespace ParseJobs.Extraction.Parsing;

/// <summary>
/// The one place that turns document bytes into a job's product: layout model → caps (<see cref="LayoutLimits"/>)
/// → rendering, chunking or CV extraction → JSON with the wire's options → size check. A parser child runs it (so
/// that its time and heap limits cover all of it) and so does the in-process parser, so both make the same bytes.
/// </summary>
public sealed class ProductMaker(ILayoutExtractor extractor, CvPipeline pipeline, PayrollExtractor payroll)
{
    // The options the API stores and serves results with (JsonSetup.Wire is built the same way).
    private static readonly JsonSerializerOptions Wire = WireJson.CreateOptions();

    public ProductMaker()
        : this(new DocumentLayoutExtractor(), new CvPipeline(), new PayrollExtractor())
    {
    }

    public ProductMaker(ILayoutExtractor extractor, CvPipeline pipeline)
        : this(extractor, pipeline, new PayrollExtractor())
    {
    }

    /// <exception cref="DocumentParseException">The document cannot be read, a CV has no text (NO_TEXT_LAYER), or
    /// the result exceeds <see cref="ParseLimits.MaxResultBytes"/> (RESULT_TOO_LARGE).</exception>
    public ParsedProduct Make(byte[] content, DocumentType type, ParseLimits limits, ParseProduct product, IProgress<PageProgress>? progress = null)
    {
        ArgumentNullException.ThrowIfNull(limits);
        ArgumentNullException.ThrowIfNull(product);
        if (product is PayrollProduct)
            return Payroll(content, type, limits, progress);
        var extracted = extractor.Extract(content, type, limits, progress);
        try
        {
            // Capped again whatever the extractor did: a test or future extractor may not cap for itself.
            var layout = LayoutLimits.Apply(extracted, limits);
            return product switch
            {
                DocumentResultProduct document => Document(layout, document, limits),
                CvProfileProduct => Cv(layout, limits),
                _ => throw new UnreachableException($"Unknown product {product.GetType().Name}."),
            };
        }
        catch (Exception ex) when (ex is not (DocumentParseException or OutOfMemoryException or OperationCanceledException))
        {
            // Rendering is our own code like the readers: a fault in it is ANALYSIS_FAILED, in a child or in process.
            throw DocumentLayoutExtractor.AnalysisFailed(ex);
        }
    }

    private static ParsedProduct Document(LayoutDocument layout, DocumentResultProduct request, ParseLimits limits)
    {
        // Each distinct image once, stored under the first picture that shows it; every picture showing it links there.
        var stored = layout.Images.ToDictionary(i => i.Id, StringComparer.Ordinal);
        var urls = new Dictionary<string, string>(StringComparer.Ordinal);
        var images = new List<ProductImage>();
        foreach (var segment in layout.Segments)
        {
            if (segment.ImageId is { } id && !urls.ContainsKey(id) && stored.TryGetValue(id, out var image))
            {
                urls[id] = request.ImageUrlPrefix + segment.Id;
                images.Add(new ProductImage(segment.Id, image.MediaType, image.Content));
            }
        }

        var result = DocumentParseResult.From(layout, request, urls);
        return new ParsedProduct(Serialize(result, limits), layout.PageCount)
        {
            Images = images,
            Warnings = [.. layout.Warnings.Select(w => w.Code)],
        };
    }

    private ParsedProduct Cv(LayoutDocument layout, ParseLimits limits)
    {
        // NO_TEXT_LAYER for a scan: a profile needs text. A field reader that throws empties its part (a warning).
        var cv = pipeline.Run(layout, limits.MaxTextCharacters);
        return new ParsedProduct(Serialize(cv.Profile, limits), layout.PageCount)
        {
            MetaJson = JsonSerializer.SerializeToUtf8Bytes(cv.Meta, Wire),
            Warnings = [.. cv.Meta.Warnings.Select(w => w.Code)],
        };
    }

    private ParsedProduct Payroll(byte[] content, DocumentType type, ParseLimits limits, IProgress<PageProgress>? progress)
    {
        // Sources read their own formats (CSV and XLSX need no layout); PDF and DOCX go through the layout model.
        var source = new PayrollSourceReader(extractor).Read(content, type, limits, progress);
        try
        {
            var result = payroll.Extract(source);
            return new ParsedProduct(Serialize(result, limits), source.Rows.Count == 0 ? 0 : source.Rows[^1].Page)
            {
                Warnings = [.. result.Warnings.Select(w => w.Code).Distinct(StringComparer.Ordinal)],
            };
        }
        catch (Exception ex) when (ex is not (DocumentParseException or OutOfMemoryException or OperationCanceledException))
        {
            throw DocumentLayoutExtractor.AnalysisFailed(ex);
        }
    }

    private static byte[] Serialize<T>(T result, ParseLimits limits)
    {
        var json = JsonSerializer.SerializeToUtf8Bytes(result, Wire);
        if (json.LongLength > limits.MaxResultBytes)
        {
            throw new DocumentParseException(ParseErrorCodes.ResultTooLarge,
                $"The result is larger than {limits.MaxResultBytes / (1024 * 1024)} MB (Results:MaxResultMb); split the document or ask for less (include_markdown, include_html).");
        }

        return json;
    }
}
