using UglyToad.PdfPig.Content;
using UglyToad.PdfPig.Core;
using UglyToad.PdfPig.DocumentLayoutAnalysis;
using UglyToad.PdfPig.DocumentLayoutAnalysis.PageSegmenter;
using UglyToad.PdfPig.DocumentLayoutAnalysis.WordExtractor;

namespace ParseJobs.Extraction.Documents.Pdf;

/// <summary>Orders a page's text into line groups: PdfPig words, Docstrum text blocks, then columns before
/// rows so that sidebars are not interleaved with the main column. Tuned on the CV corpus: the CV extractor
/// depends on the resulting lines (a date or label beside a line joins it after a tab).</summary>
internal static class ReadingOrder
{
    // One thread each: a worker node runs one parser process per core, so PdfPig's own parallelism (its default)
    // would only oversubscribe the cores. The results are the same.
    private static readonly NearestLetterWords WordExtractor = new(new NearestNeighbourWordExtractor.NearestNeighbourWordExtractorOptions
    {
        MaxDegreeOfParallelism = 1,
        Filter = (left, right) => !string.IsNullOrWhiteSpace(right.Value) && !IsStyleBoundary(left, right) && !IsSizeBoundary(left, right),
    });
    private static readonly DocstrumBoundingBoxes BlockSegmenter = new(new DocstrumBoundingBoxes.DocstrumBoundingBoxesOptions { MaxDegreeOfParallelism = 1 });

    /// <summary>A lower-case letter touching an upper-case one in another font ("OktoberVerkaufsberaterin": a
    /// date cell run into a bold title): two words whose gap the text layer lost.</summary>
    internal static bool IsStyleBoundary(Letter left, Letter right) =>
        left.Value.Length == 1 && right.Value.Length == 1
        && char.IsLower(left.Value[0]) && char.IsUpper(right.Value[0])
        && !string.Equals(left.FontName, right.FontName, StringComparison.Ordinal);

    /// <summary>Letters of clearly different sizes in different fonts: a heading and a sidebar line running into
    /// it are two texts, however close their glyphs (a small-caps or superscript run is far closer in size).</summary>
    internal static bool IsSizeBoundary(Letter left, Letter right)
    {
        var small = Math.Min(left.PointSize, right.PointSize);
        return small > 0 && Math.Max(left.PointSize, right.PointSize) > 1.3 * small
            && !string.Equals(left.FontName, right.FontName, StringComparison.Ordinal);
    }

    public static List<LineGroup> Page(Page page, PageGraphics graphics)
    {
        var words = WordGaps.Split(WordExtractor.GetWords(PdfGlyphs.Readable(page.Letters)))
            .Where(w => !string.IsNullOrWhiteSpace(w.Text))
            .ToList();
        if (words.Count == 0)
            return [];

        // Ruled tables are read cell by cell; Docstrum would read their columns one after another.
        var tables = TableDetector.RuledTables(words, graphics);
        if (tables.Count > 0)
            words = words.Where(w => !tables.Exists(t => t.Words.Contains(w))).ToList();
        var groups = words.Count == 0 ? [] : Blocks(words);
        foreach (var (table, _) in tables)
            groups.Insert(TablePlacement.Index(groups, table), table);

        return groups;
    }

    private static List<LineGroup> Blocks(List<Word> words)
    {
        var blocks = BlockSegmenter.GetBlocks(words);

        // Docstrum estimates spacing from the page itself; on sparse pages it can merge several rows into one "line".
        // Those lines are split into their rows, and the blocks still go column by column: reading the whole page as
        // plain rows instead wove a sidebar into the entries beside it.
        return ColumnOrder(SidebarSplit.Apply(blocks.Select(SplitRows).ToList()));
    }

