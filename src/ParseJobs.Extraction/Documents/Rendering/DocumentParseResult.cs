using ParseJobs.Extraction.Documents.Chunking;
using ParseJobs.Extraction.Parsing;

namespace ParseJobs.Extraction.Documents.Rendering;

/// <summary>A parsed document: pages, chunks of segments in reading order, and the whole document as markdown.</summary>
/// <param name="PageCount">Number of pages.</param>
/// <param name="Pages">Page sizes in points.</param>
/// <param name="ApproximateBoxes">True for DOCX and TXT, whose boxes are estimates (they have no fixed layout).</param>
/// <param name="Chunks">The body in reading order, cut at section boundaries near <c>chunk_target_length</c> words.</param>
/// <param name="HeadersFooters">Running page headers and footers, kept out of the chunks and the markdown.</param>
/// <param name="Markdown">The whole body as markdown (also at GET /v1/documents/{id}/markdown).</param>
/// <param name="Warnings">Conditions worth knowing, e.g. NO_TEXT_LAYER for a scan.</param>
public sealed record DocumentParseResult(
    int PageCount,
    IReadOnlyList<PageResponse> Pages,
    bool ApproximateBoxes,
    IReadOnlyList<ChunkResponse> Chunks,
    IReadOnlyList<SegmentResponse> HeadersFooters,
    string Markdown,
    IReadOnlyList<WarningResponse> Warnings)
{
    /// <summary>The result of a capped layout model; <paramref name="imageUrls"/> maps an image id to the URL its
    /// stored bytes are served at (pictures whose image is not stored get no <c>image_url</c>).</summary>
    public static DocumentParseResult From(LayoutDocument document, DocumentResultProduct request, IReadOnlyDictionary<string, string> imageUrls)
    {
        ArgumentNullException.ThrowIfNull(document);
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(imageUrls);
        var pages = document.Pages.ToDictionary(p => p.Number);
        SegmentResponse Segment(Segment s) => SegmentResponse.From(s, pages.GetValueOrDefault(s.PageNumber), request,
            s.ImageId is { } id ? imageUrls.GetValueOrDefault(id) : null);

        return new DocumentParseResult(
            document.PageCount,
            document.Pages.Select(p => new PageResponse(p.Number, p.Width, p.Height)).ToList(),
            document.ApproximateBoxes,
            Chunker.Split(document, request.ChunkTargetLength)
                .Select(c => new ChunkResponse(c.ChunkId, c.Length, c.Segments.Select(Segment).ToList()))
                .ToList(),
            document.Segments.Where(s => s.Type is SegmentType.PageHeader or SegmentType.PageFooter).Select(Segment).ToList(),
            SegmentRenderer.DocumentMarkdown(document),
            document.Warnings.Select(w => new WarningResponse(w.Code, w.Message)).ToList());
    }
}

public sealed record PageResponse(int PageNumber, double Width, double Height);

/// <param name="ChunkLength">Words in the chunk.</param>
public sealed record ChunkResponse(string ChunkId, int ChunkLength, IReadOnlyList<SegmentResponse> Segments);

/// <summary>A rectangle in points, origin at the page's top-left corner.</summary>
public sealed record BoxResponse(double Left, double Top, double Width, double Height);

public sealed record CellResponse(int Row, int Column, string Text, int RowSpan, int ColumnSpan);

public sealed record TableResponse(int RowCount, int ColumnCount, IReadOnlyList<CellResponse> Cells);

public sealed record WarningResponse(string Code, string Message);

/// <summary>One segment of the layout model.</summary>
/// <param name="SegmentType">Title, SectionHeader, Text, ListItem, Table, Picture, Caption, Formula, Footnote, PageHeader, PageFooter or Page.</param>
/// <param name="Content">Plain text, lines separated by newlines.</param>
/// <param name="Markdown">The segment as markdown (null when include_markdown=false).</param>
/// <param name="Html">The segment as HTML (null when include_html=false).</param>
/// <param name="Confidence">0–1: how sure the analysis is of type and extent.</param>
/// <param name="Level">Heading level of Title and SectionHeader segments.</param>
/// <param name="ImageUrl">Where the picture's bytes are served, when the document holds them.</param>
public sealed record SegmentResponse(
    string SegmentId,
    string SegmentType,
    string Content,
    string? Markdown,
    string? Html,
    int PageNumber,
    BoxResponse Bbox,
    double PageWidth,
    double PageHeight,
    double Confidence,
    int? Level,
    TableResponse? Table,
    string? ImageUrl)
{
    public static SegmentResponse From(Segment s, LayoutPage? page, DocumentResultProduct request, string? imageUrl) => new(
        s.Id,
        s.Type.ToString(),
        s.Text,
        request.IncludeMarkdown ? SegmentRenderer.Markdown(s) : null,
        request.IncludeHtml ? SegmentRenderer.Html(s) : null,
        s.PageNumber,
        new BoxResponse(Round(s.Box.Left), Round(s.Box.Top), Round(s.Box.Width), Round(s.Box.Height)),
        Round(page?.Width ?? 0),
        Round(page?.Height ?? 0),
        Math.Round(s.Confidence, 3),
        s.Level,
        s.Table is { } t ? new TableResponse(t.RowCount, t.ColumnCount, t.Cells.Select(c => new CellResponse(c.Row, c.Column, c.Text, c.RowSpan, c.ColumnSpan)).ToList()) : null,
        imageUrl);

    private static double Round(double value) => Math.Round(value, 2);
}
