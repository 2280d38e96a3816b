using System.Text;
using System.Text.Json;
using ParseJobs.Extraction.Cv;
using ParseJobs.Extraction.Documents;
using ParseJobs.Extraction.Isolation;
using ParseJobs.Extraction.Parsing;
using ParseJobs.Extraction.Tests.Documents;

namespace ParseJobs.Extraction.Tests.Parsing;

/// <summary>The product code a parser child and the in-process parser share: images once, caps, size, CV meta.</summary>
public sealed class ProductMakerTests
{
    private static readonly DocumentResultProduct Layout = new(512, IncludeMarkdown: true, IncludeHtml: true, "/v1/documents/j/images/");

    private static Segment Picture(string imageId) => new()
    {
        Id = "",
        Type = SegmentType.Picture,
        PageNumber = 1,
        Box = new BoundingBox(0, 0, 10, 10),
        Text = "",
        ImageId = imageId,
    };

    private static Segment Text(string text) => new()
    {
        Id = "",
        Type = SegmentType.Text,
        PageNumber = 1,
        Box = new BoundingBox(0, 0, 100, 10),
        Text = text,
    };

    private static ProductMaker MakerOf(LayoutDocument document) => new(new FixedExtractor(document), new CvPipeline());

    private static List<string?> ImageUrls(ParsedProduct product)
    {
        using var json = JsonDocument.Parse(product.Json);
        return [.. json.RootElement.GetProperty("chunks").EnumerateArray()
            .SelectMany(c => c.GetProperty("segments").EnumerateArray())
            .Where(s => s.GetProperty("segment_type").GetString() == "Picture")
            .Select(s => s.GetProperty("image_url").GetString())];
    }

    [Fact]
    public void Document_StoresEachDistinctImageOnce_UnderItsFirstPicture_AndLinksEveryPictureOfIt()
    {
        var shared = new DocumentImage("img_1", "image/png", new byte[100]);
        var document = LayoutTestFiles.Document([.. Enumerable.Repeat(Picture("img_1"), 500), Picture("img_2"), Picture("img_3")])
            with { Images = [shared, new DocumentImage("img_2", "image/png", new byte[100]), new DocumentImage("img_3", "image/png", new byte[100])] };

        var product = MakerOf(document).Make([1], DocumentType.Docx, ParseLimits.Default with { MaxImages = 2 }, Layout);

        Assert.Equal(["seg_1", "seg_501"], product.Images.Select(i => i.SegmentId), StringComparer.Ordinal);
        var urls = ImageUrls(product);
        Assert.All(urls.Take(500), url => Assert.Equal("/v1/documents/j/images/seg_1", url));
        Assert.Equal("/v1/documents/j/images/seg_501", urls[500]);
        Assert.Null(urls[501]);
        Assert.Equal([ParseErrorCodes.ImagesTruncated], product.Warnings, StringComparer.Ordinal);
    }

    [Fact]
    public void Document_CapsTablesBeforeRendering_WhenAnExtractorDidNot()
    {
        var table = Text("x") with { Type = SegmentType.Table, Table = new TableData(1, int.MaxValue, [new TableCell(0, int.MaxValue - 1, "x")]) };

        var product = MakerOf(LayoutTestFiles.Document(table)).Make([1], DocumentType.Docx, ParseLimits.Default, Layout);

        Assert.InRange(product.Json.Length, 1, 10_000);
        Assert.Contains(ParseErrorCodes.TableTruncated, product.Warnings, StringComparer.Ordinal);
    }

    [Fact]
    public void Make_FailsWithResultTooLarge_BeforeAnyReply_WhenTheResultExceedsItsLimit()
    {
        var document = LayoutTestFiles.Document([.. Enumerable.Range(0, 200).Select(i => Text($"paragraph {i} with some words in it"))]);

        var error = Assert.Throws<DocumentParseException>(() =>
            MakerOf(document).Make([1], DocumentType.Txt, ParseLimits.Default with { MaxResultBytes = 10_000 }, Layout));

        Assert.Equal(ParseErrorCodes.ResultTooLarge, error.Code);
    }

    [Fact]
    public void Cv_DegradesToAnEmptierProfileWithAWarning_WhenTheExtractorThrows()
    {
        var maker = new ProductMaker(new FixedExtractor(LayoutTestFiles.Document(Text("Jane Doe\njane@example.com"))), new CvPipeline(new ThrowingCvExtractor()));

        var product = maker.Make([1], DocumentType.Txt, ParseLimits.Default, new CvProfileProduct());

        Assert.Contains(CvExtractor.PartialWarning, product.Warnings, StringComparer.Ordinal);
        using var meta = JsonDocument.Parse(product.MetaJson!);
        Assert.Contains(meta.RootElement.GetProperty("warnings").EnumerateArray(), w => w.GetProperty("code").GetString() == CvExtractor.PartialWarning);
        Assert.Equal(JsonValueKind.Object, JsonDocument.Parse(product.Json).RootElement.ValueKind);
        Assert.Empty(product.Images);
    }

    [Fact]
    public void Cv_FailsWithNoTextLayer_WhenTheDocumentIsAScan()
    {
        var scan = LayoutTestFiles.Document(Picture("img_1"));

        var error = Assert.Throws<DocumentParseException>(() => MakerOf(scan).Make([1], DocumentType.Pdf, ParseLimits.Default, new CvProfileProduct()));

        Assert.Equal(ParseErrorCodes.NoTextLayer, error.Code);
    }

    [Fact]
    public void Make_IsAnalysisFailed_WhenRenderingThrows()
    {
        var broken = LayoutTestFiles.Document(Text("x")) with { Pages = [new LayoutPage(1, 595, 842), new LayoutPage(1, 595, 842)] };

        var error = Assert.Throws<DocumentParseException>(() => MakerOf(broken).Make([1], DocumentType.Txt, ParseLimits.Default, Layout));

        Assert.Equal(ParseErrorCodes.AnalysisFailed, error.Code);
    }

    [Fact]
    public async Task InProcessParser_MakesTheSameBytes_AsTheMaker()
    {
        var content = Encoding.UTF8.GetBytes("Jane Doe\njane@example.com\n\nExperience\n2020 - 2023 Engineer at ACME");
        var maker = new ProductMaker();

        var direct = maker.Make(content, DocumentType.Txt, ParseLimits.Default, Layout);
        var parsed = await new InProcessDocumentParser(maker).ParseAsync(content, DocumentType.Txt, ParseLimits.Default, Layout, null, CancellationToken.None);

        Assert.Equal(direct.Json, parsed.Json);
    }

    private sealed class FixedExtractor(LayoutDocument document) : ILayoutExtractor
    {
        public LayoutDocument Extract(byte[] content, DocumentType type, ParseLimits limits, IProgress<PageProgress>? progress = null) => document;
    }

    private sealed class ThrowingCvExtractor : ICvExtractor
    {
        public CvProfile Extract(ExtractedDocument document, ICollection<DocumentWarning> warnings) => throw new ArgumentOutOfRangeException(nameof(document));
    }
}
