using ParseJobs.Extraction.Documents;
using ParseJobs.Extraction.Documents.Pdf;
using ParseJobs.Extraction.Parsing;

namespace ParseJobs.Extraction.Tests.Documents.Pdf;

/// <summary>Text layers of real CVs that browsers do not write: icon fonts, private-use icons, odd dashes, glyphs
/// drawn twice, links behind labels. Each document is built by hand (<see cref="TinyPdf"/>).</summary>
public sealed class PdfTextLayerTests
{
    private readonly PdfLayoutAnalyzer analyzer = new();

    private string Text(TinyPdf pdf) =>
        analyzer.Analyze(pdf.ToBytes(), ParseLimits.Default).ToExtractedDocument().Text;

    [Fact]
    public void Analyze_DropsIconFontGlyphs_WhenIconLabelsAPhoneAndAnEmail()
    {
        // Font Awesome 5 draws its phone and envelope on ordinary letters; they must not read as text.
        var text = Text(new TinyPdf()
            .Text(72, 760, "Anna Muster", 20)
            .Text(72, 730, "z", font: "F2").Text(90, 730, "206-555-0149")
            .Text(200, 730, "@", font: "F2").Text(218, 730, "anna@example.com"));

        // The icons' gaps separate the items: each is a cell of its own, without a stray letter.
        var cells = text.Split('\n', '\t').Select(c => c.Trim()).ToList();
        Assert.Contains("206-555-0149", cells, StringComparer.Ordinal);
        Assert.Contains("anna@example.com", cells, StringComparer.Ordinal);
        Assert.DoesNotContain(cells, c => c is "z" or "@" || c.StartsWith("z ", StringComparison.Ordinal) || c.StartsWith("@ ", StringComparison.Ordinal));
    }

    [Fact]
    public void Analyze_DropsPrivateUseIcons_WhenARegularFontCarriesThem()
    {
        var text = Text(new TinyPdf()
            .Text(72, 760, "Anna Muster", 20)
            .Text(72, 730, "\u0001", font: "F3").Text(90, 730, "+41 79 555 01 49"));

        var line = Assert.Single(text.Split('\n'), l => l.Contains("555 01 49", StringComparison.Ordinal));
        Assert.Equal("+41 79 555 01 49", line);
    }

    [Fact]
    public void Analyze_WritesPlainDashes_WhenDatesUseSoftHyphenNonBreakingHyphenOrMinus()
    {
        var text = Text(new TinyPdf()
            .Text(72, 760, "Experience", 16)
            .Text(72, 730, "2019 ").Text(100, 730, "\u0002", font: "F3").Text(106, 730, " 2021 Engineer")
            .Text(72, 710, "2015 ").Text(100, 710, "\u0003", font: "F3").Text(106, 710, " 2018 Analyst")
            .Text(72, 690, "2012 ").Text(100, 690, "\u0004", font: "F3").Text(106, 690, " 2014 Intern"));

        Assert.Contains("2019 - 2021 Engineer", text, StringComparison.Ordinal);
        Assert.Contains("2015 - 2018 Analyst", text, StringComparison.Ordinal);
        Assert.Contains("2012 - 2014 Intern", text, StringComparison.Ordinal);
        Assert.DoesNotContain('\u00AD', text);
        Assert.DoesNotContain('\u2011', text);
        Assert.DoesNotContain('\u2212', text);
    }

    [Fact]
    public void Analyze_ReadsTextOnce_WhenTheSameWordsAreDrawnTwiceAHairApart()
    {
        // A fake-bold effect or a link overlay draws the same glyphs again, offset by a fraction of a point.
        var text = Text(new TinyPdf()
            .Text(72, 760, "Anna Muster", 20)
            .Text(72, 730, "Synopsys Inc.").Text(72.4, 730.2, "Synopsys Inc.").Text(72.8, 729.9, "Synopsys Inc."));

        var line = Assert.Single(text.Split('\n'), l => l.Contains("Synopsys", StringComparison.Ordinal));
        Assert.Equal("Synopsys Inc.", line);
    }

