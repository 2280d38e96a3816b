using System.Text.RegularExpressions;
using UglyToad.PdfPig.Content;
using UglyToad.PdfPig.DocumentLayoutAnalysis;

namespace ParseJobs.Extraction.Documents.Pdf;

/// <summary>A narrow sidebar (address and contact lines) that Docstrum put into one block with the entries beside
/// it, or whose rows it joined to theirs ("Hill Road 5   Engineer, Acme Ltd"): the gutter was narrower than the line
/// spacing it estimated. Such a block is cut at the content column's left edge into a sidebar block and a content
/// block, so that the page is still read column by column. Label | value rows, a date column beside entries and
/// headings hanging left of their entries are no sidebar and stay as they are.</summary>
internal static partial class SidebarSplit
{
    /// <summary>Lines starting on the content edge, at least, for it to count as a column edge.</summary>
    private const int MinimumEdgeLines = 5;

    /// <summary>The gap, in ems, between a sidebar row and the content row it was joined to.</summary>
    private const double MinimumGutter = 0.8;

    public static List<TextBlock> Apply(List<TextBlock> blocks)
    {
        if (ContentEdge(blocks.SelectMany(b => b.TextLines).ToList()) is not { } edge)
            return blocks;
        return blocks.SelectMany(b => Split(b, edge)).ToList();
    }

    /// <summary>The left edge most lines start on, or a joined row's content starts on; null when no edge is shared
    /// by enough lines.</summary>
    internal static double? ContentEdge(IReadOnlyList<TextLine> lines)
    {
        var starts = new List<double>();
        foreach (var line in lines)
        {
            starts.Add(line.BoundingBox.Left);
            starts.AddRange(InnerStarts(line));
        }

        double? best = null;
        var bestCount = 0;
        foreach (var x in starts.Distinct())
        {
            var count = starts.Count(s => Math.Abs(s - x) <= 1);
            if (count > bestCount)
            {
                best = x;
                bestCount = count;
            }
        }

        return bestCount >= MinimumEdgeLines ? best : null;
    }

    private static IEnumerable<double> InnerStarts(TextLine line)
    {
        var words = line.Words;
        for (var i = 1; i < words.Count; i++)
        {
            if (Gap(words[i - 1], words[i]) >= MinimumGutter)
                yield return words[i].BoundingBox.Left;
        }
    }

    /// <summary>The index of the first word on the content edge after a gutter, or -1. A long sidebar word (an
    /// e-mail address) can run up to or into the content column: then the word on the edge follows it without a gap.
    /// (A line across the edge that merely has a word starting on it is no sidebar row: <see cref="IsSidebar"/>.)</summary>
    private static int SplitAt(List<Word> words, double edge)
    {
        for (var i = 1; i < words.Count; i++)
        {
            if (Math.Abs(words[i].BoundingBox.Left - edge) > 1)
                continue;
            var previous = words[i - 1];
            var overrun = previous.BoundingBox.Left < edge - (2 * previous.Letters[0].PointSize);
            if (overrun || Gap(previous, words[i]) >= MinimumGutter)
                return i;
        }

        return -1;
    }

    private static double Gap(Word left, Word right)
    {
        var size = Math.Max(1, Math.Max(left.Letters[^1].PointSize, right.Letters[0].PointSize));
        return (right.BoundingBox.Left - left.BoundingBox.Right) / size;
    }

    private static IEnumerable<TextBlock> Split(TextBlock block, double edge)
    {
        var side = new List<TextLine>();
        var content = new List<TextLine>();
        foreach (var line in block.TextLines)
        {
            var words = line.Words.OrderBy(w => w.BoundingBox.Left).ToList();
            var at = SplitAt(words, edge);
            if (at > 0)
            {
                side.Add(Line(line, words.Take(at).ToList()));
                content.Add(Line(line, words.Skip(at).ToList()));
            }
            else if (line.Words.All(w => w.BoundingBox.Left < edge - 1))
            {
                // Left of the edge, or a sidebar word running over it.
                side.Add(line);
            }
            else if (line.BoundingBox.Left >= edge - 1)
            {
                content.Add(line);
            }
            else
            {
                // A line across the edge (a name, a wide paragraph): this block is no sidebar beside content.
                return [block];
            }
        }

        if (content.Count == 0 || !IsSidebar(side, edge) || Paired(side, content))
            return [block];
        var sidebar = new TextBlock(side, "\n");
        Sidebars.AddOrUpdate(sidebar, edge);
        return [sidebar, new TextBlock(content, "\n")];
    }

    // Sidebar blocks cut from content, with the content edge: a word running into the content column must not make
    // the sidebar and the content one column.
    private static readonly System.Runtime.CompilerServices.ConditionalWeakTable<TextBlock, object> Sidebars = new();

    /// <summary>The right edge of a block as a column: for a sidebar cut from its content, the content edge.</summary>
    internal static double ColumnRight(TextBlock block) =>
        Sidebars.TryGetValue(block, out var edge) ? Math.Min(block.BoundingBox.Right, (double)edge - 1) : block.BoundingBox.Right;

    /// <summary>Sidebar rows start on one edge (a piece of a wrapped or hyphenated word aside), end ragged and, but
    /// for a long word, before the content edge (headings hanging left of their entries run past it), and most are
    /// not dates or labels: a date column's rows end on one edge or are dates.</summary>
    internal static bool IsSidebar(IReadOnlyList<TextLine> side, double edge)
    {
        if (side.Count < 3 || side.Count(l => l.BoundingBox.Right < edge) * 3 < side.Count * 2)
            return false;
        var left = side.Min(l => l.BoundingBox.Left);
        var onEdge = side.Count(l => l.BoundingBox.Left - left <= 1.5);
        return onEdge >= 3 && onEdge * 3 >= side.Count * 2
            && side.Max(l => l.BoundingBox.Right) - side.Min(l => l.BoundingBox.Right) > 4
            && side.Count(IsDateOrLabel) * 2 < side.Count;
    }

    /// <summary>A line holding a year ("2019 –", "März 2020") or ending in a colon ("Phone:").</summary>
    internal static bool IsDateOrLabel(TextLine line)
    {
        var text = line.Text.Trim();
        return text.EndsWith(':') || Year().IsMatch(text);
    }

    [GeneratedRegex(@"(?<!\d)(?:19|20)\d\d(?!\d)", RegexOptions.CultureInvariant, 1000)]
    private static partial Regex Year();

    /// <summary>Labels and their values share baselines row by row ("Phone   +41 79 …" in a borderless table); a
    /// sidebar's rows are spaced on their own and meet the content's baselines only now and then.</summary>
    internal static bool Paired(IReadOnlyList<TextLine> side, IReadOnlyList<TextLine> content)
    {
        var shared = side.Count(s => content.Any(c => Math.Abs(Baseline(c) - Baseline(s)) < 0.5));
        return shared * 2 >= side.Count;
    }

    private static double Baseline(TextLine line) => line.Words[0].Letters[0].StartBaseLine.Y;

    private static TextLine Line(TextLine original, List<Word> words)
    {
        var line = new TextLine(words, " ");
        if (ReadingOrder.IsRebuilt(original))
            ReadingOrder.MarkRebuilt(line);
        return line;
    }
}
