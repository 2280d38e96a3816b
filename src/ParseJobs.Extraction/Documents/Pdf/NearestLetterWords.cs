using UglyToad.PdfPig.Content;
using UglyToad.PdfPig.Core;
using UglyToad.PdfPig.DocumentLayoutAnalysis;
using UglyToad.PdfPig.DocumentLayoutAnalysis.WordExtractor;
using static UglyToad.PdfPig.DocumentLayoutAnalysis.WordExtractor.NearestNeighbourWordExtractor;

namespace ParseJobs.Extraction.Documents.Pdf;

/// <summary>
/// PdfPig's nearest-neighbour words (<see cref="NearestNeighbourWordExtractor"/>) with the same options and the
/// same output, found through a grid of the letters (<see cref="LetterGrid"/>) instead of PdfPig's k-d tree,
/// whose construction sorts the letters again at every level: about half of its word-grouping time. Each letter
/// links to the letter whose start is nearest its end when the options' filter and maximum distance allow, and
/// words are the linked groups in PdfPig's order. PdfPig's tree answers exactly that except where its answer may
/// differ: two letters at exactly the nearest distance (the tree picks one), or a nearest letter no nearer than
/// the pivot's own start (the tree's inner nodes offer the pivot itself). For those letters PdfPig's own tree is
/// asked. Pages with letters in other orientations, or coordinates that are not numbers, go to PdfPig whole.
/// </summary>
internal sealed class NearestLetterWords
{
    private readonly NearestNeighbourWordExtractorOptions options;
    private readonly NearestNeighbourWordExtractor pdfPig;
    private readonly bool manhattan;
    private readonly bool defaultMaximum;

    public NearestLetterWords(NearestNeighbourWordExtractorOptions options)
    {
        this.options = options;
        pdfPig = new NearestNeighbourWordExtractor(options);
        // The grid's bound holds for the axis-aligned distance (Manhattan) PdfPig uses on horizontal text.
        manhattan = options.GroupByOrientation && options.DistanceMeasureAA.Equals((Func<PdfPoint, PdfPoint, double>)Distances.Manhattan);
        defaultMaximum = options.MaximumDistance.Equals(new NearestNeighbourWordExtractorOptions().MaximumDistance);
    }

    private int askedLetters;
    private int askedPages;

    /// <summary>Letters whose neighbour PdfPig's tree was asked for, and whole pages PdfPig grouped: for tests.</summary>
    internal (int Letters, int Pages) AskedPdfPig => (Volatile.Read(ref askedLetters), Volatile.Read(ref askedPages));

    public IEnumerable<Word> GetWords(IReadOnlyList<Letter> letters)
    {
        ArgumentNullException.ThrowIfNull(letters);
        if (letters.Count == 0)
            return [];
        if (manhattan && AllHorizontal(letters) && LetterGrid.TryCreate(letters) is { } grid)
        {
            using (grid)
                return Words(letters, Links(letters, grid));
        }

        Interlocked.Increment(ref askedPages);
        return pdfPig.GetWords(letters);
    }

    /// <summary>For each letter the index of the letter it joins, or -1 (PdfPig's nearest-neighbour links).</summary>
    private int[] Links(IReadOnlyList<Letter> letters, LetterGrid grid)
    {
        var limit = defaultMaximum ? JoinLimit(letters) : double.PositiveInfinity;
        var distance = options.DistanceMeasureAA;
        KdTree<Letter>? tree = null;
        var near = new List<int>();
        var links = new int[letters.Count];
        for (var i = 0; i < letters.Count; i++)
        {
            links[i] = -1;
            var pivot = letters[i];
            if (!options.FilterPivot(pivot))
                continue;
            var (index, nearest, count) = grid.Nearest(pivot, pivot.EndBaseLine, limit);

            // Beyond the limit no letter can join, whichever one PdfPig's tree names (it may name the pivot itself:
            // a link to itself changes no group).
            if (index < 0 || nearest >= limit)
                continue;
            if (count > 1 || nearest >= distance(pivot.StartBaseLine, pivot.EndBaseLine))
            {
                // The tree may name another letter than the nearest; that matters only if some letter could join.
                if (!AnyJoins(pivot, grid, limit, near))
                    continue;
                Interlocked.Increment(ref askedLetters);
                tree ??= new KdTree<Letter>(letters, l => l.StartBaseLine);
                _ = tree.FindNearestNeighbour(pivot, l => l.EndBaseLine, distance, out index, out nearest);
                if (index < 0)
                    continue;
            }

            var candidate = letters[index];
            if (options.Filter(pivot, candidate) && nearest < options.MaximumDistance(pivot, candidate))
                links[i] = index;
        }

        return links;
    }

    /// <summary>Whether any letter but the pivot passes the filter at less than the maximum distance from it (any
    /// letter PdfPig's tree could name and link). Letters beyond the limit cannot.</summary>
    private bool AnyJoins(Letter pivot, LetterGrid grid, double limit, List<int> near)
    {
        if (!double.IsFinite(limit))
            return true;
        near.Clear();
        grid.Within(pivot.EndBaseLine, limit, near);
        foreach (var k in near)
        {
            var other = grid.At(k);
            if (!other.Equals(pivot) && options.Filter(pivot, other)
                && options.DistanceMeasureAA(other.StartBaseLine, pivot.EndBaseLine) < options.MaximumDistance(pivot, other))
                return true;
        }

        return false;
    }

    /// <summary>An upper bound of PdfPig's default maximum distance for any two letters of the page (a fifth of the
    /// largest width or point size); infinite where a size is not a number.</summary>
    private static double JoinLimit(IReadOnlyList<Letter> letters)
    {
        var largest = 0.0;
        foreach (var l in letters)
            largest = Math.Max(Math.Max(Math.Max(largest, Math.Abs(l.BoundingBox.Width)), Math.Abs(l.Width)), l.PointSize);
        var limit = largest * 0.2;
        return double.IsFinite(limit) ? limit : double.PositiveInfinity;
    }

    private static bool AllHorizontal(IReadOnlyList<Letter> letters)
    {
        foreach (var l in letters)
        {
            if (l.TextOrientation != TextOrientation.Horizontal)
                return false;
        }

        return true;
    }

    /// <summary>The linked groups as words: each group depth first from its lowest index, as PdfPig groups them.</summary>
    private static List<Word> Words(IReadOnlyList<Letter> letters, int[] links)
    {
        var adjacent = new List<int>?[links.Length];
        for (var i = 0; i < links.Length; i++)
        {
            if (links[i] < 0)
                continue;
            (adjacent[i] ??= new List<int>(2)).Add(links[i]);
            (adjacent[links[i]] ??= new List<int>(2)).Add(i);
        }

        var words = new List<Word>();
        var done = new bool[links.Length];
        var stack = new Stack<int>();
        for (var start = 0; start < links.Length; start++)
        {
            if (done[start])
                continue;
            var group = new List<Letter>();
            stack.Push(start);
            done[start] = true;
            while (stack.Count > 0)
            {
                var at = stack.Pop();
                group.Add(letters[at]);
                foreach (var next in adjacent[at] ?? [])
                {
                    if (!done[next])
                    {
                        stack.Push(next);
                        done[next] = true;
                    }
                }
            }

            words.Add(new Word(group));
        }

        return words;
    }
}
