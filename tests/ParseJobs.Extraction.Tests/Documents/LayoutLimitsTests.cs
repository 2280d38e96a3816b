using ParseJobs.Extraction.Documents;
using ParseJobs.Extraction.Parsing;

namespace ParseJobs.Extraction.Tests.Documents;

/// <summary>The caps every layout model passes through, in the child and again in the parent, whatever built it.</summary>
public sealed class LayoutLimitsTests
{
    private static Segment Picture(int n, string imageId) => new()
    {
        Id = $"seg_{n}",
        Type = SegmentType.Picture,
        PageNumber = 1,
        Box = new BoundingBox(0, 0, 10, 10),
        Text = "",
        ImageId = imageId,
    };

    private static LayoutDocument WithPictures(IReadOnlyList<Segment> segments, params DocumentImage[] images) =>
        LayoutTestFiles.Document([.. segments]) with { Images = images };

    [Fact]
    public void Apply_CountsAnImageOnce_HoweverManySegmentsShowIt()
    {
        var image = new DocumentImage("img_1", "image/png", new byte[1000]);
        var document = WithPictures([.. Enumerable.Range(1, 10_000).Select(i => Picture(i, "img_1"))], image);

        var capped = LayoutLimits.Apply(document, ParseLimits.Default with { MaxImages = 1, MaxImageBytes = 1000 });

        Assert.Same(document, capped);
    }

    [Fact]
    public void Apply_DropsImagesBeyondCountAndBytes_InReadingOrder_AndWarnsOnce()
    {
        var images = Enumerable.Range(1, 4).Select(i => new DocumentImage($"img_{i}", "image/png", new byte[100])).ToArray();
        var document = WithPictures([Picture(1, "img_4"), Picture(2, "img_1"), Picture(3, "img_2"), Picture(4, "img_3")], images);

        var byCount = LayoutLimits.Apply(document, ParseLimits.Default with { MaxImages = 2 });
        var byBytes = LayoutLimits.Apply(document, ParseLimits.Default with { MaxImageBytes = 350 });

        Assert.Equal(["img_4", "img_1", null, null], byCount.Segments.Select(s => s.ImageId), StringComparer.Ordinal);
        Assert.Equal(["img_1", "img_4"], byCount.Images.Select(i => i.Id).Order(StringComparer.Ordinal), StringComparer.Ordinal);
        Assert.Equal(ParseErrorCodes.ImagesTruncated, Assert.Single(byCount.Warnings).Code);
        Assert.Equal(3, byBytes.Images.Count);
    }

    [Fact]
    public void Apply_CutsATableToTheLimits_WhenItsDeclaredSizeIsHuge()
    {
        TableCell[] cells = [new(0, 0, "a"), new(0, 1, "b", ColumnSpan: 1_000_000_000), new(1, 0, "c", RowSpan: 1_000_000_000), new(0, 1_999_999_999, "far")];
        var table = new TableData(2_000_000_000, 2_000_000_000, cells);
        var document = LayoutTestFiles.Document(LayoutTestFiles.Segment(SegmentType.Table, "a\tb\nc", table: table));

        var capped = LayoutLimits.Apply(document, ParseLimits.Default);

        var cut = capped.Segments[0].Table!;
        Assert.Equal((ParseLimits.Default.MaxTableRows, ParseLimits.Default.MaxTableColumns), (cut.RowCount, cut.ColumnCount));
        Assert.Equal([("a", 1, 1), ("b", 1, 63), ("c", 9_999, 1)], cut.Cells.Select(c => (c.Text, c.RowSpan, c.ColumnSpan)));
        Assert.Equal(ParseErrorCodes.TableTruncated, Assert.Single(capped.Warnings).Code);
        Assert.Equal(ParseLimits.Default.MaxTableRows, cut.ToGrid().Length);
    }
}
