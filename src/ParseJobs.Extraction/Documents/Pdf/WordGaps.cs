using UglyToad.PdfPig.Content;

namespace ParseJobs.Extraction.Documents.Pdf;

/// <summary>Word boundaries where the text layer has no space characters and only glyph positions separate
/// words. Gaps are measured in ems (the letters' point size) against the gaps around them, not against one
/// constant: a tightly justified line of LaTeX puts 0.18 em between words ("ImzweitenAbsatz"), a letter-spaced
/// name 0.3 em between letters ("J O H N"), a justified browser line up to 1 em between words.</summary>
internal static class WordGaps
{
    /// <summary>A gap this much wider (in ems) than the word's own letter gaps splits it.</summary>
    private const double SplitExcess = 0.1;

    /// <summary>PdfPig joins letters closer than a fifth of an em; a word whose letters otherwise touch but
    /// that holds one wider gap is two words.</summary>
    public static IEnumerable<Word> Split(IEnumerable<Word> words)
    {
        foreach (var word in words)
        {
            var letters = word.Letters;
            if (letters.Count < 4 || word.TextOrientation is not TextOrientation.Horizontal)
            {
                yield return word;
                continue;
            }

            var gaps = new double[letters.Count - 1];
            for (var i = 0; i < gaps.Length; i++)
                gaps[i] = Gap(letters[i], letters[i + 1]);
            var sorted = gaps.Order().ToArray();
            var typical = Math.Max(0, sorted[sorted.Length / 2]);
            var start = 0;
            for (var i = 0; i < gaps.Length; i++)
            {
                // Pieces of one letter are stray glyphs (an overlay, an accent drawn apart), not words.
                if (gaps[i] <= SplitExcess + typical || i + 1 - start < 2 || letters.Count - i - 1 < 2 || !IsWordEdge(letters[i], letters[i + 1]))
                    continue;
                yield return new Word(letters.Skip(start).Take(i + 1 - start).ToList());
                start = i + 1;
            }

            yield return start == 0 ? word : new Word(letters.Skip(start).ToList());
        }
    }

    /// <summary>How the words of one line, left to right, are separated: <see cref="Separator.Tab"/> for a gap
    /// much wider than the line's spaces (cells, chips, a date beside a title), <see cref="Separator.None"/>
    /// inside a letter-spaced word, else a space.</summary>
    public static Separator[] Separators(IReadOnlyList<Word> words, bool tabs)
    {
        var result = new Separator[words.Count];
        if (words.Count < 2)
            return result;
        var gaps = new double[words.Count];
        for (var i = 1; i < words.Count; i++)
        {
            var size = Math.Max(Em(words[i]), Em(words[i - 1]));
            gaps[i] = size > 0 ? (words[i].BoundingBox.Left - words[i - 1].BoundingBox.Right) / size : 0;
        }

        var spaced = LetterSpaced(words, gaps, result);
        if (!tabs)
            return result;

        // A justified line stretches every space alike; its even gaps are spaces, however wide. Chips and
        // cells stand further apart than any justification stretches (1.25 em).
        var spaces = Enumerable.Range(1, words.Count - 1).Where(i => result[i] is Separator.Space).Select(i => gaps[i]).ToList();
        var justified = spaces.Count >= 3 && spaces.Max() - spaces.Min() <= 0.06 && spaces.Average() < 1.25;
        for (var i = 1; i < words.Count; i++)
        {
            if (result[i] is not Separator.Space || justified || spaced[i])
                continue;
            var previous = words[i - 1];
            var word = words[i];
            var gap = word.BoundingBox.Left - previous.BoundingBox.Right;

            // The glyph boxes of some fonts (Type 3) are far smaller than the type: the em bounds the height.
            var height = Math.Max(Math.Max(word.BoundingBox.Height, previous.BoundingBox.Height), 0.7 * Math.Max(Em(word), Em(previous)));
            var tab = (height > 0 && gap > 0.75 * height)
                || (gap < 0.1 * height && ReadingOrder.IsStyleBoundary(previous.Letters[^1], word.Letters[0]));
            if (tab)
                result[i] = Separator.Tab;
        }

        if (!justified)
            KeepJustifiedSpaces(words, result, gaps);
        return result;
    }

