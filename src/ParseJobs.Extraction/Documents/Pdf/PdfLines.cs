using System.Text;
using UglyToad.PdfPig.Content;
using UglyToad.PdfPig.Core;
using UglyToad.PdfPig.DocumentLayoutAnalysis;

namespace ParseJobs.Extraction.Documents.Pdf;

/// <summary>Builds <see cref="PdfLine"/>s from PdfPig words, with the text format the CV extractor was tuned on.</summary>
internal static class PdfLines
{
    /// <summary>A line's words; a gap much wider than a space (tags, chips, table cells) becomes a tab.</summary>
    public static PdfLine FromTextLine(TextLine line) => FromWords(line.Words, tabs: !ReadingOrder.IsRebuilt(line));

    /// <summary>Words of one row, left to right; <paramref name="tabs"/> false joins every word with a space
    /// (letter-spaced words still join: <see cref="WordGaps.Separators"/>).</summary>
    public static PdfLine FromWords(IEnumerable<Word> words, bool tabs)
    {
        var sb = new StringBuilder();
        var cells = new List<PdfCell>();
        var cell = new StringBuilder();
        double cellLeft = 0, cellRight = 0;
        Word? previous = null;
        var ordered = words.OrderBy(w => w.BoundingBox.Left).ToList();
        var separators = WordGaps.Separators(ordered, tabs);
        for (var i = 0; i < ordered.Count; i++)
        {
            var word = ordered[i];
            if (previous is not null)
            {
                switch (separators[i])
                {
                    case Separator.Tab:
                        sb.Append('\t');
                        cells.Add(new PdfCell(cell.ToString().Trim(), cellLeft, cellRight));
                        cell.Clear();
                        break;
                    case Separator.Space:
                        sb.Append(' ');
                        cell.Append(' ');
                        break;
                }
            }

            if (cell.Length == 0)
                cellLeft = word.BoundingBox.Left;
            var text = PdfGlyphs.Normalize(word.Text);
            cell.Append(text);
            cellRight = word.BoundingBox.Right;
            sb.Append(text);
            previous = word;
        }

        if (previous is not null)
            cells.Add(new PdfCell(cell.ToString().Trim(), cellLeft, cellRight));
        var (fontSize, bold, letters) = Typography(ordered);
        return new PdfLine(sb.ToString().Trim(), Box(ordered), cells, fontSize, bold, letters);
    }

    /// <summary>Lines that share a row, left to right, as one tab-separated line.</summary>
    public static PdfLine Row(IReadOnlyList<PdfLine> lines)
    {
        var ordered = lines.OrderBy(l => l.Box.Left).Where(l => l.Text.Length > 0).ToList();
        if (ordered.Count == 0)
            return lines[0];
        var row = ordered[0];
        foreach (var next in ordered.Skip(1))
            row = row.Join(next, otherFirst: false) with { FontSize = row.Letters >= next.Letters ? row.FontSize : next.FontSize, Letters = row.Letters + next.Letters, Bold = row.Bold && next.Bold };
        return row;
    }

    /// <summary>Typographic ligatures (ﬁ, ﬂ, ﬀ…) as their letters: fonts set them, readers search for letters.</summary>
    internal static string Unligate(string text)
    {
        if (!text.Any(c => c is >= '\uFB00' and <= '\uFB06'))
            return text;
        var sb = new StringBuilder(text.Length + 2);
        foreach (var c in text)
        {
            if (c is >= '\uFB00' and <= '\uFB06')
                sb.Append(c.ToString().Normalize(NormalizationForm.FormKC));
            else
                sb.Append(c);
        }

        return sb.ToString();
    }

    private static PdfRectangle Box(IReadOnlyCollection<Word> words) => new(
        words.Min(w => w.BoundingBox.Left), words.Min(w => w.BoundingBox.Bottom),
        words.Max(w => w.BoundingBox.Right), words.Max(w => w.BoundingBox.Top));

    /// <summary>The median letter size (PointSize: Chromium writes font size 1 and scales by the text
    /// matrix) and whether most letters are set in a bold face.</summary>
    private static (double Size, bool Bold, int Letters) Typography(IReadOnlyCollection<Word> words)
    {
        var letters = words.SelectMany(w => w.Letters).Where(l => !string.IsNullOrWhiteSpace(l.Value)).ToList();
        if (letters.Count == 0)
            return (0, false, 0);
        var sizes = letters.Select(l => l.PointSize).Order().ToList();
        var bold = letters.Count(IsBold);
        return (sizes[sizes.Count / 2], bold * 2 > letters.Count, letters.Count);
    }

    internal static bool IsBold(Letter letter)
    {
        if (letter.FontDetails?.IsBold == true || letter.FontDetails?.Weight >= 600)
            return true;
        var name = letter.FontName ?? "";
        return name.Contains("Bold", StringComparison.OrdinalIgnoreCase)
            || name.Contains("Black", StringComparison.OrdinalIgnoreCase)
            || name.Contains("Heavy", StringComparison.OrdinalIgnoreCase)
            || name.Contains("Semibold", StringComparison.OrdinalIgnoreCase)
            || name.Contains("Demi", StringComparison.OrdinalIgnoreCase);
    }

    /// <summary>Converts a PdfPig rectangle (origin bottom-left) to a box with origin top-left.</summary>
    public static BoundingBox ToBox(PdfRectangle r, double pageHeight) =>
        new(r.Left, pageHeight - r.Top, r.Width, r.Height);
}
