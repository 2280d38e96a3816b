// Interim until the rendering and chunking branch lands; deleted on merge.
namespace ParseJobs.Extraction.Documents.Rendering
{
    public static class SegmentRenderer
    {
        public static string Markdown(Segment s) => s.Text;
        public static string Html(Segment s) => System.Net.WebUtility.HtmlEncode(s.Text);
        public static string DocumentMarkdown(LayoutDocument d) => string.Join("\n\n", d.Segments.Select(s => s.Text));
    }
}

namespace ParseJobs.Extraction.Documents.Chunking
{
    public sealed record DocumentChunk(string ChunkId, int Length, IReadOnlyList<Segment> Segments);

    public static class Chunker
    {
        public static IReadOnlyList<DocumentChunk> Split(LayoutDocument document, int targetWords) =>
            [new DocumentChunk("chunk_1", document.Segments.Sum(s => s.Text.Split(' ').Length), document.Segments)];
    }
}
