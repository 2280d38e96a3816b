using System.Text.RegularExpressions;

namespace ParseJobs.Extraction.Cv;

/// <summary>An experience or education entry before its fields are assigned: the date range,
/// the short header fragments (title, organisation, place) and the description lines.</summary>
internal sealed class RawEntry
{
    public DateRange? Dates { get; set; }

    public List<string> Headers { get; } = [];

    public List<string> Description { get; } = [];

    /// <summary>Header fragments that stood in a later cell of their line (after a tab): a right-hand place or label.</summary>
    public HashSet<string> Beside { get; } = [];
}

/// <summary>Splits the lines of an experience or education section into entries. Works for dates
/// before, beside or after the titles: the position of the date in the first entry tells the layout.</summary>
internal static partial class EntryParser
{
    public static List<RawEntry> Parse(IEnumerable<string> sectionLines)
    {
        var items = EntryLines.Classify(sectionLines);
        var entries = new List<RawEntry>();
        var run = new List<(string Text, DateRange? Dates)>();
        var description = new List<string>();
        var datePosition = -1;

        void Flush()
        {
            if (run.Count == 0 && description.Count == 0)
                return;
            // "Highlights" or "Aufgaben" over an entry's bullets is a sub-heading of that entry, not one of its own.
            if (run.Count == 1 && entries.Count > 0 && run[0].Dates is null && IsSubHeading(run[0].Text))
                run.Clear();
            AttachTrailer();
            if (run.Count == 0 && entries.Count > 0)
            {
                entries[^1].Description.AddRange(description);
                description.Clear();
                return;
            }

            var dateIndexes = run.Select((r, i) => (r, i)).Where(x => x.r.Dates is not null).Select(x => x.i).ToList();
            if (datePosition < 0 && dateIndexes.Count > 0)
                datePosition = dateIndexes[0];
            var starts = new List<int> { 0 };
            for (var n = 1; n < dateIndexes.Count; n++)
            {
                var d = dateIndexes[n];
                // The layout's date position gives where the entry starts, but never before the range of the entry
                // above: one entry holds one range, whether its dates stand under its title or under its subtitle.
                var start = Math.Max(Math.Max(starts[^1], dateIndexes[n - 1]) + 1, d - Math.Max(0, datePosition));
                if (start < run.Count && start > starts[^1])
                    starts.Add(start);
            }

            for (var s = 0; s < starts.Count; s++)
            {
                var end = s + 1 < starts.Count ? starts[s + 1] : run.Count;
                var entry = new RawEntry();
                foreach (var (text, dates) in run.Skip(starts[s]).Take(end - starts[s]))
                {
                    var header = text;
                    if (dates is not null && entry.Dates is null)
                    {
                        entry.Dates = dates;
                        header = text.Remove(dates.Index, dates.Length);
                    }

                    foreach (var fragment in Fragments(header))
                        entry.Headers.Add(fragment);
                    foreach (var cell in header.Split('\t').Skip(1))
                        entry.Beside.UnionWith(Fragments(cell));
                }

                entries.Add(entry);
            }

            entries[^1].Description.AddRange(description);
            run.Clear();
            description.Clear();
        }

        // Templates that print place and dates under an entry's bullets: the lines of place, dates and duration that open
        // a run after a description close the entry before it when that entry has no dates of its own.
        void AttachTrailer()
        {
            if (entries.Count == 0 || entries[^1].Dates is not null || run.Count == 0)
                return;
            var k = 0;
            while (k < run.Count && k < 4 && (run[k].Dates is not null || ExperienceReader.IsPlace(run[k].Text) || DurationPattern().IsMatch(run[k].Text.Trim())))
                k++;
            var trailer = run.Take(k).ToList();
            var dated = trailer.FindIndex(r => r.Dates is not null);
            if (dated < 0 || trailer.Exists(r => r.Dates is not null && r.Text.Remove(r.Dates.Index, r.Dates.Length).Any(char.IsLetter) && !ExperienceReader.IsPlace(r.Text.Remove(r.Dates.Index, r.Dates.Length).Trim(' ', '\t', '|', ',', '·'))))
                return;
            var previous = entries[^1];
            foreach (var (text, dates) in trailer)
            {
                var rest = text;
                if (dates is not null && previous.Dates is null)
                {
                    previous.Dates = dates;
                    rest = text.Remove(dates.Index, dates.Length);
                }

                previous.Headers.AddRange(Fragments(rest));
            }

            run.RemoveRange(0, k);
        }

        foreach (var (text, isDescription, dates) in items)
        {
            if (isDescription)
            {
                description.Add(text);
                continue;
            }

            if (description.Count > 0)
                Flush();
            run.Add((text, dates));
        }

        Flush();
        return entries.Where(e => e.Headers.Count > 0 || e.Dates is not null).ToList();
    }

