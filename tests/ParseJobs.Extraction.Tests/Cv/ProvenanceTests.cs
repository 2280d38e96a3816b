using ParseJobs.Extraction.Cv;
using ParseJobs.Extraction.Documents;
using ParseJobs.Extraction.Parsing;
using ParseJobs.Extraction.Tests.Documents.Pdf;
using UglyToad.PdfPig;

namespace ParseJobs.Extraction.Tests.Cv;

/// <summary><c>meta.provenance</c> (issue 9 point 5): each filled personal field and each entry gets the page and box of
/// the text it came from. The PDFs are real files built at test time; the expected boxes are the words' own boxes,
/// read back from the same file by PdfPig.</summary>
public sealed class ProvenanceTests
{
    private static readonly DocumentLayoutExtractor Layouts = new();

    private static (CvParseResult Result, byte[] Pdf) Parse(TinyPdf pdf)
    {
        var bytes = pdf.ToBytes();
        return (new CvPipeline().Run(Layouts.Extract(bytes, DocumentType.Pdf, ParseLimits.Default)), bytes);
    }

    private static TinyPdf TwoJobs() => new TinyPdf()
        .Text(72, 780, "Anna Keller", 20)
        .Text(72, 755, "anna.keller@example.com | +41 79 555 12 34")
        .Text(72, 740, "Bahnhofstrasse 10, 8001 Zürich")
        .Text(72, 690, "Experience", 16)
        .Text(72, 665, "Senior Data Engineer, Helvetic Analytics AG")
        .Text(72, 650, "01/2020 - Present")
        .Text(72, 635, "Built streaming pipelines with Kafka and Spark for the risk team.")
        .Text(72, 605, "Data Engineer, Zurich Insurance Group")
        .Text(72, 590, "03/2016 - 12/2019")
        .Text(72, 575, "Moved the nightly batch jobs to a cloud warehouse and cut costs.")
        .Text(72, 530, "Education", 16)
        .Text(72, 505, "ETH Zürich, MSc Computer Science")
        .Text(72, 490, "2014 - 2016");

    // The words' boxes in the layout's coordinates (points, origin top-left).
    private static List<BoundingBox> WordBoxes(byte[] pdf, params string[] words)
    {
        using var document = PdfDocument.Open(pdf);
        var page = document.GetPage(1);
        return page.GetWords().Where(w => words.Contains(w.Text, StringComparer.Ordinal))
            .Select(w => new BoundingBox(w.BoundingBox.Left, page.Height - w.BoundingBox.Top, w.BoundingBox.Width, w.BoundingBox.Height)).ToList();
    }

    private static bool Covers(ProvenanceBox box, BoundingBox word)
    {
        var (x, y) = (word.Left + (word.Width / 2), word.Top + (word.Height / 2));
        return x >= box.Left && x <= box.Left + box.Width && y >= box.Top && y <= box.Top + box.Height;
    }

    [Fact]
    public void Locate_BoxesTheNamesWords_AndNothingBelowThem()
    {
        var (result, pdf) = Parse(TwoJobs());

        Assert.Equal("Anna Keller", result.Profile.PersonalInfo.FullName);
        var name = Assert.Single(result.Meta.Provenance, p => p.Field == "personal_info.full_name");
        Assert.Equal(1, name.PageNumber);
        var words = WordBoxes(pdf, "Anna", "Keller");
        Assert.Equal(2, words.Count);
        Assert.All(words, w => Assert.True(Covers(name.Bbox, w), $"{name.Bbox} does not cover the word at {w}."));
        var email = WordBoxes(pdf, "anna.keller@example.com").Single();
        Assert.False(Covers(name.Bbox, email), "The name's box must not reach the contact line.");
    }

    [Fact]
    public void Locate_FindsTheContactFields_WhenThePhoneIsPrintedInAnotherFormat()
    {
        var (result, pdf) = Parse(TwoJobs());

        var fields = result.Meta.Provenance.Select(p => p.Field).ToList();
        Assert.Contains("personal_info.email", fields, StringComparer.Ordinal);
        Assert.Contains("personal_info.city", fields, StringComparer.Ordinal);
        var phone = Assert.Single(result.Meta.Provenance, p => p.Field == "personal_info.mobile_phone");
        Assert.Equal("+41795551234", result.Profile.PersonalInfo.MobilePhone);
        Assert.True(Covers(phone.Bbox, WordBoxes(pdf, "555").Single()));
    }

