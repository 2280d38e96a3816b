using System.Buffers;
using UglyToad.PdfPig.Content;
using UglyToad.PdfPig.Core;
using UglyToad.PdfPig.DocumentLayoutAnalysis;

namespace ParseJobs.Extraction.Documents.Pdf;

/// <summary>The start points of a page's letters in square cells, for nearest-start queries by Manhattan distance
/// (<see cref="NearestLetterWords"/>): a query reads the rings of cells around the query point until no unread cell
/// can hold a nearer start. Cell arrays come from the shared pool and go back on <see cref="Dispose"/>.</summary>
internal sealed class LetterGrid : IDisposable
{
    // Points apart: a glyph's advance or so, so that the next letter of a word is almost always in the first ring.
    private const double CellSize = 4;
    private const int MaxCells = 1 << 18;

    // A point's cell is computed in floating point; a bound this much short of the exact one absorbs the rounding.
    private const double BoundSlack = 1e-6;

    private readonly IReadOnlyList<Letter> letters;
    private readonly PdfPoint[] starts;
    private readonly int[] cellStart;
    private readonly int[] members;
    private readonly double minX, minY, size;
    private readonly int columns, rows;

    private LetterGrid(IReadOnlyList<Letter> letters, PdfPoint[] starts, double minX, double minY, double size, int columns, int rows)
    {
        (this.letters, this.starts, this.minX, this.minY, this.size, this.columns, this.rows) = (letters, starts, minX, minY, size, columns, rows);
        var cells = columns * rows;
        cellStart = ArrayPool<int>.Shared.Rent(cells + 1);
        members = ArrayPool<int>.Shared.Rent(letters.Count);
        Array.Clear(cellStart, 0, cells + 1);

        // Counting sort of the letters by cell: cellStart[c]..cellStart[c + 1] are the members of cell c.
        for (var i = 0; i < letters.Count; i++)
            cellStart[Cell(starts[i]) + 1]++;
        for (var c = 0; c < cells; c++)
            cellStart[c + 1] += cellStart[c];
        var fill = ArrayPool<int>.Shared.Rent(cells);
        Array.Copy(cellStart, fill, cells);
        for (var i = 0; i < letters.Count; i++)
            members[fill[Cell(starts[i])]++] = i;
        ArrayPool<int>.Shared.Return(fill);
    }

    /// <summary>The grid of the letters' start points; null when a coordinate is not a finite number.</summary>
    public static LetterGrid? TryCreate(IReadOnlyList<Letter> letters)
    {
        var points = new PdfPoint[letters.Count];
        double left = double.MaxValue, bottom = double.MaxValue, right = double.MinValue, top = double.MinValue;
        for (var i = 0; i < letters.Count; i++)
        {
            var start = letters[i].StartBaseLine;
            var end = letters[i].EndBaseLine;
            if (!double.IsFinite(start.X) || !double.IsFinite(start.Y) || !double.IsFinite(end.X) || !double.IsFinite(end.Y))
                return null;
            points[i] = start;
            (left, right) = (Math.Min(left, start.X), Math.Max(right, start.X));
            (bottom, top) = (Math.Min(bottom, start.Y), Math.Max(top, start.Y));
        }

        var cell = CellSize;
        while (Cells(right - left, cell) * Cells(top - bottom, cell) > MaxCells)
            cell *= 2;
        return new LetterGrid(letters, points, left, bottom, cell, (int)Cells(right - left, cell), (int)Cells(top - bottom, cell));
    }

    /// <summary>The letter other than <paramref name="pivot"/> whose start is nearest <paramref name="point"/>, that
    /// distance (PdfPig's <see cref="Distances.Manhattan"/>, start first, as its k-d tree measures), and how many
    /// letters start at exactly that distance. Index -1 when no other letter starts nearer than
    /// <paramref name="limit"/> (the search stops there).</summary>
    public (int Index, double Distance, int Count) Nearest(Letter pivot, PdfPoint point, double limit)
    {
        var (column, row) = (ColumnOf(point.X), RowOf(point.Y));
        var (best, distance, count) = (-1, double.PositiveInfinity, 0);
        for (var ring = 0; ring <= Math.Max(columns, rows); ring++)
        {
            for (var r = row - ring; r <= row + ring; r++)
            {
                if (r < 0 || r >= rows)
                    continue;
                var edgeRow = r == row - ring || r == row + ring;
                for (var c = column - ring; c <= column + ring; c += edgeRow || ring == 0 ? 1 : 2 * ring)
                {
                    if (c < 0 || c >= columns)
                        continue;
                    var cell = (r * columns) + c;
                    for (var m = cellStart[cell]; m < cellStart[cell + 1]; m++)
                    {
                        var k = members[m];
                        if (letters[k].Equals(pivot))
                            continue;
                        var d = Distances.Manhattan(starts[k], point);
                        if (d < distance)
                            (best, distance, count) = (k, d, 1);
                        else if (d == distance)
                            count++;
                    }
                }
            }

            // Every unread start is at least `ring` cells away along one axis, hence at least that far by Manhattan distance.
            var unread = ring * size * (1 - BoundSlack);
            if (unread > distance)
                break;
            if (unread > limit)
                return (-1, double.PositiveInfinity, 0);
        }

        return (best, distance, count);
    }

    public Letter At(int index) => letters[index];

    /// <summary>Adds to <paramref name="found"/> every letter whose start lies within <paramref name="radius"/> of
    /// <paramref name="point"/> by Manhattan distance (read from the cells of the square around it).</summary>
    public void Within(PdfPoint point, double radius, List<int> found)
    {
        var reach = radius * (1 + BoundSlack);
        var (left, right) = (ColumnOf(point.X - reach), ColumnOf(point.X + reach));
        var (bottom, top) = (RowOf(point.Y - reach), RowOf(point.Y + reach));
        for (var r = bottom; r <= top; r++)
        {
            for (var c = left; c <= right; c++)
            {
                var cell = (r * columns) + c;
                for (var m = cellStart[cell]; m < cellStart[cell + 1]; m++)
                {
                    if (Distances.Manhattan(starts[members[m]], point) < radius)
                        found.Add(members[m]);
                }
            }
        }
    }

    public void Dispose()
    {
        ArrayPool<int>.Shared.Return(cellStart);
        ArrayPool<int>.Shared.Return(members);
    }

    private static double Cells(double extent, double size) => Math.Floor(extent / size) + 1;

    private int Cell(PdfPoint p) => (RowOf(p.Y) * columns) + ColumnOf(p.X);

    private int ColumnOf(double x) => (int)Math.Clamp(Math.Floor((x - minX) / size), 0, columns - 1);

    private int RowOf(double y) => (int)Math.Clamp(Math.Floor((y - minY) / size), 0, rows - 1);
}
