using ParseJobs.Extraction.Documents.Pdf;
using ParseJobs.Extraction.Parsing;
using ParseJobs.Extraction.Tests.Corpus;
using UglyToad.PdfPig;
using UglyToad.PdfPig.Content;
using UglyToad.PdfPig.DocumentLayoutAnalysis.WordExtractor;
using Xunit;

namespace ParseJobs.Extraction.Tests.Documents.Pdf;

/// <summary>The grid word grouping must give PdfPig's words exactly (same letters, same order, same words) while
/// answering most letters itself.</summary>
public sealed class NearestLetterWordsTests
{
    // The options the reading order uses (ReadingOrder.WordExtractor).
    private static NearestNeighbourWordExtractor.NearestNeighbourWordExtractorOptions Options() => new()
    {
        MaxDegreeOfParallelism = 1,
        Filter = (left, right) => !string.IsNullOrWhiteSpace(right.Value) && !ReadingOrder.IsStyleBoundary(left, right),
    };

    [Fact]
    public void Every_page_of_the_corpus_groups_as_PdfPig_groups_it()
    {
        var grid = new NearestLetterWords(Options());
        var pdfPig = new NearestNeighbourWordExtractor(Options());
        int pages = 0, letters = 0;
        foreach (var file in Directory.EnumerateFiles(CorpusDocument.DocsDir).Order(StringComparer.Ordinal))
        {
            var bytes = File.ReadAllBytes(file);
            if (DocumentTypeDetector.Detect(bytes) != DocumentType.Pdf)
                continue;
            using var document = PdfDocument.Open(bytes, new ParsingOptions { UseLenientParsing = true, SkipMissingFonts = true });
            foreach (var page in document.GetPages())
            {
                // Both as read (overdrawn glyphs included: exact ties) and as the reading order reads them.
                foreach (var input in new[] { page.Letters, PdfGlyphs.Readable(page.Letters) })
                {
                    AssertSameWords(pdfPig.GetWords(input), grid.GetWords(input), $"{Path.GetFileName(file)} page {page.Number}");
                    letters += input.Count;
                }

                pages++;
            }
        }

        Assert.True(pages > 50, $"only {pages} PDF pages in the corpus");
        var (asked, askedPages) = grid.AskedPdfPig;
        Assert.True(askedPages == 0, $"{askedPages} pages handed to PdfPig whole");
        Assert.True(asked * 100 < letters, $"PdfPig's tree was asked for {asked} of {letters} letters");
    }

    [Fact]
    public void Text_drawn_twice_on_itself_ties_and_groups_as_PdfPig_groups_it()
    {
        var bytes = new TinyPdf()
            .Text(72, 700, "Senior Engineer at Example GmbH").Text(72, 700, "Senior Engineer at Example GmbH")
            .Placed(72, 650, [("J", 0), ("a", 0), ("n", 0), ("e", 300), ("D", 0), ("o", 0), ("e", 0)])
            .Text(72.0001, 600, "2019 - 2021").Text(72, 600, "2019 - 2021")
            .ToBytes();
        using var document = PdfDocument.Open(bytes);
        var letters = document.GetPage(1).Letters;
        var grid = new NearestLetterWords(Options());

        AssertSameWords(new NearestNeighbourWordExtractor(Options()).GetWords(letters), grid.GetWords(letters), "tiny");
        Assert.True(grid.AskedPdfPig.Letters > 0, "the ties were not handed to PdfPig's tree");
    }

    private static void AssertSameWords(IEnumerable<Word> expected, IEnumerable<Word> actual, string where)
    {
        var want = expected.ToList();
        var got = actual.ToList();
        Assert.True(want.Count == got.Count, $"{where}: {got.Count} words, PdfPig {want.Count}");
        for (var i = 0; i < want.Count; i++)
        {
            Assert.True(want[i].Letters.Count == got[i].Letters.Count && want[i].Letters.Zip(got[i].Letters).All(p => ReferenceEquals(p.First, p.Second)),
                $"{where}: word {i} '{got[i].Text}', PdfPig '{want[i].Text}'");
        }
    }
}