    [Fact]
    public void Locate_BoxesEachEntryFromItsHeaderToTheEndOfItsDescription()
    {
        var (result, pdf) = Parse(TwoJobs());

        Assert.Equal(2, result.Profile.Experience.Count);
        var first = Assert.Single(result.Meta.Provenance, p => p.Field == "experience.exp_1");
        var second = Assert.Single(result.Meta.Provenance, p => p.Field == "experience.exp_2");
        Assert.True(Covers(first.Bbox, WordBoxes(pdf, "Helvetic").Single()));
        Assert.True(Covers(first.Bbox, WordBoxes(pdf, "risk").Single()), "The entry's box reaches its description's last line.");
        Assert.False(Covers(first.Bbox, WordBoxes(pdf, "Insurance").Single()), "The first entry's box stops before the second entry.");
        Assert.True(Covers(second.Bbox, WordBoxes(pdf, "Insurance").Single()));
        var education = Assert.Single(result.Meta.Provenance, p => p.Field == "education.edu_1");
        Assert.True(Covers(education.Bbox, WordBoxes(pdf, "ETH").Single()));
    }

    [Fact]
    public void Locate_KeepsEveryBoxOnItsPage()
    {
        var bytes = TwoJobs().ToBytes();
        var layout = Layouts.Extract(bytes, DocumentType.Pdf, ParseLimits.Default);

        var result = new CvPipeline().Run(layout);

        Assert.True(result.Meta.Provenance.Count >= 7);
        var page = layout.Pages[0];
        Assert.All(result.Meta.Provenance, p =>
        {
            Assert.Equal(1, p.PageNumber);
            Assert.InRange(p.Bbox.Left, 0, page.Width);
            Assert.InRange(p.Bbox.Top, 0, page.Height);
            Assert.InRange(p.Bbox.Left + p.Bbox.Width, 0, page.Width);
            Assert.InRange(p.Bbox.Top + p.Bbox.Height, 0, page.Height);
            Assert.True(p.Bbox.Width > 0 && p.Bbox.Height > 0);
        });
    }

    [Fact]
    public void Locate_JoinsTwoLines_WhenTheNameIsPrintedOnTwo()
    {
        var (result, pdf) = Parse(new TinyPdf()
            .Text(72, 780, "Florence", 24)
            .Text(72, 752, "Gasser", 24)
            .Text(72, 725, "florence.gasser@example.ch")
            .Text(72, 680, "Experience", 16)
            .Text(72, 660, "Data Engineer, Helvetic Analytics AG")
            .Text(72, 645, "01/2020 - Present"));

        Assert.Equal("Florence Gasser", result.Profile.PersonalInfo.FullName);
        var name = Assert.Single(result.Meta.Provenance, p => p.Field == "personal_info.full_name");
        Assert.All(WordBoxes(pdf, "Florence", "Gasser"), w => Assert.True(Covers(name.Bbox, w), $"{name.Bbox} does not cover {w}."));
    }

    [Fact]
    public void Locate_IsEmpty_ForText()
    {
        var txt = new DocumentLayoutExtractor().Extract("Anna Keller\nanna.keller@example.com\n\nExperience\nData Engineer, Helvetic AG\n01/2020 - Present"u8.ToArray(), DocumentType.Txt, ParseLimits.Default);

        var result = new CvPipeline().Run(txt);

        Assert.Equal("Anna Keller", result.Profile.PersonalInfo.FullName);
        Assert.Empty(result.Meta.Provenance);
    }

    [Fact]
    public void Run_TakesTheLinkedInProfileFromALinkAnnotation_WhenThePageShowsOnlyALabel()
    {
        var (result, _) = Parse(new TinyPdf()
            .Text(72, 780, "Anna Keller", 20)
            .Text(72, 755, "anna.keller@example.com").Text(260, 755, "LinkedIn")
            .Link(258, 751, 310, 766, "https://www.linkedin.com/in/anna-keller-42/")
            .Text(72, 700, "Experience", 16)
            .Text(72, 680, "Data Engineer, Helvetic Analytics AG")
            .Text(72, 665, "01/2020 - Present"));

        Assert.Equal("https://www.linkedin.com/in/anna-keller-42", result.Profile.PersonalInfo.LinkedIn);
        Assert.Contains(result.Meta.Provenance, p => p.Field == "personal_info.linkedin");
    }
}
