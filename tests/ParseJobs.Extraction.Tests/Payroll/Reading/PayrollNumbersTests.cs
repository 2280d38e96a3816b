using ParseJobs.Extraction.Payroll.Reading;

namespace ParseJobs.Extraction.Tests.Payroll.Reading;

public sealed class PayrollNumbersTests
{
    [Theory]
    [InlineData("1'234.50", NumberStyle.DecimalPoint, 1234.50)]
    [InlineData("1’234.50", NumberStyle.DecimalPoint, 1234.50)]
    [InlineData("1,234.50", NumberStyle.DecimalPoint, 1234.50)]
    [InlineData("1234.50", NumberStyle.DecimalPoint, 1234.50)]
    [InlineData("1.234,50", NumberStyle.DecimalComma, 1234.50)]
    [InlineData("1 234,50", NumberStyle.DecimalComma, 1234.50)]
    [InlineData("1\u202F234,50", NumberStyle.DecimalComma, 1234.50)]
    [InlineData("1234,50", NumberStyle.DecimalComma, 1234.50)]
    [InlineData("-384.25", NumberStyle.DecimalPoint, -384.25)]
    [InlineData("−384.25", NumberStyle.DecimalPoint, -384.25)]
    [InlineData("(78.35)", NumberStyle.DecimalPoint, -78.35)]
    [InlineData("78.35-", NumberStyle.DecimalPoint, -78.35)]
    [InlineData("-$184.55", NumberStyle.DecimalPoint, -184.55)]
    [InlineData("$4,823.14", NumberStyle.DecimalPoint, 4823.14)]
    [InlineData("CHF 1'234.50", NumberStyle.DecimalPoint, 1234.50)]
    [InlineData("1.234,50 €", NumberStyle.DecimalComma, 1234.50)]
    [InlineData("£1,000", NumberStyle.DecimalPoint, 1000)]
    public void Reads_amounts_as_printed(string text, NumberStyle style, double expected)
    {
        Assert.True(PayrollNumbers.TryParse(text, style, out var value));
        Assert.Equal((decimal)expected, value);
    }

    [Theory]
    [InlineData("12'34.50")]
    [InlineData("5.3 %")]
    [InlineData("E001")]
    [InlineData("31.01.2025")]
    [InlineData("")]
    [InlineData("Total")]
    public void Rejects_what_is_no_amount(string text) =>
        Assert.False(PayrollNumbers.TryParse(text, NumberStyle.DecimalPoint, out _));

    [Fact]
    public void Detects_the_decimal_comma_from_most_amounts() =>
        Assert.Equal(NumberStyle.DecimalComma, PayrollNumbers.DetectStyle(["5.900,00", "548,70", "76,70", "Total 1.0"]));

    [Fact]
    public void Detects_the_decimal_point_from_most_amounts() =>
        Assert.Equal(NumberStyle.DecimalPoint, PayrollNumbers.DetectStyle(["11'100.00", "588.30", "122,10x"]));
}
