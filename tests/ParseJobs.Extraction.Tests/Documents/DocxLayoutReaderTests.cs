using ParseJobs.Extraction.Documents;
using ParseJobs.Extraction.Documents.Docx;
using ParseJobs.Extraction.Documents.Rendering;
using ParseJobs.Extraction.Parsing;

namespace ParseJobs.Extraction.Tests.Documents;

public sealed class DocxLayoutReaderTests
{
    private readonly DocxLayoutReader reader = new();

    [Fact]
    public void Read_TypesSegmentsInDocumentOrder_WhenDocumentHasStylesListsTablesShapesAndPicture()
    {
        var document = reader.Read(LayoutTestFiles.CvDocx(), ParseLimits.Default);

        Assert.Equal(
            [
                (SegmentType.PageHeader, "Confidential CV"),
                (SegmentType.Title, "Anna Muster"),
                (SegmentType.SectionHeader, "Experience"),
                (SegmentType.ListItem, "Led a team of four"),
                (SegmentType.ListItem, "Shipped the billing system"),
                (SegmentType.Table, "Years\tRole\nEngineer\tACME\n2016\tJunior\tBeta & Co"),
                (SegmentType.Text, "Boxed contact: anna@example.com"),
                (SegmentType.Text, "Sidebar: open to relocation"),
                (SegmentType.SectionHeader, "Languages"),
                (SegmentType.Text, "German, English"),
                (SegmentType.SectionHeader, "Skills"),
                (SegmentType.Picture, ""),
                (SegmentType.PageFooter, "Anna Muster – page 1"),
            ],
            document.Segments.Select(s => (s.Type, s.Text)));
        Assert.Equal([.. Enumerable.Range(1, document.Segments.Count).Select(i => $"seg_{i}")], document.Segments.Select(s => s.Id).ToArray());
    }

    [Fact]
    public void Read_GivesARowOneLinePerParagraph_WhenTableCellHasSeveralParagraphs()
    {
        var document = reader.Read(LayoutTestFiles.LayoutTableDocx(), ParseLimits.Default);

        var table = Assert.Single(document.Segments);
        Assert.Equal("04/2020 – 12/2023\tProduct Manager\n\tLumen Payments Inc\n\tOwned onboarding.\n2016\tIntern", table.Text);
        // The cell itself keeps its paragraphs together.
        Assert.Equal("Product Manager\nLumen Payments Inc\nOwned onboarding.", table.Table!.Cells.Single(c => c is { Row: 0, Column: 1 }).Text);
    }

    [Fact]
    public void Read_MapsTitleStyleAndHeadingsToLevels_WhenStylesPartDeclaresThem()
    {
        var document = reader.Read(LayoutTestFiles.CvDocx(), ParseLimits.Default);

        var headings = document.Segments.Where(s => s.Level is not null).Select(s => (s.Text, s.Type, s.Level)).ToList();

        // Title style → Title 1; Heading 1 → 2; Heading 2 (and outline level 1) → 3.
        Assert.Equal(
            [("Anna Muster", SegmentType.Title, (int?)1), ("Experience", SegmentType.SectionHeader, 2),
                ("Languages", SegmentType.SectionHeader, 3), ("Skills", SegmentType.SectionHeader, 3)],
            headings);
    }

    [Fact]
    public void Read_MakesHeading1TheTitle_WhenItIsTheOnlyHeading1AndComesFirst()
    {
        var docx = LayoutTestFiles.HeadingsOnlyDocx(("Heading1", "Anna Muster"), ("Heading2", "Experience"), ("", "ACME"));

        var document = reader.Read(docx, ParseLimits.Default);

        Assert.Equal([SegmentType.Title, SegmentType.SectionHeader, SegmentType.Text], document.Segments.Select(s => s.Type));
        Assert.Equal([1, 3, null], document.Segments.Select(s => s.Level));
    }

    [Fact]
    public void Read_KeepsHeading1AsSection_WhenSeveralHeading1Exist()
    {
        var docx = LayoutTestFiles.HeadingsOnlyDocx(("Heading1", "Experience"), ("", "ACME"), ("Heading1", "Education"));

        var document = reader.Read(docx, ParseLimits.Default);

        Assert.Equal([SegmentType.SectionHeader, SegmentType.Text, SegmentType.SectionHeader], document.Segments.Select(s => s.Type));
        Assert.Equal([2, null, 2], document.Segments.Select(s => s.Level));
    }

