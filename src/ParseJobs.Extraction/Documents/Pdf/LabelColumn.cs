using UglyToad.PdfPig.DocumentLayoutAnalysis;

namespace ParseJobs.Extraction.Documents.Pdf;

/// <summary>Grid layouts that print section headings and entry dates in a narrow column left of the content
/// (theme "paper" and its kind): read column by column, every heading would come before all the content.</summary>
internal static class LabelColumn
{
    /// <summary>A narrow column of headings and dates beside the content they title ("Work Experience" and
    /// "2019 to 2021" left of the entries): short lines, few of them and far apart, unlike a sidebar's dense lists.</summary>
    public static bool Is(List<TextBlock> left, List<TextBlock> right)
    {
        var leftLines = left.SelectMany(b => b.TextLines).ToList();
        var rightLines = right.SelectMany(b => b.TextLines).ToList();
        if (leftLines.Count == 0 || rightLines.Count < 2 * leftLines.Count)
            return false;
        if (!leftLines.TrueForAll(l => l.Text.Trim().Length <= 32 && l.Words.Count <= 5))
            return false;
        var span = leftLines.Max(l => l.BoundingBox.Top) - leftLines.Min(l => l.BoundingBox.Bottom);
        var covered = leftLines.Sum(l => l.BoundingBox.Height);
        var chars = leftLines.Sum(l => l.Text.Length) / (double)(leftLines.Sum(l => l.Text.Length) + rightLines.Sum(l => l.Text.Length));
        return span > 0 && covered / span < 0.25 && chars < 0.25;
    }

    /// <summary>A label column merged into the content beside it. A heading goes before the content group beside or
    /// below its middle (a second heading beside the same group, printed for an empty section, after it); a date goes
    /// before the content line beside or below it, so that it stays with its entry's title.</summary>
    public static List<LineGroup> Interleave(List<LineGroup> labels, List<LineGroup> content)
    {
        var lines = content.SelectMany((g, i) => g.Lines.Select(l => (Line: l, Group: i))).ToList();
        var before = new Dictionary<int, List<PdfLine>>();
        var after = new Dictionary<int, List<PdfLine>>();
        void Put(Dictionary<int, List<PdfLine>> map, int at, PdfLine line)
        {
            if (!map.TryGetValue(at, out var list))
                map[at] = list = [];
            list.Add(line);
        }

        foreach (var label in labels.SelectMany(g => g.Lines))
        {
            var middle = (label.Box.Top + label.Box.Bottom) / 2;
            if (label.Text.Any(char.IsDigit))
            {
                var at = lines.FindIndex(l => (l.Line.Box.Top + l.Line.Box.Bottom) / 2 < label.Box.Top);
                Put(before, at < 0 ? lines.Count : at, label);
                continue;
            }

            var group = content.FindIndex(g => g.Lines.Min(l => l.Box.Bottom) < middle);
            if (group < 0)
            {
                Put(before, lines.Count, label);
                continue;
            }

            var first = lines.FindIndex(l => l.Group == group);
            var beside = content[group].Lines[0].Box.Bottom < middle;
            if (!beside && before.ContainsKey(first))
                Put(after, lines.FindLastIndex(l => l.Group == group), label);
            else
                Put(before, first, label);
        }

        var result = new List<LineGroup>();
        var current = new List<PdfLine>();
        var currentGroup = -1;
        void Close()
        {
            if (current.Count > 0)
                result.Add(new LineGroup(current, IsGrid: false));
            current = [];
        }

        for (var i = 0; i <= lines.Count; i++)
        {
            if (before.TryGetValue(i, out var put))
            {
                Close();
                result.AddRange(put.Select(l => new LineGroup([l], IsGrid: false)));
            }

            if (i == lines.Count)
                break;
            if (lines[i].Group != currentGroup)
                Close();
            currentGroup = lines[i].Group;
            current.Add(lines[i].Line);
            if (after.TryGetValue(i, out var trailing))
            {
                Close();
                result.AddRange(trailing.Select(l => new LineGroup([l], IsGrid: false)));
            }
        }

        Close();
        return result;
    }
}
