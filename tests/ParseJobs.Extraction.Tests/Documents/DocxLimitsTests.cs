using ParseJobs.Extraction.Documents;
using ParseJobs.Extraction.Documents.Docx;
using ParseJobs.Extraction.Documents.Rendering;
using ParseJobs.Extraction.Parsing;
using static ParseJobs.Extraction.Tests.Documents.RawDocx;

namespace ParseJobs.Extraction.Tests.Documents;

/// <summary>Hostile DOCX files (security review H1, M3, L4, L6): table geometry, images and DTDs stay within the limits.</summary>
public sealed class DocxLimitsTests
{
    private readonly DocxLayoutReader reader = new();

    [Theory]
    [InlineData("2000000000")]
    [InlineData("20000000")]
    public void Read_CapsTheColumns_WhenARowDeclaresAHugeGridBefore(string gridBefore)
    {
        // The review's 1 KB DOCX that took a worker to 4.9 GB, plus a normal row after it.
        var docx = Build(Table(Row(Cell("x"), $"<w:gridBefore w:val=\"{gridBefore}\"/>"), Row(Cell("kept") + Cell("too"))));

        var document = reader.Read(docx, ParseLimits.Default);

        var table = Assert.Single(document.Segments).Table!;
        Assert.InRange(table.ColumnCount, 2, ParseLimits.Default.MaxTableColumns);
        Assert.Equal(["kept", "too"], table.Cells.Select(c => c.Text), StringComparer.Ordinal);
        Assert.Equal(ParseErrorCodes.TableTruncated, Assert.Single(document.Warnings).Code);
        Assert.InRange(SegmentRenderer.DocumentMarkdown(document).Length, 1, 10_000);
    }

    [Fact]
    public void Read_ClampsTheSpan_WhenACellDeclaresAHugeGridSpan()
    {
        var docx = Build(Table(Row(Cell("a") + Cell("wide", "<w:gridSpan w:val=\"2147483647\"/>") + Cell("dropped"))));

        var document = reader.Read(docx, ParseLimits.Default);

        var table = Assert.Single(document.Segments).Table!;
        Assert.Equal(ParseLimits.Default.MaxTableColumns, table.ColumnCount);
        Assert.Equal([("a", 0, 1), ("wide", 1, ParseLimits.Default.MaxTableColumns - 1)], table.Cells.Select(c => (c.Text, c.Column, c.ColumnSpan)));
        Assert.Equal(ParseErrorCodes.TableTruncated, Assert.Single(document.Warnings).Code);
    }

    [Fact]
    public void Read_IgnoresASpan_ThatIsNotANumber()
    {
        var docx = Build(Table(Row(Cell("a", "<w:gridSpan w:val=\"lots\"/>") + Cell("b"))));

        var table = Assert.Single(reader.Read(docx, ParseLimits.Default).Segments).Table!;

        Assert.Equal([(0, 1), (1, 1)], table.Cells.Select(c => (c.Column, c.ColumnSpan)));
    }

    [Fact]
    public void Read_IgnoresAttributeValuesThatAreNotValid_AsWordDoes()
    {
        // OpenXml throws on reading such values; they are the document's fault, never ANALYSIS_FAILED.
        var body = "<w:p><w:pPr><w:outlineLvl w:val=\"abc\"/><w:numPr><w:numId w:val=\"x\"/></w:numPr></w:pPr><w:r><w:t>para</w:t></w:r></w:p>"
            + Table(Row(Cell("a", "<w:vMerge w:val=\"bogus\"/>"), "<w:gridBefore w:val=\"y\"/>"));

        var document = reader.Read(Build(body), ParseLimits.Default);

        Assert.Equal([(SegmentType.Text, "para"), (SegmentType.Table, "a")], document.Segments.Select(s => (s.Type, s.Text)));
    }

    [Fact]
    public void Read_KeepsTheFirstRowsAndCells_WhenATableExceedsTheRowAndCellLimits()
    {
        var rows = Enumerable.Range(1, 8).Select(r => Row(Cell($"r{r}a") + Cell($"r{r}b"))).ToArray();
        var limits = ParseLimits.Default with { MaxTableRows = 5, MaxTableCells = 7 };

        var document = reader.Read(Build(Table(rows)), limits);

        var table = Assert.Single(document.Segments).Table!;
        Assert.Equal(5, table.RowCount);
        Assert.Equal(7, table.Cells.Count);
        Assert.Equal("r4a", table.Cells[^1].Text);
        Assert.Equal(ParseErrorCodes.TableTruncated, Assert.Single(document.Warnings).Code);
    }