    [Fact]
    public void Read_ReadsCellsWithRowAndColumnSpans_WhenTableHasMergedCells()
    {
        var document = reader.Read(LayoutTestFiles.CvDocx(), ParseLimits.Default);

        var table = Assert.Single(document.Segments, s => s.Type == SegmentType.Table).Table;

        Assert.NotNull(table);
        Assert.Equal(3, table.RowCount);
        Assert.Equal(3, table.ColumnCount);
        Assert.Equal(
            [
                new TableCell(0, 0, "Years", RowSpan: 2),
                new TableCell(0, 1, "Role", ColumnSpan: 2),
                new TableCell(1, 1, "Engineer"),
                new TableCell(1, 2, "ACME"),
                new TableCell(2, 0, "2016"),
                new TableCell(2, 1, "Junior"),
                new TableCell(2, 2, "Beta & Co"),
            ],
            table.Cells);
    }

    [Fact]
    public void Read_KeepsImageBytes_WhenPictureIsEmbedded()
    {
        var document = reader.Read(LayoutTestFiles.CvDocx(), ParseLimits.Default);

        var picture = Assert.Single(document.Segments, s => s.Type == SegmentType.Picture);
        var image = Assert.Single(document.Images);

        Assert.Equal("img_1", picture.ImageId);
        Assert.Equal("img_1", image.Id);
        Assert.Equal("image/png", image.MediaType);
        Assert.Equal(LayoutTestFiles.Png, image.Content);

        // 1270000 × 635000 EMU = 100 × 50 pt.
        Assert.Equal(100, picture.Box.Width, 1);
        Assert.Equal(50, picture.Box.Height, 1);
    }

    [Fact]
    public void Read_ReadsDrawingMlTextBoxOnce_WhenShapeHasAVmlFallback()
    {
        var document = reader.Read(LayoutTestFiles.CvDocx(), ParseLimits.Default);

        Assert.Single(document.Segments, s => s.Text.Contains("open to relocation", StringComparison.Ordinal));
    }

    [Fact]
    public void Read_StacksApproximateBoxesOnPageOne_WhenDocumentHasNoFixedLayout()
    {
        var document = reader.Read(LayoutTestFiles.CvDocx(), ParseLimits.Default);

        Assert.True(document.ApproximateBoxes);
        var page = Assert.Single(document.Pages);
        Assert.Equal(595, page.Width);
        Assert.All(document.Segments, s => Assert.Equal(1, s.PageNumber));
        Assert.All(document.Segments, s => Assert.True(s.Box.Bottom <= page.Height && s.Box.Right <= page.Width && s.Box.Height > 0));
        var tops = document.Segments.Select(s => s.Box.Top).ToList();
        Assert.Equal(tops.Order(), tops);
        Assert.True(document.Segments.Zip(document.Segments.Skip(1)).All(p => p.First.Box.Bottom <= p.Second.Box.Top));
    }

