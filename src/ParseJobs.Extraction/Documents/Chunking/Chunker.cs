namespace ParseJobs.Extraction.Documents.Chunking;

/// <summary>A run of consecutive segments of a document, sized for retrieval or a model's context.</summary>
/// <param name="ChunkId">"chunk_1", "chunk_2"… in document order.</param>
/// <param name="Length">Words in the chunk's segments.</param>
/// <param name="Segments">The segments, in document order.</param>
public sealed record DocumentChunk(string ChunkId, int Length, IReadOnlyList<Segment> Segments);

/// <summary>
/// Splits a layout document into chunks of about a target number of words. A heading starts a new chunk once the
/// current one has a quarter of the target; a segment that would overflow the target starts one too. Segments are
/// never split: one longer than the target is a chunk of its own. Running headers and footers repeat on every page
/// and are left out; every other segment lands in exactly one chunk, in order.
/// </summary>
public static class Chunker
{
    public static IReadOnlyList<DocumentChunk> Split(LayoutDocument document, int targetWords)
    {
        ArgumentNullException.ThrowIfNull(document);
        ArgumentOutOfRangeException.ThrowIfLessThan(targetWords, 1);

        // Below this a section is merged with the next one rather than being a chunk of a few words.
        var minimumSection = Math.Max(1, targetWords / 4);
        var chunks = new List<DocumentChunk>();
        var current = new List<(Segment Segment, int Words)>();
        var words = 0;

        void Cut(int keep)
        {
            var taken = current.Take(current.Count - keep).ToList();
            if (taken.Count == 0)
                return;
            chunks.Add(new DocumentChunk($"chunk_{chunks.Count + 1}", taken.Sum(t => t.Words), [.. taken.Select(t => t.Segment)]));
            current.RemoveRange(0, taken.Count);
            words = current.Sum(t => t.Words);
        }

        foreach (var segment in document.Segments)
        {
            if (segment.Type is SegmentType.PageHeader or SegmentType.PageFooter)
                continue;
            var count = WordCount(segment);
            if (IsHeading(segment) && words >= minimumSection)
            {
                Cut(0);
            }
            else if (current.Count > 0 && words + count > targetWords)
            {
                // Headings at the end of a full chunk belong with the text they introduce.
                Cut(TrailingHeadings(current, targetWords - count));
            }

            current.Add((segment, count));
            words += count;
            if (count > targetWords && current.Count == 1)
                Cut(0);
        }

        Cut(0);
        return chunks;
    }

    /// <summary>Words as whitespace-separated tokens; pictures count for nothing.</summary>
    internal static int WordCount(Segment segment) =>
        segment.Text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries).Length;

    private static bool IsHeading(Segment segment) => segment.Type is SegmentType.Title or SegmentType.SectionHeader;

    /// <summary>How many headings end the chunk, as long as they fit in <paramref name="room"/> words.</summary>
    private static int TrailingHeadings(List<(Segment Segment, int Words)> current, int room)
    {
        var n = 0;
        var kept = 0;
        while (n < current.Count - 1 && IsHeading(current[^(n + 1)].Segment) && kept + current[^(n + 1)].Words <= room)
        {
            kept += current[^(n + 1)].Words;
            n++;
        }

        return n;
    }
}