    /// <summary>A block whose "lines" hold several rows, rebuilt as one line per row of its words, left to right.</summary>
    internal static TextBlock SplitRows(TextBlock block)
    {
        if (block.TextLines.All(IsSingleRow))
            return block;
        // Rows by baseline, not by box: a bold or differently sized run has other glyph boxes but sits on its line's baseline.
        var rows = new List<List<Word>>();
        foreach (var word in block.TextLines.SelectMany(l => l.Words).OrderByDescending(Baseline))
        {
            var row = rows.Count > 0 ? rows[^1] : null;
            var size = Math.Max(1, word.Letters[0].PointSize);
            if (row is not null && Math.Abs(Baseline(row[^1]) - Baseline(word)) < 0.3 * size)
                row.Add(word);
            else
                rows.Add([word]);
        }

        var lines = rows.Select(r => new TextLine(r.OrderBy(w => w.BoundingBox.Left).ToList(), " ")).ToList();
        foreach (var line in lines)
            MarkRebuilt(line);
        return new TextBlock(lines, "\n");
    }

    // Lines rebuilt from the words of a merged Docstrum line: on such sparse pages word gaps are no cell boundaries, so
    // their words join with spaces, as plain rows did.
    private static readonly System.Runtime.CompilerServices.ConditionalWeakTable<TextLine, object> Rebuilt = new();

    /// <summary>True for a line <see cref="SplitRows"/> rebuilt: its gaps mark no cells.</summary>
    internal static bool IsRebuilt(TextLine line) => Rebuilt.TryGetValue(line, out _);

    internal static void MarkRebuilt(TextLine line) => Rebuilt.AddOrUpdate(line, Rebuilt);

    private static double Baseline(Word word) => word.Letters[0].StartBaseLine.Y;

    /// <summary>Orders blocks column by column (a recursive X-Y cut that prefers real columns): up to three
    /// top bands (a name line spanning the page) are peeled off, then a vertical gutter that no block
    /// crosses and that has substantial text on both sides splits the rest; each side is ordered the
    /// same way. Otherwise the region is cut into horizontal bands, each read column by column, with
    /// labels and dates kept on the line they stand beside.</summary>
    internal static List<LineGroup> ColumnOrder(IReadOnlyList<TextBlock> blocks)
    {
        if (blocks.Count == 0)
            return [];
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
            return [.. ColumnOrder(head), .. Columns(left, right)];
        }

