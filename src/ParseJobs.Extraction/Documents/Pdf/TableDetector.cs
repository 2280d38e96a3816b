using UglyToad.PdfPig.Content;
using UglyToad.PdfPig.Core;

namespace ParseJobs.Extraction.Documents.Pdf;

/// <summary>Finds tables among consecutive lines: cells aligned in the same columns over several rows.
/// Ruling lines drawn around the rows (the page's thin paths) make two rows enough; without them three are
/// needed, so that a job title with its date above a company with its city is not taken for a table.</summary>
internal static class TableDetector
{
    /// <summary>Runs [start, end) of table rows in <paramref name="lines"/>, with their confidence.</summary>
    public static List<(int Start, int End, double Confidence)> Find(IReadOnlyList<PdfLine> lines, PageGraphics graphics)
    {
        var runs = new List<(int, int, double)>();
        var i = 0;
        while (i < lines.Count)
        {
            var end = i + 1;
            if (lines[i].Cells.Count >= 2)
            {
                while (end < lines.Count && Aligned(lines[i], lines[end]))
                    end++;
            }

            var rows = end - i;
            var ruled = rows >= 2 && Ruled(lines, i, end, graphics.Horizontal);
            if (rows >= 3 || ruled)
            {
                runs.Add((i, end, ruled ? 0.95 : 0.7));
                i = end;
            }
            else
            {
                i++;
            }
        }

        return runs;
    }

    // Union-find over rules is quadratic: pages with more rules are not searched for ruled tables.
    private const int MaxRules = 2_000;

    // Cell assignment scans the table's words per cell: a hatched drawing is not read as a huge table.
    private const int MaxCells = 2_500;

    /// <summary>Tables drawn with borders: connected horizontal and vertical rules forming at least two rows
    /// and two columns. Each word whose centre lies inside goes to the cell it sits in; a cell's words are
    /// read line by line. Returns each table as one group of rows with the words it used.</summary>
    public static List<(LineGroup Group, HashSet<Word> Words)> RuledTables(IReadOnlyList<Word> words, PageGraphics graphics)
    {
        var rules = graphics.Horizontal.Select(r => (Rect: r, Horizontal: true))
            .Concat(graphics.Vertical.Select(r => (Rect: r, Horizontal: false)))
            .ToList();
        var tables = new List<(LineGroup, HashSet<Word>)>();
        if (rules.Count < 6 || rules.Count > MaxRules)
            return tables;

        var parent = Enumerable.Range(0, rules.Count).ToArray();
        int Find(int i) => parent[i] == i ? i : parent[i] = Find(parent[i]);
        for (var i = 0; i < rules.Count; i++)
        {
            for (var j = i + 1; j < rules.Count; j++)
            {
                if (Touch(rules[i].Rect, rules[j].Rect))
                    parent[Find(i)] = Find(j);
            }
        }

        foreach (var component in Enumerable.Range(0, rules.Count).GroupBy(Find))
        {
            var members = component.Select(i => rules[i]).ToList();
            var ys = Distinct(members.Where(m => m.Horizontal).Select(m => (m.Rect.Bottom + m.Rect.Top) / 2)).OrderDescending().ToList();
            var xs = Distinct(members.Where(m => !m.Horizontal).Select(m => (m.Rect.Left + m.Rect.Right) / 2)).Order().ToList();
            if (ys.Count < 3 || xs.Count < 3 || (ys.Count - 1) * (xs.Count - 1) > MaxCells)
                continue;
            var table = Table(words, ys, xs);
            if (table is not null)
                tables.Add(table.Value);
        }

        return tables;
    }

