using ParseJobs.Extraction.Parsing;

namespace ParseJobs.Extraction.Documents;

/// <summary>
/// Collects the blocks of a flow document (DOCX, TXT) in reading order and stacks them on one A4 page with
/// estimated line heights. Also decides which heading is the document title, the same way for every reader.
/// </summary>
internal sealed class ApproximateLayout
{
    public const double PageWidth = 595;
    public const double PageHeight = 842;
    public const double Margin = 72;
    public const double ContentWidth = PageWidth - (2 * Margin);

    /// <summary>Warning code when blocks beyond <see cref="ParseLimits.MaxTextCharacters"/> or
    /// <see cref="ParseLimits.MaxSegments"/> were dropped.</summary>
    public const string TextTruncatedWarning = ParseErrorCodes.TextTruncated;

    private const double BodyFontSize = 11;
    private const double BlockSpacing = 6;

    private readonly List<Block> blocks = [];
    private readonly int maxCharacters;
    private readonly int maxSegments;
    private int characters;

    public ApproximateLayout(ParseLimits limits)
    {
        ArgumentNullException.ThrowIfNull(limits);
        maxCharacters = limits.MaxTextCharacters;
        maxSegments = limits.MaxSegments;
    }

    /// <summary>True once the text budget is spent; later blocks are dropped.</summary>
    public bool Truncated { get; private set; }

    public int Count => blocks.Count;

    public void Add(SegmentType type, string text, TableData? table = null, string? imageId = null, double? height = null)
        => AddBlock(new Block(type, text, null, false, table, imageId, height));

    /// <summary>A heading with its outline level (1 = Heading 1); <paramref name="titleStyle"/> for Word's Title style.</summary>
    public void AddHeading(string text, int outlineLevel, bool titleStyle = false)
        => AddBlock(new Block(SegmentType.SectionHeader, text, Math.Clamp(outlineLevel, 1, 9), titleStyle, null, null, null));

    /// <summary>A section heading at a fixed level that takes no part in choosing the title (TXT's ALL-CAPS
    /// and "Label:" lines: a convention for sections, not for the document's title).</summary>
    public void AddSection(string text, int level)
        => AddBlock(new Block(SegmentType.SectionHeader, text, null, false, null, null, null) { FixedLevel = level });

    private void AddBlock(Block block)
    {
        if (Truncated)
            return;

        // One segment per line of a TXT (or per empty paragraph) would otherwise make a 1 MB upload a 60 MB result.
        if (blocks.Count >= maxSegments)
        {
            Truncated = true;
            return;
        }

        if (characters + block.Text.Length > maxCharacters)
        {
            // A hostile document must not produce unbounded output: the overflowing text block is cut to the
            // budget (tables and pictures are dropped whole), and nothing after it is kept.
            Truncated = true;
            var left = maxCharacters - characters;
            if (left > 0 && block.Table is null && block.ImageId is null)
            {
                characters = maxCharacters;
                blocks.Add(block with { Text = block.Text[..left] });
            }

            return;
        }

        characters += block.Text.Length;
        blocks.Add(block);
    }

    public LayoutDocument Build(DocumentType type, IReadOnlyList<DocumentImage> images, IReadOnlyList<DocumentWarning> warnings)
    {
        var titleIndex = TitleIndex();
        var segments = new List<Segment>(blocks.Count);
        var top = Margin;
        for (var i = 0; i < blocks.Count; i++)
        {
            var block = blocks[i];
            var (segmentType, level) = block.OutlineLevel is { } outline
                ? block.TitleStyle || i == titleIndex ? (SegmentType.Title, 1) : (SegmentType.SectionHeader, outline + 1)
                : (block.Type, block.FixedLevel);
            var height = block.Height ?? EstimateHeight(segmentType, block.Text, block.Table);
            var left = segmentType == SegmentType.ListItem ? Margin + 18 : Margin;
            var width = segmentType == SegmentType.Picture ? Math.Min(ContentWidth, block.Width ?? ContentWidth) : PageWidth - Margin - left;
            segments.Add(new Segment
            {
                Id = $"seg_{segments.Count + 1}",
                Type = segmentType,
                PageNumber = 1,
                Box = new BoundingBox(left, top, width, height),
                Text = block.Text,
                Level = level,
                Table = block.Table,
                ImageId = block.ImageId,
            });
            top += height + BlockSpacing;
        }

        // A flow document has no page breaks we can trust: page 1 grows so that every box lies on it.
        var pageHeight = Math.Max(PageHeight, top + Margin);
        var allWarnings = Truncated
            ? [.. warnings, new DocumentWarning(TextTruncatedWarning, $"Only the first {maxCharacters} characters and {maxSegments} segments were kept.")]
            : warnings;
        return new LayoutDocument
        {
            Type = type,
            Pages = [new LayoutPage(1, PageWidth, pageHeight)],
            Segments = segments,
            ApproximateBoxes = true,
            Images = images,
            Warnings = allWarnings,
        };
    }

    /// <summary>Sets the width of the last block (pictures declare their extent).</summary>
    public void SetLastWidth(double width)
    {
        if (blocks.Count > 0)
            blocks[^1] = blocks[^1] with { Width = width };
    }

    /// <summary>Without a Title-style paragraph, the document title is a Heading 1 that is the first heading
    /// and the only Heading 1; otherwise Heading 1 is a section level and becomes SectionHeader 2.</summary>
    private int TitleIndex()
    {
        if (blocks.Exists(b => b.TitleStyle))
            return -1;
        var firstHeading = blocks.FindIndex(b => b.OutlineLevel is not null);
        if (firstHeading < 0 || blocks[firstHeading].OutlineLevel != 1)
            return -1;
        return blocks.Count(b => b.OutlineLevel == 1) == 1 ? firstHeading : -1;
    }

    private static double EstimateHeight(SegmentType type, string text, TableData? table)
    {
        var fontSize = type switch
        {
            SegmentType.Title => 20,
            SegmentType.SectionHeader => 14,
            SegmentType.PageHeader or SegmentType.PageFooter or SegmentType.Footnote or SegmentType.Caption => 9,
            _ => BodyFontSize,
        };
        if (type == SegmentType.Picture)
            return 100;
        var lineHeight = fontSize * 1.25;

        // About half an em per character on average for proportional fonts.
        var charsPerLine = Math.Max(1, (int)(ContentWidth / (fontSize * 0.5)));
        if (table is not null)
        {
            var perColumn = Math.Max(1, charsPerLine / Math.Max(1, table.ColumnCount));
            var byRow = table.Cells.ToLookup(c => c.Row);
            var rows = Enumerable.Range(0, table.RowCount)
                .Sum(r => byRow[r].Select(c => WrappedLines(c.Text, perColumn * c.ColumnSpan)).DefaultIfEmpty(1).Max());
            return Math.Max(1, rows) * (lineHeight + 4);
        }

        return WrappedLines(text, charsPerLine) * lineHeight;
    }

    private static int WrappedLines(string text, int charsPerLine) =>
        Math.Max(1, text.Split('\n').Sum(line => Math.Max(1, (line.Length + charsPerLine - 1) / charsPerLine)));

    private sealed record Block(SegmentType Type, string Text, int? OutlineLevel, bool TitleStyle, TableData? Table, string? ImageId, double? Height)
    {
        public double? Width { get; init; }

        public int? FixedLevel { get; init; }
    }
}