        if (HeaderBlock.Split(blocks) is { } split)
            return [.. ColumnOrder(split.Head), .. Columns(split.Left, split.Right)];
        return bands.SelectMany(BandLines).ToList();
    }

    /// <summary>Two columns one after the other; a label column (headings and dates beside the content) merged into it.</summary>
    private static List<LineGroup> Columns(List<TextBlock> left, List<TextBlock> right) => LabelColumn.Is(left, right)
        ? LabelColumn.Interleave(ColumnOrder(left), ColumnOrder(right))
        : [.. ColumnOrder(left), .. ColumnOrder(right)];

    /// <summary>Line groups of one horizontal band: content blocks column by column, each label or date
    /// line joined (tab-separated) to the content line beside it.</summary>
    private static List<LineGroup> BandLines(List<TextBlock> band)
    {
        if (band.TrueForAll(b => b.TextLines.Count == 1))
            return [Rows(band)];
        var anchors = band.Where(IsAnchor).ToList();
        var content = band.Except(anchors).ToList();
        if (content.Count == 0)
            return [Rows(band)];

        // Text lines of one block that share a row (a date and a place a gap apart, which Docstrum keeps as two
        // lines), or one-line blocks on one row (contact items an icon apart), become one tab-separated line,
        // left to right. Lines of longer blocks stay apart: a date column wrapped over three lines must not
        // glue its pieces to the entry beside it.
        var built = new List<(PdfLine Line, TextBlock Block)>();
        foreach (var column in XColumns(content))
        {
            var start = built.Count;
            foreach (var (line, block) in column.SelectMany(b => b.TextLines.Select(l => (Line: l, Block: b))).OrderByDescending(x => x.Line.BoundingBox.Top))
            {
                var pdfLine = PdfLines.FromTextLine(line);
                var sameBlock = built.Count > start && (ReferenceEquals(built[^1].Block, block)
                    || (built[^1].Block.TextLines.Count == 1 && block.TextLines.Count == 1));
                if (sameBlock && SameRow(built[^1].Line.Box, pdfLine.Box))
                    built[^1] = (PdfLines.Row([built[^1].Line, pdfLine]), built[^1].Block);
                else if (built.Count > start && SameRow(built[^1].Line.Box, pdfLine.Box) && EndsBlock(built[^1]) && StartsBlock((pdfLine, block)))
                    built[^1] = (PdfLines.Row([built[^1].Line, pdfLine]), block);
                else if (built.Count > start && SameRow(built[^1].Line.Box, pdfLine.Box) && StartsBlock(built[^1]) && EndsBlock((pdfLine, block)))
                    built[^1] = (PdfLines.Row([built[^1].Line, pdfLine]), built[^1].Block);
                else
                    built.Add((pdfLine, block));
            }
        }

        var extra = new List<(int Index, PdfLine Line, TextBlock Block)>();
        foreach (var (anchor, block) in anchors.SelectMany(b => b.TextLines.Select(l => (Line: l, Block: b))).OrderByDescending(x => x.Line.BoundingBox.Top))
        {
            var best = -1;
            var bestOverlap = 0.0;
            for (var i = 0; i < built.Count; i++)
            {
                var overlap = VerticalOverlap(anchor.BoundingBox, built[i].Line.Box);
                if (overlap > bestOverlap)
                {
                    bestOverlap = overlap;
                    best = i;
                }
            }

            var anchorLine = PdfLines.FromTextLine(anchor);
            if (best >= 0 && bestOverlap >= 0.5)
            {
                var left = anchor.BoundingBox.Left < built[best].Line.Box.Left;
                built[best] = (built[best].Line.Join(anchorLine, otherFirst: left), built[best].Block);
            }
            else
            {
                var below = built.FindIndex(l => l.Line.Box.Top <= anchor.BoundingBox.Bottom);
                extra.Add((below < 0 ? built.Count : below, anchorLine, block));
            }
        }

        foreach (var (index, line, block) in extra.OrderByDescending(e => e.Index))
            built.Insert(index, (line, block));

        // Consecutive lines of one block form a group: a paragraph, a list, a header.
        var groups = new List<LineGroup>();
        var current = new List<PdfLine>();
        TextBlock? currentBlock = null;
        foreach (var (line, block) in built)
        {
            if (current.Count > 0 && !ReferenceEquals(block, currentBlock))
            {
                groups.Add(new LineGroup(current, IsGrid: false));
                current = [];
            }

            current.Add(line);
            currentBlock = block;
        }

        if (current.Count > 0)
            groups.Add(new LineGroup(current, IsGrid: false));
        return groups;
    }

    /// <summary>The last row of its block. Docstrum can end a block with the date printed beside the next block's first
    /// row (an entry's title): that row starts the next block, the date joined to it.</summary>
    private static bool EndsBlock((PdfLine Line, TextBlock Block) built) =>
        built.Block.TextLines.Count > 1 && built.Line.Box.Bottom <= built.Block.BoundingBox.Bottom + 0.5;

    private static bool StartsBlock((PdfLine Line, TextBlock Block) built) => built.Line.Box.Top >= built.Block.BoundingBox.Top - 0.5;

    /// <summary>A block of labels ("Mobile:") or dates that belongs beside other text; also a right-aligned place over
    /// its date ("Portland" / "Feb 2023 – Present"), which would otherwise be read as a column after the entries.</summary>
    private static bool IsAnchor(TextBlock block) => block.TextLines.All(IsAnchorLine)
        || (block.TextLines.Count is 2 or 3 && block.TextLines.Any(IsAnchorLine) && block.TextLines.All(l => IsAnchorLine(l) || IsPlaceLine(l))
            && RightAligned(block.TextLines));

    // Right-aligned lines end on one edge and start on different ones; a left-aligned name over a date does not.
    private static bool RightAligned(IReadOnlyList<TextLine> lines) =>
        lines.Max(l => l.BoundingBox.Right) - lines.Min(l => l.BoundingBox.Right) < 2
        && lines.Max(l => l.BoundingBox.Left) - lines.Min(l => l.BoundingBox.Left) > 4;

    private static bool IsAnchorLine(TextLine line)
    {
        var text = line.Text.Trim();
        return text.Length is > 0 and <= 40
            && (text.EndsWith(':') || (text.Any(char.IsDigit) && text.Count(char.IsLetter) <= 12));
    }

    private static bool IsPlaceLine(TextLine line)
    {
        var text = line.Text.Trim();
        return text.Length is > 1 and <= 30 && line.Words.Count <= 3 && char.IsUpper(text[0]) && !text.Any(char.IsDigit)
            && !text.EndsWith('.') && !text.EndsWith(':');
    }

    private static double VerticalOverlap(PdfRectangle a, PdfRectangle b)
    {
        var overlap = Math.Min(a.Top, b.Top) - Math.Max(a.Bottom, b.Bottom);
        var height = Math.Min(a.Height, b.Height);
        return height > 0 ? overlap / height : 0;
    }

    /// <summary>Two lines side by side on one row: apart horizontally, overlapping by half a line vertically.</summary>
    private static bool SameRow(PdfRectangle a, PdfRectangle b) =>
        (a.Right < b.Left || b.Right < a.Left) && VerticalOverlap(a, b) >= 0.5;

    /// <summary>Clusters blocks whose x ranges overlap into columns, left to right.</summary>
    private static List<List<TextBlock>> XColumns(List<TextBlock> blocks)
    {
        var columns = new List<(double Left, double Right, List<TextBlock> Blocks)>();
        foreach (var block in blocks.OrderBy(b => b.BoundingBox.Left))
        {
            var last = columns.Count > 0 ? columns[^1] : default;
            var right = SidebarSplit.ColumnRight(block);
            if (columns.Count > 0 && block.BoundingBox.Left < last.Right - 1)
            {
                last.Blocks.Add(block);
                columns[^1] = (last.Left, Math.Max(last.Right, right), last.Blocks);
            }
            else
            {
                columns.Add((block.BoundingBox.Left, right, [block]));
            }
        }

        return columns.Select(c => c.Blocks).ToList();
    }

    /// <summary>Lines top to bottom; lines that share a baseline band become one tab-separated line.</summary>
    private static LineGroup Rows(IEnumerable<TextBlock> blocks)
    {
        var rows = new List<List<TextLine>>();
        foreach (var line in blocks.SelectMany(b => b.TextLines).OrderByDescending(l => l.BoundingBox.Top))
        {
            var row = rows.Count > 0 ? rows[^1] : null;
            if (row is not null && SameRow(row, line))
                row.Add(line);
            else
                rows.Add([line]);
        }

        return new LineGroup(rows.Select(r => PdfLines.Row(r.Select(PdfLines.FromTextLine).ToList())).ToList(), IsGrid: true);
    }

    private static bool IsSingleRow(TextLine line)
    {
        var bottom = line.Words.Max(w => w.BoundingBox.Bottom);
        var top = line.Words.Min(w => w.BoundingBox.Top);
        return top > bottom;
    }

    private static bool SameRow(List<TextLine> row, TextLine line)
    {
        var top = row.Max(l => l.BoundingBox.Top);
        var bottom = row.Min(l => l.BoundingBox.Bottom);
        var overlap = Math.Min(top, line.BoundingBox.Top) - Math.Max(bottom, line.BoundingBox.Bottom);
        var height = Math.Min(top - bottom, line.BoundingBox.Top - line.BoundingBox.Bottom);

        // Lines overlapping horizontally are different rows even when their boxes touch.
        var horizontallyApart = row.TrueForAll(l => l.BoundingBox.Right < line.BoundingBox.Left || l.BoundingBox.Left > line.BoundingBox.Right);
        return horizontallyApart && height > 0 && overlap >= 0.5 * height;
    }

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

    /// <param name="minimumShare">The text share of the smaller side: a real column carries text.</param>
    internal static double? FindGutter(List<TextBlock> blocks, double minimumShare = 0.15)
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
            if (share < minimumShare)
                continue;

            // In a grid (skills or languages side by side) the blocks on both sides start on the same
            // rows; the sidebar and the main column of a page do not.
            var aligned = right.Count(r => left.Exists(l => Math.Abs(l.BoundingBox.Top - r.BoundingBox.Top) < 1.5));
            if (aligned * 2 >= right.Count)
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