    private static (LineGroup, HashSet<Word>)? Table(IReadOnlyList<Word> words, List<double> ys, List<double> xs)
    {
        var inside = words
            .Select(w => (Word: w, X: (w.BoundingBox.Left + w.BoundingBox.Right) / 2, Y: (w.BoundingBox.Bottom + w.BoundingBox.Top) / 2))
            .Where(w => w.X > xs[0] && w.X < xs[^1] && w.Y < ys[0] && w.Y > ys[^1])
            .ToList();
        var rows = new List<PdfLine>();
        for (var r = 0; r + 1 < ys.Count; r++)
        {
            var rowWords = inside.Where(w => w.Y < ys[r] && w.Y > ys[r + 1]).ToList();
            if (rowWords.Count == 0)
                continue;
            var cells = new List<PdfCell>();
            for (var c = 0; c + 1 < xs.Count; c++)
            {
                var cellWords = rowWords.Where(w => w.X > xs[c] && w.X < xs[c + 1])
                    .OrderByDescending(w => Math.Round(w.Word.BoundingBox.Top / 3))
                    .ThenBy(w => w.Word.BoundingBox.Left)
                    .Select(w => PdfLines.Unligate(w.Word.Text));
                cells.Add(new PdfCell(string.Join(' ', cellWords), xs[c], xs[c + 1]));
            }

            var line = PdfLines.FromWords(rowWords.Select(w => w.Word), tabs: true);
            rows.Add(line with
            {
                Text = string.Join('\t', cells.Select(c => c.Text)),
                Cells = cells,
                Box = new PdfRectangle(xs[0], ys[r + 1], xs[^1], ys[r]),
            });
        }

        if (rows.Count < 2)
            return null;
        return (new LineGroup(rows, IsGrid: true, IsTable: true), inside.Select(w => w.Word).ToHashSet());
    }

    /// <summary>Values closer than 1.5 pt are one (a border drawn in pieces).</summary>
    private static List<double> Distinct(IEnumerable<double> values)
    {
        var result = new List<double>();
        foreach (var v in values.Order())
        {
            if (result.Count == 0 || v - result[^1] > 1.5)
                result.Add(v);
        }

        return result;
    }

    private static bool Touch(PdfRectangle a, PdfRectangle b) =>
        a.Left - 1.5 <= b.Right && b.Left - 1.5 <= a.Right && a.Bottom - 1.5 <= b.Top && b.Bottom - 1.5 <= a.Top;

    public static TableData ToTable(IReadOnlyList<PdfLine> rows)
    {
        var cells = new List<TableCell>();
        for (var r = 0; r < rows.Count; r++)
        {
            for (var c = 0; c < rows[r].Cells.Count; c++)
                cells.Add(new TableCell(r, c, rows[r].Cells[c].Text));
        }

        return new TableData(rows.Count, rows.Max(l => l.Cells.Count), cells);
    }

    /// <summary>Same number of cells, each starting (or ending, for right-aligned numbers) at the same x.</summary>
    private static bool Aligned(PdfLine first, PdfLine row)
    {
        if (row.Cells.Count != first.Cells.Count)
            return false;
        var tolerance = Math.Max(3, 0.5 * Math.Max(first.FontSize, row.FontSize));
        for (var c = 0; c < row.Cells.Count; c++)
        {
            var a = first.Cells[c];
            var b = row.Cells[c];
            if (Math.Abs(a.Left - b.Left) > tolerance && Math.Abs(a.Right - b.Right) > tolerance
                && Math.Abs((a.Left + a.Right) / 2 - (b.Left + b.Right) / 2) > tolerance)
                return false;
        }

        return true;
    }

    /// <summary>Horizontal rules at two or more heights within the rows' x range, close to the rows.</summary>
    private static bool Ruled(IReadOnlyList<PdfLine> lines, int start, int end, IReadOnlyList<PdfRectangle> rulings)
    {
        var top = lines.Skip(start).Take(end - start).Max(l => l.Box.Top);
        var bottom = lines.Skip(start).Take(end - start).Min(l => l.Box.Bottom);
        var left = lines.Skip(start).Take(end - start).Min(l => l.Box.Left);
        var right = lines.Skip(start).Take(end - start).Max(l => l.Box.Right);
        var margin = 2 * lines[start].Box.Height + 4;
        // Browsers draw cell borders per cell: count distinct heights, not paths.
        var count = rulings
            .Where(r => r.Bottom <= top + margin && r.Top >= bottom - margin && r.Left < right && r.Right > left)
            .Select(r => Math.Round(r.Bottom))
            .Distinct()
            .Count();
        return count >= 2;
    }
}
