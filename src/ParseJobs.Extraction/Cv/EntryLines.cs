namespace ParseJobs.Extraction.Cv;

/// <summary>The lines of an experience or education section made ready for <see cref="EntryParser"/>: wrapped date
/// columns, hyphenated and justified headers joined back, date cells split from bullets, and each line classified as
/// header or description, with the date range it holds.</summary>
internal static class EntryLines
{
    public static List<(string Text, bool IsDescription, DateRange? Dates)> Classify(IEnumerable<string> lines)
    {
        var result = new List<(string Text, bool IsDescription, DateRange? Dates)>();
        var joined = JoinHyphenatedHeaders(JoinWrappedDates(StackedDates.Join(lines.Select(CvText.Clean).Select(Unjustify).ToList())));
        // A line that filled the column's width wrapped: what follows it is its continuation, capitalised or not.
        var fullWidth = joined.Count == 0 ? int.MaxValue : (int)(joined.Max(l => l.Length) * 0.8);
        var previousLength = 0;
        foreach (var raw in joined)
        {
            var wrapped = previousLength >= Math.Max(40, fullWidth);
            previousLength = raw.Length;
            var line = SplitDateCell(raw, result);
            if (line.Length == 0)
                continue;
            var bullet = CvText.StartsWithBullet(line);
            var text = bullet ? CvText.StripBullet(line) : line;
            // The range is found in the text it is later cut from (after the bullet), or its index points past the end.
            var dates = DateRangeParser.Find(text);
            if (result.Count > 0 && result[^1].IsDescription && dates is null && !bullet
                && (IsContinuation(result[^1].Text, text) || (wrapped && !EndsSentence(result[^1].Text) && !text.Contains('\t', StringComparison.Ordinal))))
            {
                result[^1] = (result[^1].Text + " " + text.Replace('\t', ' '), true, null);
                continue;
            }

            if (!bullet && dates is null && OpenDescription(result, text) is var open and >= 0)
            {
                result[open] = (result[open].Text + " " + text.Replace('\t', ' '), true, null);
                continue;
            }

            // A date range alone on its line is followed by the entry's title, however many lower-case words a French
            // or Italian title has ("Master en gestion des ressources humaines"); a full stop still marks a sentence.
            var afterBareDates = result.Count > 0 && result[^1].Dates is { } previous && !result[^1].Text.Remove(previous.Index, previous.Length).Any(char.IsLetter);
            // A school's name reads like a sentence ("École polytechnique fédérale de Lausanne") but ends without a full stop.
            var namesASchool = !text.EndsWith('.') && text.Length <= 90 && FieldClassifier.InstitutionScore(text) > 0;
            // A sentence wrapped around the date cell beside it ("Handled payroll for about 1040" / dates / "employees per
            // month."): a lower-case line after bare dates goes on with the unfinished description before them.
            if (afterBareDates && !bullet && dates is null && char.IsLower(text[0]) && result.Count > 1 && result[^2].IsDescription
                && !EndsSentence(result[^2].Text))
            {
                result[^2] = (result[^2].Text + " " + text.Replace('\t', ' '), true, null);
                continue;
            }

            // A title cell with the first line of the description beside it ("Category Manager<TAB>Handled payroll for
            // about 1040"): the title stays a header, the rest opens the description.
            var cells = text.Split('\t');
            // A wrapped date column ("– oggi", "settembre", "2016") beside the description is no title.
            if (!bullet && dates is null && cells.Length >= 2 && CvText.IsSentence(text) && !CvText.IsSentence(cells[0])
                && cells[0].Trim() is { Length: > 0 } title && char.IsUpper(title[0]) && !title.Any(char.IsDigit)
                && DateRangeParser.MonthNumber(title) is null && CvText.WordCount(title) <= 5 && cells[1].Trim() is { Length: > 0 } next && char.IsUpper(next[0]) && !namesASchool)
            {
                var rest = string.Join(' ', cells.Skip(1)).Trim();
                if (rest.Length > 0 && CvText.WordCount(rest) >= 3)
                {
                    result.Add((cells[0].Trim(), false, null));
                    result.Add((rest, true, null));
                    continue;
                }
            }

            // "Kassulke Media Group Inc." ends in a full stop, but the stop belongs to the legal form: a company, no sentence.
            var namesACompany = CvText.WordCount(text) <= 6 && EntryParser.LegalFormAtEnd().IsMatch(text);
            var isDescription = dates is null && (bullet || (CvText.IsSentence(text) && !namesASchool && !namesACompany && !EntryParser.IsHeaderShape(text)
                && !(afterBareDates && !text.EndsWith('.'))));
            result.Add((isDescription ? text.Replace('\t', ' ') : text, isDescription, dates));
        }

        return result;
    }