    [Fact]
    public void Read_CountsAnImageOnce_WhenItIsReferencedTenThousandTimes()
    {
        // 300 relationships to one part, each shown by 34 pictures: 10,200 references, one image.
        var ids = Enumerable.Range(10, 300).Select(i => $"rId{i}").ToList();
        var body = string.Concat(Enumerable.Range(0, 10_200).Select(i => Picture(ids[i % ids.Count])));
        var docx = Build(body + Paragraph("text"), images: [(ids, "media/image1.png", RandomBytes(64 * 1024, 1))]);

        var document = reader.Read(docx, ParseLimits.Default);

        var image = Assert.Single(document.Images);
        Assert.Equal(64 * 1024, image.Content.Length);
        Assert.Equal("image/png", image.MediaType);
        var pictures = document.Segments.Where(s => s.Type == SegmentType.Picture).ToList();
        Assert.Equal(10_200, pictures.Count);
        Assert.All(pictures, p => Assert.Equal(image.Id, p.ImageId));
        Assert.Empty(document.Warnings);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Read_KeepsImagesWithinCountAndBytes_AndWarns(bool fallback)
    {
        string[] ids = ["rId10", "rId11", "rId12"];
        var images = ids.Select((id, i) => ((IReadOnlyList<string>)[id], $"media/image{i}.png", RandomBytes(100 * 1024, i))).ToList();
        var docx = Build(string.Concat(ids.Select(Picture)) + Paragraph("text"), fallback: fallback, images: images);

        var byBytes = reader.Read(docx, ParseLimits.Default with { MaxImageBytes = 250 * 1024 });
        var byCount = reader.Read(docx, ParseLimits.Default with { MaxImages = 1 });

        Assert.Equal(2, byBytes.Images.Count);
        Assert.Equal([true, true, false], byBytes.Segments.Where(s => s.Type == SegmentType.Picture).Select(s => s.ImageId is not null));
        Assert.Equal(ParseErrorCodes.ImagesTruncated, Assert.Single(byBytes.Warnings).Code);
        Assert.Single(byCount.Images);
        Assert.Equal(ParseErrorCodes.ImagesTruncated, Assert.Single(byCount.Warnings).Code);
    }

    [Fact]
    public void Read_ReadsTheDirectFallback_WhenThePackageHasNoDtd()
    {
        // The positive control of the DTD tests below: the same package without a DOCTYPE reads fine.
        var document = reader.Read(Build(Paragraph("XY"), fallback: true), ParseLimits.Default);

        Assert.Equal("XY", Assert.Single(document.Segments).Text);
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void Read_FailsCorrupt_WhenTheDocumentPartDeclaresAnEntity(bool fallback)
    {
        const string dtd = "<!DOCTYPE w:document [<!ENTITY lol \"lollollollollollol\">]>";
        var docx = Build(Paragraph("XY&lol;"), prologue: dtd, fallback: fallback);

        var ex = Assert.Throws<DocumentParseException>(() => reader.Read(docx, ParseLimits.Default));

        Assert.Equal(ParseErrorCodes.DocumentCorrupt, ex.Code);
    }

    [Fact]
    public void Read_FailsCorrupt_WhenTheRelationshipsPartDeclaresAnEntity()
    {
        var docx = Build(Paragraph("XY"), fallback: true, relsPrologue: "<!DOCTYPE Relationships [<!ENTITY e \"x\">]>");

        var ex = Assert.Throws<DocumentParseException>(() => reader.Read(docx, ParseLimits.Default));

        Assert.Equal(ParseErrorCodes.DocumentCorrupt, ex.Code);
    }

    [Fact]
    public void Read_FailsCorruptWithinBoundedMemory_WhenAPartIsABillionLaughs()
    {
        var entities = string.Concat(Enumerable.Range(1, 9).Select(i => $"<!ENTITY l{i} \"{string.Concat(Enumerable.Repeat($"&l{i - 1};", 10))}\">"));
        var dtd = $"<!DOCTYPE w:document [<!ENTITY l0 \"lollollollollollollollollollol\">{entities}]>";
        var docx = Build(Paragraph("&l9;"), prologue: dtd, fallback: true);
        var before = GC.GetAllocatedBytesForCurrentThread();

        var ex = Assert.Throws<DocumentParseException>(() => reader.Read(docx, ParseLimits.Default));

        Assert.Equal(ParseErrorCodes.DocumentCorrupt, ex.Code);
        Assert.InRange(GC.GetAllocatedBytesForCurrentThread() - before, 0, 8L * 1024 * 1024);
    }

    [Fact]
    public void Read_FailsCorrupt_WhenAnEntryNameClimbsOutOfThePackage()
    {
        var docx = TestFiles.Zip(("word/document.xml", TestFiles.Utf8("<x/>")), ("../../etc/cron.d/evil", TestFiles.Utf8("x")));

        var ex = Assert.Throws<DocumentParseException>(() => reader.Read(docx, ParseLimits.Default));

        Assert.Equal(ParseErrorCodes.DocumentCorrupt, ex.Code);
        Assert.DoesNotContain("cron", ex.Message, StringComparison.Ordinal);
    }
}
