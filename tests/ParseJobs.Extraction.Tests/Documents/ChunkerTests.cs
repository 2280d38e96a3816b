using ParseJobs.Extraction.Documents;
using ParseJobs.Extraction.Documents.Chunking;
using static ParseJobs.Extraction.Tests.Documents.LayoutTestFiles;

namespace ParseJobs.Extraction.Tests.Documents;

public sealed class ChunkerTests
{
    private static string Words(int count, string word = "word") => string.Join(' ', Enumerable.Repeat(word, count));

    /// <summary>Header, title, three sections of 30–40 words, a picture, a footer.</summary>
    private static LayoutDocument Cv() => Document(
        Segment(SegmentType.PageHeader, "Confidential CV"),
        Segment(SegmentType.Title, "Anna Muster", 1),
        Segment(SegmentType.Text, Words(20)),
        Segment(SegmentType.SectionHeader, "Experience", 2),
        Segment(SegmentType.Text, Words(20)),
        Segment(SegmentType.ListItem, Words(15)),
        Segment(SegmentType.SectionHeader, "Education", 2),
        Segment(SegmentType.Text, Words(30)),
        Segment(SegmentType.Picture, "", imageId: "img_1"),
        Segment(SegmentType.SectionHeader, "Languages", 2),
        Segment(SegmentType.Text, Words(10)),
        Segment(SegmentType.PageFooter, "Page 1"));

    [Fact]
    public void Split_PutsEveryBodySegmentInExactlyOneChunkInOrder_WhenDocumentHasHeadersAndFooters()
    {
        var document = Cv();

        var chunks = Chunker.Split(document, 50);

        var expected = document.Segments.Where(s => s.Type is not SegmentType.PageHeader and not SegmentType.PageFooter).Select(s => s.Id);
        Assert.Equal(expected, chunks.SelectMany(c => c.Segments).Select(s => s.Id), StringComparer.Ordinal);
        Assert.Equal(Enumerable.Range(1, chunks.Count).Select(i => $"chunk_{i}"), chunks.Select(c => c.ChunkId), StringComparer.Ordinal);
    }

    [Fact]
    public void Split_StartsChunksAtHeadings_WhenSectionsFitTheTarget()
    {
        var chunks = Chunker.Split(Cv(), 50);

        Assert.Equal(["Anna Muster", "Experience", "Education", "Languages"], chunks.Select(c => c.Segments[0].Text), StringComparer.Ordinal);
        Assert.Equal([22, 36, 31, 11], chunks.Select(c => c.Length));
    }

    [Fact]
    public void Split_MergesSmallSections_WhenTheyAreBelowAQuarterOfTheTarget()
    {
        var document = Document(
            Segment(SegmentType.SectionHeader, "Email", 2),
            Segment(SegmentType.Text, Words(3)),
            Segment(SegmentType.SectionHeader, "Phone", 2),
            Segment(SegmentType.Text, Words(3)),
            Segment(SegmentType.SectionHeader, "Profile", 2),
            Segment(SegmentType.Text, Words(35)));

        var chunks = Chunker.Split(document, 40);

        Assert.Equal([["Email", Words(3), "Phone", Words(3)], ["Profile", Words(35)]], chunks.Select(c => c.Segments.Select(s => s.Text).ToArray()));
    }

    [Fact]
    public void Split_CutsNearTheTargetWithoutSplittingSegments_WhenASectionIsLong()
    {
        var segments = new List<Segment> { Segment(SegmentType.SectionHeader, "Experience", 2) };
        segments.AddRange(Enumerable.Range(0, 20).Select(_ => Segment(SegmentType.Text, Words(12))));

        var chunks = Chunker.Split(Document([.. segments]), 50);

        Assert.All(chunks, c => Assert.InRange(c.Length, 37, 50));
        Assert.Equal(241, chunks.Sum(c => c.Length));
        Assert.All(chunks, c => Assert.Equal(c.Segments.Sum(s => s.Text.Split(' ', StringSplitOptions.RemoveEmptyEntries).Length), c.Length));
    }

    [Fact]
    public void Split_MakesALongSegmentItsOwnChunk_WhenItExceedsTheTarget()
    {
        var document = Document(
            Segment(SegmentType.SectionHeader, "Summary", 2),
            Segment(SegmentType.Text, Words(5)),
            Segment(SegmentType.Text, Words(120)),
            Segment(SegmentType.Text, Words(5)));

        var chunks = Chunker.Split(document, 50);

        Assert.Equal([6, 120, 5], chunks.Select(c => c.Length));
        Assert.Single(chunks[1].Segments);
    }

    [Fact]
    public void Split_KeepsATrailingHeadingWithItsText_WhenTheChunkFillsUpBeforeIt()
    {
        var document = Document(
            Segment(SegmentType.Text, Words(20)),
            Segment(SegmentType.Text, Words(20)),
            Segment(SegmentType.SectionHeader, "Tiny", 2),
            Segment(SegmentType.Text, Words(20)));

        // 40 words: the heading cuts; below a quarter the heading would join; here it must start the next chunk.
        var chunks = Chunker.Split(document, 45);

        Assert.Equal("Tiny", chunks[1].Segments[0].Text);
    }

    [Fact]
    public void Split_ReturnsNoChunks_WhenDocumentHasOnlyHeadersAndFooters()
    {
        var chunks = Chunker.Split(Document(Segment(SegmentType.PageHeader, "Header"), Segment(SegmentType.PageFooter, "Footer")), 50);

        Assert.Empty(chunks);
    }

    [Fact]
    public void Split_Throws_WhenTargetIsNotPositive()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => Chunker.Split(Cv(), 0));
    }
}