    [Fact]
    public void Read_LeavesHeaderAndFooterOutOfBodyMarkdown_WhenDocumentHasBoth()
    {
        var document = reader.Read(LayoutTestFiles.CvDocx(), ParseLimits.Default);

        var markdown = SegmentRenderer.DocumentMarkdown(document);

        Assert.DoesNotContain("Confidential CV", markdown, StringComparison.Ordinal);
        Assert.DoesNotContain("page 1", markdown, StringComparison.Ordinal);
        Assert.StartsWith("# Anna Muster\n\n## Experience\n\n- Led a team of four\n- Shipped the billing system\n\n| Years | Role |  |", markdown, StringComparison.Ordinal);
        Assert.Contains("![picture](img_1)", markdown, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_TypesNumberedParagraphAsListItem_WhenDocumentHasNoStylesPart()
    {
        var document = reader.Read(TestFiles.Docx(), ParseLimits.Default);

        Assert.Equal(
            [SegmentType.PageHeader, SegmentType.Text, SegmentType.Text, SegmentType.ListItem, SegmentType.Table, SegmentType.Text, SegmentType.Text],
            document.Segments.Select(s => s.Type));
        Assert.Equal("Led a team of four", document.Segments[3].Text);
    }

    [Fact]
    public void Read_TypesHeadingsListsAndTable_WhenDocxWasConvertedByPandoc()
    {
        var docx = LayoutTestFiles.Pandoc("""
            # Anna Muster

            ## Experience

            - Led a team of four
            - Shipped the billing system

            | Years | Role |
            |-------|------|
            | 2019  | Engineer |

            Plain closing paragraph.
            """);

        var document = reader.Read(docx, ParseLimits.Default);

        Assert.Equal(
            [
                (SegmentType.Title, "Anna Muster"),
                (SegmentType.SectionHeader, "Experience"),
                (SegmentType.ListItem, "Led a team of four"),
                (SegmentType.ListItem, "Shipped the billing system"),
                (SegmentType.Table, "Years\tRole\n2019\tEngineer"),
                (SegmentType.Text, "Plain closing paragraph."),
            ],
            document.Segments.Select(s => (s.Type, s.Text)));
    }

    [Fact]
    public void Read_ReadsPartsDirectly_WhenPackagingRejectsAContentType()
    {
        var strict = reader.Read(LayoutTestFiles.CvDocx(), ParseLimits.Default);

        var bytes = LayoutTestFiles.CvDocxWithLenientContentTypes();
        Assert.Throws<DocumentFormat.OpenXml.Packaging.OpenXmlPackageException>(() =>
            DocumentFormat.OpenXml.Packaging.WordprocessingDocument.Open(new MemoryStream(bytes), false).Dispose());

        var lenient = reader.Read(bytes, ParseLimits.Default);

        Assert.Equal(strict.Segments.Select(s => (s.Type, s.Text, s.Level)), lenient.Segments.Select(s => (s.Type, s.Text, s.Level)));
        Assert.Equal(LayoutTestFiles.Png, Assert.Single(lenient.Images).Content);
        Assert.Equal(strict.Segments.Single(s => s.Type == SegmentType.Table).Table!.Cells, lenient.Segments.Single(s => s.Type == SegmentType.Table).Table!.Cells);
    }

    [Fact]
    public void Read_WarnsNoTextLayer_WhenBodyHoldsOnlyAPicture()
    {
        var document = reader.Read(LayoutTestFiles.PictureOnlyDocx(), ParseLimits.Default);

        Assert.Equal(SegmentType.Picture, Assert.Single(document.Segments).Type);
        Assert.Equal(ParseErrorCodes.NoTextLayer, Assert.Single(document.Warnings).Code);
    }

    [Fact]
    public void Read_ThrowsEmpty_WhenBodyHasNoTextAndNoPictures()
    {
        var ex = Assert.Throws<DocumentParseException>(() => reader.Read(LayoutTestFiles.HeadingsOnlyDocx(("", " ")), ParseLimits.Default));

        Assert.Equal(ParseErrorCodes.EmptyDocument, ex.Code);
    }

    [Fact]
    public void Read_ThrowsEncrypted_WhenFileIsAnOleCompoundFile()
    {
        byte[] ole = [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1, 0, 0, 0, 0];

        var ex = Assert.Throws<DocumentParseException>(() => reader.Read(ole, ParseLimits.Default));

        Assert.Equal(ParseErrorCodes.DocumentEncrypted, ex.Code);
    }

    [Fact]
    public void Read_ThrowsTooComplex_WhenEntryIsACompressionBomb()
    {
        var bomb = TestFiles.Zip(("word/document.xml", new byte[20 * 1024 * 1024]));

        var ex = Assert.Throws<DocumentParseException>(() => reader.Read(bomb, ParseLimits.Default));

        Assert.Equal(ParseErrorCodes.DocumentTooComplex, ex.Code);
    }

    [Fact]
    public void Read_ThrowsCorrupt_WhenBytesAreNotAZipPackage()
    {
        var ex = Assert.Throws<DocumentParseException>(() => reader.Read(TestFiles.Utf8("not a zip at all"), ParseLimits.Default));

        Assert.Equal(ParseErrorCodes.DocumentCorrupt, ex.Code);
    }

    [Fact]
    public void Read_ThrowsCorrupt_WhenPackageHasNoMainDocument()
    {
        var zip = TestFiles.Zip(("word/other.xml", TestFiles.Utf8("<x/>")));

        var ex = Assert.Throws<DocumentParseException>(() => reader.Read(zip, ParseLimits.Default));

        Assert.Equal(ParseErrorCodes.DocumentCorrupt, ex.Code);
    }

    [Fact]
    public void Read_ReportsOnePage_WhenProgressIsGiven()
    {
        var reports = new List<PageProgress>();

        reader.Read(LayoutTestFiles.CvDocx(), ParseLimits.Default, new SyncProgress(reports.Add));

        Assert.Equal([new PageProgress(1, 1)], reports);
    }

    private sealed class SyncProgress(Action<PageProgress> report) : IProgress<PageProgress>
    {
        public void Report(PageProgress value) => report(value);
    }
}