    /// <summary>Header fragments: split on tabs and dot or pipe separators; empty bits and dashes dropped.</summary>
    public static IEnumerable<string> Fragments(string header) =>
        FragmentSeparator().Split(header)
            .Select(f => f.Trim().Trim(',', '|', '–', '-', '—', '(', ')', ':').Trim())
            .Where(f => f.Length > 0 && f.Any(char.IsLetterOrDigit) && !DurationPattern().IsMatch(f));

    // "2 years 11 months", "3 Jahre", "8 mois", "1 anno" printed after a range: the length of the job, no header.
    [GeneratedRegex(@"^(?:\d+\+?\s*(?:years?|yrs?|months?|mos?|jahre?n?|monate?n?|mt\.?|mon\.?|mos\.?|ans?|années?|mois|anni|anno|mesi|mese)(?!\p{L})[\s,.]*(?:and|und|et|e)?\s*)+$", RegexOptions.IgnoreCase, matchTimeoutMilliseconds: 1000)]
    internal static partial Regex DurationPattern();

    /// <summary>An entry header that is long enough to read as a sentence: "Title at Company" with a title word before
    /// "at", or short fragments between separators ("Title, Company · City · 3 years"), none of them a sentence.</summary>
    internal static bool IsHeaderShape(string text)
    {
        if (ExperienceReader.TitleAtCompanyHeader(text) is { } at && CvText.WordCount(text) <= 12 && !at.Company.Contains(". ", StringComparison.Ordinal))
            return true;
        var fragments = FragmentSeparator().Split(text).Select(f => f.Trim()).Where(f => f.Length > 0).ToList();
        // Justified text whose words the text layer separates by tabs has one word per fragment: no header.
        return fragments.Count is >= 2 and <= 5 && fragments.Sum(CvText.WordCount) >= 1.5 * fragments.Count && fragments.TrueForAll(f => CvText.WordCount(f) <= 7
            && (!CvText.IsSentence(f) || LegalFormAtEnd().IsMatch(f) || DurationPattern().IsMatch(f) || ExperienceReader.TitleAtCompanyHeader(f) is not null));
    }

    private static bool IsSubHeading(string text) =>
        CvText.Fold(text).Trim().TrimEnd(':').Trim() is "highlights" or "key achievements" or "achievements" or "responsibilities"
            or "key responsibilities" or "tasks" or "aufgaben" or "erfolge" or "tatigkeiten" or "realisations" or "responsabilites"
            or "missions" or "attivita" or "responsabilita" or "risultati";

    [GeneratedRegex(@"\s(?:Inc|Co|Ltd|Corp|Bros|S\.p\.A|S\.A|S\.r\.l|e\.V|N\.V|B\.V)\.$", RegexOptions.None, matchTimeoutMilliseconds: 1000)]
    internal static partial Regex LegalFormAtEnd();

    [GeneratedRegex(@"\t|\s+[·|•]\s+|\s{3,}", RegexOptions.None, matchTimeoutMilliseconds: 1000)]
    private static partial Regex FragmentSeparator();
}
