using System.Globalization;
using System.Text;
using ParseJobs.Extraction.Documents;
using ParseJobs.Extraction.Parsing;

namespace ParseJobs.Extraction.Cv;

/// <summary>A post-pass over a finished profile: finds the lines of the layout model each filled personal field and
/// each experience and education entry was read from, and gives their page and box. The readers work on text and
/// need not carry boxes; values are found again by their letters and digits alone (so that letter-spaced names,
/// line-broken values and reformatted phones still match).</summary>
public static class ProvenanceLocator
{
    private const int MinimumKeyLength = 3;

    /// <summary>The provenance of <paramref name="profile"/>'s values in <paramref name="layout"/>; empty for TXT,
    /// which has no page geometry. DOCX boxes are the layout model's estimates (its <c>ApproximateBoxes</c>).</summary>
    public static IReadOnlyList<FieldProvenance> Locate(LayoutDocument layout, CvProfile profile)
    {
        ArgumentNullException.ThrowIfNull(layout);
        ArgumentNullException.ThrowIfNull(profile);
        if (layout.Type == DocumentType.Txt)
            return [];
        var lines = Lines(layout);
        if (lines.Count == 0)
            return [];
        var result = new List<FieldProvenance>();
        LocatePersonal(layout, lines, profile.PersonalInfo, result);
        LocateEntries(lines, "experience", profile.Experience.Select(e => (e.Id, new[] { e.Position, e.Company }, e.Description)), result);
        LocateEntries(lines, "education", profile.Education.Select(e => (e.Id, new[] { e.Institution, e.Degree }, e.Description)), result);
        return result;
    }

    private static void LocatePersonal(LayoutDocument layout, List<LayoutLine> lines, PersonalInfo info, List<FieldProvenance> result)
    {
        void Add(string field, string key, bool digitsOnly = false)
        {
            if (key.Length >= MinimumKeyLength && Find(lines, 0, key, digitsOnly) is { } span)
                result.Add(Provenance("personal_info." + field, lines, span.First, span.Last));
        }

        Add("full_name", Squeeze(info.FullName));
        Add("email", Squeeze(info.Email));
        Add("mobile_phone", PhoneKey(info.MobilePhone), digitsOnly: true);
        Add("home_phone", PhoneKey(info.HomePhone), digitsOnly: true);
        Add("street_and_number", Squeeze(info.StreetAndNumber));
        Add("postal_code", Squeeze(info.PostalCode));
        Add("city", Squeeze(info.City));
        // The handle is what a page prints ("linkedin.com/in/anna-keller", "/in/anna-keller"), or the label of a link.
        var handle = info.LinkedIn.LastIndexOf("/in/", StringComparison.Ordinal) is var at and >= 0 ? info.LinkedIn[(at + 4)..] : info.LinkedIn;
        var before = result.Count;
        Add("linkedin", Squeeze(handle));
        if (result.Count == before && handle.Length > 0 && LinkLine(layout, lines, handle) is { } link)
            result.Add(Provenance("personal_info.linkedin", lines, link, link));
        Add("nationality", Squeeze(info.Nationality));
        if (info.BirthDate.Length == 10 && BirthDateLine(lines, info.BirthDate) is { } birth)
            result.Add(Provenance("personal_info.birth_date", lines, birth, birth));
    }

    // Entries are found in document order: each search starts after the previous entry, so that a company named
    // twice is placed at its own entry. An entry's box reaches from its header to the end of its description.
    private static void LocateEntries(List<LayoutLine> lines, string field, IEnumerable<(string Id, string[] Headers, string Description)> entries, List<FieldProvenance> result)
    {
        var cursor = 0;
        foreach (var (id, headers, description) in entries)
        {
            var keys = headers.Select(Squeeze).Where(k => k.Length >= MinimumKeyLength).ToList();
            var spans = keys.Select(k => Find(lines, cursor, k, false) ?? Find(lines, 0, k, false)).OfType<(int First, int Last)>().ToList();
            if (spans.Count == 0)
                continue;
            var first = spans.Min(s => s.First);
            var last = spans.Max(s => s.Last);
            var lastLine = description.Split('\n', StringSplitOptions.RemoveEmptyEntries).LastOrDefault() ?? "";
            var tail = Squeeze(lastLine);
            if (tail.Length > 24)
                tail = tail[^24..];
            if (tail.Length >= MinimumKeyLength && Find(lines, first, tail, false) is { } end && end.Last - first < 80)
                last = Math.Max(last, end.Last);
            result.Add(Provenance($"{field}.{id}", lines, first, last));
            cursor = Math.Max(cursor, first + 1);
        }
    }