    [Fact]
    public void Analyze_KeepsDoubleLetters_WhenTheyStandOneAdvanceApart()
    {
        // The second l of "Allegro" set tight (as a narrow face does): closer than a fifth of an em, a whole advance on.
        var text = Text(new TinyPdf().Text(72, 760, "Anna Muster", 20).Text(72, 730, "Hello committee, all is well...")
            .Placed(72, 700, [("Al", 0), ("l", -70), ("egro", 0)]));

        Assert.Contains("Hello committee, all is well...", text, StringComparison.Ordinal);
        Assert.Contains("Allegro", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Analyze_ExposesTheUriBehindALabel_WhenALinkAnnotationCoversIt()
    {
        var layout = analyzer.Analyze(new TinyPdf()
            .Text(72, 760, "Anna Muster", 20)
            .Text(72, 730, "LinkedIn").Text(200, 730, "GitHub")
            .Text(72, 600, "Experience", 16)
            .Link(70, 726, 120, 741, "https://www.linkedin.com/in/anna-muster")
            .Link(198, 726, 240, 741, "https://github.com/amuster")
            .ToBytes(), ParseLimits.Default);

        var links = layout.Links();
        Assert.Equal(
            [new SegmentLink("LinkedIn", "https://www.linkedin.com/in/anna-muster"), new SegmentLink("GitHub", "https://github.com/amuster")],
            links.Select(l => l.Link));
        Assert.All(links, l => Assert.Equal(1, l.PageNumber));
        var segment = Assert.Single(layout.Segments, s => s.Links.Count > 0);
        Assert.Contains("LinkedIn", segment.Text, StringComparison.Ordinal);
        Assert.DoesNotContain(layout.Segments, s => s.Text.Contains("Experience", StringComparison.Ordinal) && s.Links.Count > 0);
    }

    [Fact]
    public void Analyze_SplitsWords_WhenOnlyATightGapSeparatesThem()
    {
        // No space characters: 0.18 em between words, as a tightly justified LaTeX line sets them.
        var text = Text(new TinyPdf().Text(72, 760, "Anna Muster", 20)
            .Placed(72, 730, [("Politecnico", 180), ("di", 180), ("Torino,", 180), ("Laurea", 180), ("in", 180), ("Ingegneria", 0)]));

        Assert.Contains("Politecnico di Torino, Laurea in Ingegneria", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Analyze_JoinsLetters_WhenANameIsLetterSpaced()
    {
        var letters = "JOHN".Select(c => (c.ToString(), 350.0)).SkipLast(1).Append(("N", 650.0))
            .Concat("SMITH".Select(c => (c.ToString(), 350.0)));
        var text = Text(new TinyPdf().Placed(72, 760, letters, 20).Text(72, 700, "Software engineer in Zurich."));

        Assert.Equal("JOHN SMITH", text.Split('\n')[0]);
    }

    [Fact]
    public void Analyze_KeepsSpaces_WhenAJustifiedLineStretchesThemEvenly()
    {
        // A justified line: every gap 0.65 em, wider than the 0.75-of-a-letter-height that makes a tab.
        var words = "Der letzte Absatz gehört dem Schluss und bekundet noch einmal Interesse".Split(' ');
        var justified = words.Select((w, i) => (w, i < words.Length - 1 ? 650.0 : 0));
        var text = Text(new TinyPdf().Text(72, 760, "Anna Muster", 20).Placed(72, 730, justified)
            .Placed(72, 700, [("Kafka", 1800), ("Docker", 1800), ("Kubernetes", 1800), ("Terraform", 0)]));

        Assert.Contains("Der letzte Absatz gehört dem Schluss und bekundet noch einmal Interesse", text, StringComparison.Ordinal);
        Assert.Contains("Kafka\tDocker\tKubernetes\tTerraform", text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("HZBOSV+FontAwesome7Free-Solid-Identity-H", true)]
    [InlineData("SZAQTD+FontAwesome5Free-Solid", true)]
    [InlineData("ODUELH+FontAwesome", true)]
    [InlineData("YEEOJD+SimpleIconsFiltered", true)]
    [InlineData("ZCDQWA+MarVoSym", true)]
    [InlineData("Font Awesome 6 Brands", true)]
    [InlineData("HXMFUP+Lato-Regular", false)]
    [InlineData("Symbol", false)]
    [InlineData("Wingdings-Regular", false)]
    public void IsIconFont_RecognisesIconFamilies_WhenSubsetOrSpelledApart(string font, bool expected)
    {
        Assert.Equal(expected, PdfGlyphs.IsIconFont(font));
    }

    [Theory]
    [InlineData("\uF095", true)]
    [InlineData("\uE001", true)]
    [InlineData("\uDB80\uDC00", true)]
    [InlineData("\uF0B7", false)]
    [InlineData("a", false)]
    [InlineData("•", false)]
    public void IsPrivateUse_KeepsSymbolFontBullets_WhenOtherPrivateUseIsDropped(string value, bool expected)
    {
        Assert.Equal(expected, PdfGlyphs.IsPrivateUse(value));
    }

    [Theory]
    [InlineData("2019\u00AD2021", "2019-2021")]
    [InlineData("Cybersecurity\u2011Berater", "Cybersecurity-Berater")]
    [InlineData("2019 \u2012 2021", "2019 – 2021")]
    [InlineData("\u2212 5", "- 5")]
    [InlineData("2019 – 2021", "2019 – 2021")]
    [InlineData("o\uFB03ce", "office")]
    public void Normalize_SpellsDashesPlainly_WhenTextLayerUsesLookAlikes(string raw, string expected)
    {
        Assert.Equal(expected, PdfGlyphs.Normalize(raw));
    }
}