    /// <summary>A narrow date column wraps "02.2023 –" / "07.2025" or "April 2018 – Oktober" / "2021": the halves
    /// are joined back into the first line when together they make a longer range than the first alone;
    /// whatever else stood beside them stays where it was.</summary>
    private static List<string> JoinWrappedDates(List<string> lines)
    {
        var result = new List<string>(lines);
        for (var i = 0; i + 1 < result.Count; i++)
        {
            var cells = result[i].Split('\t');
            var head = cells[0].TrimEnd();
            var nextCells = result[i + 1].Split('\t');
            var tail = nextCells[0].Trim();
            if (tail.Length is 0 or > 16 || !tail.Any(char.IsDigit))
                continue;
            var joined = head + " " + tail;
            // "Dezember 2017 –" is an open range on its own but, in a wrapped column, only the first half of one.
            if (DateRangeParser.Find(joined) is not { } range || range.Index != 0 || range.Length < joined.Length - 1 || EndsWithDash(joined))
            {
                JoinColumnOverLines(result, i);
                continue;
            }
            if (DateRangeParser.Find(head) is { } alone && alone.Length >= range.Length - 1)
                continue; // the first line was a whole range already

            result[i] = string.Join('\t', new[] { joined }.Concat(cells.Skip(1)));
            result[i + 1] = string.Join('\t', nextCells.Skip(1));
        }

        JoinScatteredDateFragments(result);
        return result.Where(l => l.Trim().Length > 0).ToList();
    }

    /// <summary>A date column wrapped over three lines ("décembre 2020" / "– septembre" / "2021") can come out between
    /// the content lines beside it: fragments that are only a dash and a month, or only a year, within the next
    /// three lines complete the range on the first line.</summary>
    private static void JoinScatteredDateFragments(List<string> lines)
    {
        for (var i = 0; i + 2 < lines.Count; i++)
        {
            var cells = lines[i].Split('\t');
            var head = cells[0].Trim();
            var alone = DateRangeParser.Find(head);
            if (head.Length == 0 || alone is { Index: 0 } && alone.Length >= head.Length - 1 && !head.EndsWith('–') && !head.EndsWith('-'))
                continue; // already a whole range, or no date at its start
            var joined = head;
            var used = new List<int>();
            for (var j = i + 1; j < Math.Min(lines.Count, i + 4); j++)
            {
                if (!IsDateFragment(lines[j].Trim()))
                    continue;
                joined += " " + lines[j].Trim();
                used.Add(j);
                if (DateRangeParser.Find(joined) is { Index: 0 } range && range.Length >= joined.Length - 1 && (alone is null || range.Length > alone.Length + 1))
                {
                    lines[i] = string.Join('\t', new[] { joined }.Concat(cells.Skip(1)));
                    foreach (var k in used)
                        lines[k] = "";
                    break;
                }
            }
        }
    }

    /// <summary>A date column wrapped over three or four lines beside the entry ("November" / "2021 – Mai" / "2025"):
    /// the first cells of the lines are joined back when together, and only together, they make one whole range.</summary>
    private static void JoinColumnOverLines(List<string> lines, int i)
    {
        var head = lines[i].Split('\t')[0].Trim();
        if (head.Length is 0 or > 16 || DateRangeParser.Find(head) is not null || !IsDateWords(head))
            return;
        var joined = head;
        for (var j = i + 1; j < lines.Count && j <= i + 3; j++)
        {
            var cell = lines[j].Split('\t')[0].Trim();
            if (cell.Length is 0 or > 16 || !IsDateWords(cell))
                return;
            joined += " " + cell;
            if (j == i + 1 || EndsWithDash(joined) || DateRangeParser.Find(joined) is not { } range || range.Index != 0 || range.Length < joined.Length - 1)
                continue;
            lines[i] = string.Join('\t', new[] { joined }.Concat(lines[i].Split('\t').Skip(1)));
            for (var k = i + 1; k <= j; k++)
                lines[k] = string.Join('\t', lines[k].Split('\t').Skip(1));
            return;
        }
    }

    private static bool EndsWithDash(string text) => text.TrimEnd() is { Length: > 0 } t && t[^1] is '–' or '-' or '—';

    // Only years, month names, dashes and open ends: the pieces of a wrapped date column.
    private static bool IsDateWords(string text) => text.Split(' ', StringSplitOptions.RemoveEmptyEntries).All(w =>
        DateRangeParser.IsYear(w.Trim('.', ',')) || w is "–" or "-" or "—" or "bis" or "to"
        || DateRangeParser.IsMonthName(w.Trim('.', ','))
        || DateRangeParser.Find("2020 – " + w) is { Length: var l } && l == 7 + w.Length);

    private static bool IsDateFragment(string text) =>
        text.Length is > 0 and <= 16 && !text.Contains('\t', StringComparison.Ordinal)
        && (DateRangeParser.IsYear(text) || (text.TrimStart('–', '-', '—', ' ') is { Length: >= 3 } word && word.Length < text.Length
            && DateRangeParser.IsMonthName(word)));