    /// <summary>A justified line whose stretched spaces pass for tabs: they are even (within a tenth of each other;
    /// TeX stretches a space after punctuation up to half as much again) and narrower than chips (0.9 em). A cell
    /// after the last of them, with narrow spaces of its own ("Master of Arts, Bath,   2019 – 2021"), stays a cell.</summary>
    private static void KeepJustifiedSpaces(IReadOnlyList<Word> words, Separator[] result, double[] gaps)
    {
        var tabs = Enumerable.Range(1, result.Length - 1).Where(i => result[i] is Separator.Tab).ToList();
        if (tabs.Count < 3)
            return;
        var last = tabs[^1];
        var cell = last < words.Count - 1 && Enumerable.Range(last + 1, words.Count - last - 1).All(i => result[i] is Separator.Space);
        var stretched = cell ? tabs[..^1] : tabs;
        if (!Even(stretched, words, gaps))
            return;
        foreach (var i in stretched)
            result[i] = Separator.Space;
    }

    private static bool Even(List<int> stretched, IReadOnlyList<Word> words, double[] gaps)
    {
        if (stretched.Count < 3 || stretched.Exists(i => gaps[i] is <= 0 or >= 0.9))
            return false;
        var plain = stretched.Where(i => !char.IsPunctuation(words[i - 1].Text[^1])).Select(i => gaps[i]).ToList();
        if (plain.Count < 2)
            return false;
        var least = plain.Min();
        return plain.Max() <= 1.12 * least && stretched.TrueForAll(i => gaps[i] <= 1.6 * least);
    }

    /// <summary>Runs of three or more one-letter words evenly apart are one letter-spaced text ("J O H N  D O E"):
    /// its letters join, and only a clearly wider gap inside the run separates words (with a space, never a
    /// tab). True for the gaps inside such runs.</summary>
    private static bool[] LetterSpaced(IReadOnlyList<Word> words, double[] gaps, Separator[] result)
    {
        var spaced = new bool[words.Count];
        var i = 0;
        while (i < words.Count)
        {
            var end = i;
            while (end + 1 < words.Count && IsLetter(words[end + 1]) && IsLetter(words[i]) && gaps[end + 1] < 1.5)
                end++;
            if (end - i >= 2)
            {
                // Advances, not glyph boxes: side bearings would make "T H" look wider apart than "O N".
                var advances = Enumerable.Range(i + 1, end - i).ToDictionary(k => k, k => Gap(words[k - 1].Letters[^1], words[k].Letters[0]));
                var sorted = advances.Values.Order().ToList();
                var typical = sorted[sorted.Count / 2];
                for (var k = i + 1; k <= end; k++)
                {
                    result[k] = advances[k] > (1.5 * typical) + 0.05 ? Separator.Space : Separator.None;
                    spaced[k] = true;
                }
            }

            i = end + 1;
        }

        return spaced;
    }

    private static bool IsLetter(Word word) => word.Text.Length == 1 && char.IsLetter(word.Text[0]);

    private static double Em(Word word)
    {
        var letters = word.Letters;
        return letters.Count == 0 ? 0 : letters[letters.Count / 2].PointSize;
    }

    private static double Gap(Letter left, Letter right)
    {
        var size = Math.Max(left.PointSize, right.PointSize);
        return size > 0 ? (right.StartBaseLine.X - left.EndBaseLine.X) / size : 0;
    }

    // Glyphs that never end or start a word ("3.5", "C++", "e-mail", "(x)") do not split at a wide gap.
    private static bool IsWordEdge(Letter left, Letter right) =>
        left.Value.Length == 1 && right.Value.Length == 1
        && char.IsLetterOrDigit(right.Value[0]) && (char.IsLetterOrDigit(left.Value[0]) || left.Value[0] is ',' or '.' or ';' or ':')
        && Math.Abs(left.StartBaseLine.Y - right.StartBaseLine.Y) < 0.2 * Math.Max(left.PointSize, 1);
}

/// <summary>What stands between two words of a line.</summary>
internal enum Separator
{
    Space,
    None,
    Tab,
}