    // A handle carried only by a link annotation: the line of the label ("LinkedIn", an icon) the link lies over.
    private static int? LinkLine(LayoutDocument layout, List<LayoutLine> lines, string handle)
    {
        foreach (var segment in layout.Segments)
        {
            var link = segment.Links.FirstOrDefault(l => l.Uri.Contains(handle, StringComparison.OrdinalIgnoreCase));
            if (link is null)
                continue;
            var label = Squeeze(link.Text);
            var first = lines.FindIndex(l => ReferenceEquals(l.Segment, segment));
            if (first < 0)
                return null;
            var labelled = label.Length == 0 ? -1 : lines.FindIndex(first, l => ReferenceEquals(l.Segment, segment) && l.Key.Contains(label, StringComparison.Ordinal));
            return labelled >= 0 ? labelled : first;
        }

        return null;
    }

    // A printed birth date may be "12.03.1990", "12 mars 1990" or "March 12, 1990": the line with the year and the day.
    private static int? BirthDateLine(List<LayoutLine> lines, string isoDate)
    {
        var year = isoDate[..4];
        var day = int.Parse(isoDate[8..], CultureInfo.InvariantCulture).ToString(CultureInfo.InvariantCulture);
        for (var i = 0; i < lines.Count; i++)
        {
            var text = lines[i].Text;
            if (!text.Contains(year, StringComparison.Ordinal))
                continue;
            var numbers = text.Split(NonDigits, StringSplitOptions.RemoveEmptyEntries).Select(n => n.TrimStart('0'));
            if (numbers.Contains(day, StringComparer.Ordinal))
                return i;
        }

        return null;
    }

    private static readonly char[] NonDigits = [.. Enumerable.Range(0, 128).Select(c => (char)c).Where(c => !char.IsAsciiDigit(c))];

    // The first line (from start) holding the key, or two neighbouring lines of one page that hold it together.
    private static (int First, int Last)? Find(List<LayoutLine> lines, int start, string key, bool digitsOnly)
    {
        for (var i = start; i < lines.Count; i++)
        {
            var here = digitsOnly ? lines[i].Digits : lines[i].Key;
            if (here.Contains(key, StringComparison.Ordinal))
                return (i, i);
            if (i + 1 < lines.Count && lines[i + 1].Page == lines[i].Page && here.Length > 0)
            {
                var next = digitsOnly ? lines[i + 1].Digits : lines[i + 1].Key;
                var joined = here + next;
                var at = joined.IndexOf(key, StringComparison.Ordinal);
                if (at >= 0 && at < here.Length && at + key.Length > here.Length)
                    return (i, i + 1);
            }
        }

        return null;
    }

    private static FieldProvenance Provenance(string field, List<LayoutLine> lines, int first, int last)
    {
        var page = lines[first].Page;
        var box = lines[first].Box;
        for (var i = first + 1; i <= last; i++)
        {
            if (lines[i].Page == page)
                box = box.Union(lines[i].Box);
        }

        return new FieldProvenance(field, page, new ProvenanceBox(Round(box.Left), Round(box.Top), Round(box.Width), Round(box.Height)));
    }

    private static double Round(double value) => Math.Round(value, 2);

    // Each text line of a segment gets an equal share of the segment's height: the layout model keeps boxes per
    // segment, and a segment's lines stand one under the other.
    private static List<LayoutLine> Lines(LayoutDocument layout)
    {
        var lines = new List<LayoutLine>();
        foreach (var segment in layout.Segments)
        {
            if (segment.Type is SegmentType.Picture || segment.Text.Length == 0)
                continue;
            var texts = segment.Text.Split('\n');
            var height = segment.Box.Height / texts.Length;
            for (var i = 0; i < texts.Length; i++)
            {
                var key = Squeeze(texts[i]);
                if (key.Length == 0)
                    continue;
                var box = new BoundingBox(segment.Box.Left, segment.Box.Top + (i * height), segment.Box.Width, height);
                lines.Add(new LayoutLine(segment, segment.PageNumber, box, texts[i], key, Digits(texts[i])));
            }
        }

        return lines;
    }

    /// <summary>Letters and digits only, folded (no case, no diacritics): "F L O R E N C E  Gasser" → "florencegasser".</summary>
    internal static string Squeeze(string text)
    {
        var folded = CvText.Fold(text);
        var sb = new StringBuilder(folded.Length);
        foreach (var c in folded)
        {
            if (char.IsLetterOrDigit(c))
                sb.Append(c);
        }

        return sb.ToString();
    }

    private static string Digits(string text) => new([.. text.Where(char.IsAsciiDigit)]);

    // An E.164 number is printed nationally ("079 555 12 34") or internationally: its last eight digits are in both.
    private static string PhoneKey(string e164)
    {
        var digits = Digits(e164);
        return digits.Length > 8 ? digits[^8..] : digits;
    }

    private sealed record LayoutLine(Segment Segment, int Page, BoundingBox Box, string Text, string Key, string Digits);
}
