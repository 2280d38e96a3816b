using ParseJobs.Extraction.Parsing;

namespace ParseJobs.Extraction.Documents;

/// <summary>What a segment is. The wire names are these names (PascalCase), as clients of layout APIs expect.</summary>
public enum SegmentType
{
    Title,
    SectionHeader,
    Text,
    ListItem,
    Table,
    Picture,
    Caption,
    Formula,
    Footnote,
    PageHeader,
    PageFooter,
    Page,
}

/// <summary>A rectangle on a page in points, origin at the top-left corner of the page.</summary>
public readonly record struct BoundingBox(double Left, double Top, double Width, double Height)
{
    public double Right => Left + Width;

    public double Bottom => Top + Height;

    /// <summary>The smallest box holding both.</summary>
    public BoundingBox Union(BoundingBox other)
    {
        var left = Math.Min(Left, other.Left);
        var top = Math.Min(Top, other.Top);
        return new BoundingBox(left, top, Math.Max(Right, other.Right) - left, Math.Max(Bottom, other.Bottom) - top);
    }
}

/// <summary>One cell of a table; spans where the source declares them.</summary>
public sealed record TableCell(int Row, int Column, string Text, int RowSpan = 1, int ColumnSpan = 1);

/// <summary>Rows and cells of a table segment.</summary>
public sealed record TableData(int RowCount, int ColumnCount, IReadOnlyList<TableCell> Cells)
{
    /// <summary>The cells as a dense grid (spanned positions repeat nothing: they are empty).</summary>
    public string[][] ToGrid()
    {
        var grid = Enumerable.Range(0, RowCount).Select(_ => Enumerable.Repeat("", ColumnCount).ToArray()).ToArray();
        foreach (var cell in Cells)
        {
            if (cell.Row < RowCount && cell.Column < ColumnCount)
            {
                grid[cell.Row][cell.Column] = cell.Text;
            }
        }

        return grid;
    }
}

/// <summary>A piece of a page in reading order: a heading, a paragraph, a list item, a table, a picture…</summary>
public sealed record Segment
{
    /// <summary>Stable within the document: "seg_1", "seg_2"… in reading order.</summary>
    public required string Id { get; init; }

    public required SegmentType Type { get; init; }

    /// <summary>1-based page number; DOCX and TXT put everything on page 1.</summary>
    public required int PageNumber { get; init; }

    public required BoundingBox Box { get; init; }

    /// <summary>The plain text: the segment's lines separated by '\n' as they stand on the page (a label or date
    /// printed beside a line joins it after a '\t'); table rows are lines with cells separated by '\t', a row whose
    /// cells hold several paragraphs giving one line per paragraph.</summary>
    public required string Text { get; init; }

    /// <summary>How sure the analysis is of the type and extent, 0–1.</summary>
    public double Confidence { get; init; } = 1.0;

    /// <summary>Heading level for Title (1) and SectionHeader (2+); null otherwise.</summary>
    public int? Level { get; init; }

    /// <summary>Rows and cells, for Table segments.</summary>
    public TableData? Table { get; init; }

    /// <summary>For Picture segments whose bytes the document holds: the id of the image in <see cref="LayoutDocument.Images"/>.</summary>
    public string? ImageId { get; init; }

    /// <summary>The hyperlinks (PDF link annotations) over this segment's text, in reading order: the visible
    /// label ("LinkedIn", an icon's empty label) and the URI behind it. Empty when there are none.</summary>
    public IReadOnlyList<SegmentLink> Links { get; init; } = [];
}

/// <summary>A link over a segment's text: <paramref name="Text"/> is what the page shows under the link (may be
/// empty for an icon), <paramref name="Uri"/> where it points (https:, mailto:, tel:…).</summary>
public sealed record SegmentLink(string Text, string Uri);

/// <summary>A page's size in points.</summary>
public sealed record LayoutPage(int Number, double Width, double Height);

/// <summary>An embedded image, kept so that clients can fetch a Picture segment's bytes.</summary>
public sealed record DocumentImage(string Id, string MediaType, byte[] Content);

/// <summary>Something a client should know about the result, e.g. NO_TEXT_LAYER for a scanned PDF.</summary>
public sealed record DocumentWarning(string Code, string Message);

/// <summary>
/// The layout-aware model of a document that every later stage reads: pages, and segments in reading order
/// (sidebars and columns are not interleaved; running headers and footers are typed as such).
/// </summary>
public sealed record LayoutDocument
{
    public required DocumentType Type { get; init; }

    public required IReadOnlyList<LayoutPage> Pages { get; init; }

    /// <summary>All segments of all pages in reading order.</summary>
    public required IReadOnlyList<Segment> Segments { get; init; }

    /// <summary>True where boxes are estimates (DOCX and TXT have no fixed layout).</summary>
    public bool ApproximateBoxes { get; init; }

    public IReadOnlyList<DocumentWarning> Warnings { get; init; } = [];

    public IReadOnlyList<DocumentImage> Images { get; init; } = [];

    public int PageCount => Pages.Count;

    /// <summary>True when no segment carries text (a scan without a text layer).</summary>
    public bool HasText => Segments.Any(s => s.Type is not SegmentType.Picture && !string.IsNullOrWhiteSpace(s.Text));
}
