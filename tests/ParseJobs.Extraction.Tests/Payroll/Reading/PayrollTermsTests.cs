using ParseJobs.Extraction.Payroll;

namespace ParseJobs.Extraction.Tests.Payroll.Reading;

public sealed class PayrollTermsTests
{
    [Theory]
    [InlineData("AHV/IV/EO-Beitrag", "AHV", TermCategory.Deduction)]
    [InlineData("Quellensteuer", "QST", TermCategory.Tax)]
    [InlineData("Impôt à la source", "QST", TermCategory.Tax)]
    [InlineData("Salaire brut", "GROSS", TermCategory.Gross)]
    [InlineData("Nettolohn", "NET", TermCategory.Net)]
    [InlineData("Fed Income Tax", "FIT", TermCategory.Tax)]
    [InlineData("401(k)", "401K", TermCategory.Deduction)]
    [InlineData("PAYE", "PAYE", TermCategory.Tax)]
    public void Maps_labels_in_every_language_to_what_they_are(string label, string code, TermCategory category)
    {
        var term = PayrollTerms.Default.Match(label);
        Assert.NotNull(term);
        Assert.Equal(code, term.Code);
        Assert.Equal(category, term.Category);
    }

    [Fact]
    public void An_unknown_label_is_no_term() => Assert.Null(PayrollTerms.Default.Match("Lorem ipsum"));
}