    /// <summary>A justified header line whose stretched spaces the text layer reads as tabs ("Assistentin,&lt;TAB&gt;Brun&lt;TAB&gt;AG,
    /// &lt;TAB&gt;07.2021 – 05.2025"): three or more one-word cells before an optional date cell are one text again.</summary>
    internal static string Unjustify(string line)
    {
        if (!line.Contains('\t', StringComparison.Ordinal) || CvText.StartsWithBullet(line))
            return line;
        var cells = line.Split('\t');
        var last = cells[^1].Trim();
        var dated = cells.Length > 1 && DateRangeParser.Find(last) is { } range && range.Length >= last.Length - 1;
        var words = dated ? cells[..^1] : cells;
        if (words.Length < 3 || !Array.TrueForAll(words, w => w.Trim() is { Length: > 0 } t && !t.Contains(' ', StringComparison.Ordinal) && !t.Any(char.IsDigit)))
            return line;
        var text = string.Join(' ', words.Select(w => w.Trim()));
        return dated ? text + "\t" + last : text;
    }

    /// <summary>A header wrapped inside a word ("Hochschule für Technik Rap-" / "perswil, Wirtschaftsrecht."): the lower-case
    /// rest on the next line completes the word; the cells beside the first line (its dates) stay.</summary>
    private static List<string> JoinHyphenatedHeaders(List<string> lines)
    {
        for (var i = 0; i + 1 < lines.Count; i++)
        {
            var cells = lines[i].Split('\t');
            var head = cells[0].TrimEnd();
            var next = lines[i + 1].TrimStart();
            // Only headers: a description keeps its words as printed ("automatisa- tion"), as the text was.
            if (head.Length < 3 || head[^1] != '-' || !char.IsLetter(head[^2]) || CvText.StartsWithBullet(lines[i]) || CvText.IsSentence(head)
                || next.Length == 0 || !char.IsLower(next[0]) || next.Contains('\t', StringComparison.Ordinal))
                continue;
            lines[i] = string.Join('\t', new[] { head[..^1] + next }.Concat(cells.Skip(1)));
            lines.RemoveAt(i + 1);
        }

        return lines;
    }

    /// <summary>A right-hand date column read beside a bullet ("• Built the platform…&lt;TAB&gt;June 2023 – present"): the
    /// range goes to the entry as a line of its own, before the bullet, and a duration cell ("2 years 10 months") is
    /// dropped, so that neither makes the bullet a header nor ends up in the description.</summary>
    private static string SplitDateCell(string line, List<(string Text, bool IsDescription, DateRange? Dates)> result)
    {
        if (!line.Contains('	', StringComparison.Ordinal))
            return line;
        var cells = line.Split('	').ToList();
        while (cells.Count > 1 && EntryParser.DurationPattern().IsMatch(cells[^1].Trim()))
            cells.RemoveAt(cells.Count - 1);
        if (cells.Count > 1 && DateRangeParser.Find(cells[^1]) is { } range && range.Length >= cells[^1].Trim().Length - 1)
        {
            var head = string.Join(' ', cells.Take(cells.Count - 1)).Trim();
            // A header ends in a full stop in some templates ("Architect, Dooley LLP, Leeds."): prose has lower-case words.
            var prose = CvText.IsSentence(head) && head.Split(' ').Count(w => w.Length > 0 && char.IsLower(w[0])) >= 3 && !EntryParser.IsHeaderShape(head)
                && FieldClassifier.InstitutionScore(head) == 0 && FieldClassifier.DegreeScore(head) == 0;
            if (CvText.StartsWithBullet(head) || prose)
            {
                result.Add((cells[^1].Trim(), false, DateRangeParser.Find(cells[^1].Trim())));
                return head;
            }
        }

        return string.Join('	', cells);
    }

    /// <summary>Bullets printed in two columns are read row by row: "• Led a group of 4", "• Trained 13 new hires.", then
    /// "colleagues.". A lower-case line after finished text goes on with the last bullet of the description run above
    /// that is still unfinished, never opens an entry of its own; -1 when the line continues nothing.</summary>
    private static int OpenDescription(List<(string Text, bool IsDescription, DateRange? Dates)> result, string text)
    {
        if (text.Length == 0 || !char.IsLower(text[0]) || text.Contains('\t', StringComparison.Ordinal))
            return -1;
        for (var k = result.Count - 1; k >= 0 && result[k].IsDescription; k--)
        {
            if (!EndsSentence(result[k].Text))
                return k;
        }

        return -1;
    }

    private static bool EndsSentence(string text) => text.EndsWith('.') || text.EndsWith('!') || text.EndsWith('?') || text.EndsWith(':');

    private static bool IsContinuation(string previous, string current) =>
        !previous.EndsWith('.') && !previous.EndsWith('!') && !previous.EndsWith('?')
        && current.Length > 0 && (char.IsLower(current[0]) || char.IsDigit(current[0]) || current[0] == '(');
}
