using ParseJobs.Extraction.Payroll;
using ParseJobs.Extraction.Payroll.Reading;

namespace ParseJobs.Extraction.Tests.Payroll.Reading;

public sealed class PayPeriodReaderTests
{
    [Theory]
    [InlineData("Lohnperiode: 01.08.2025 bis 31.08.2025", DateOrder.DayMonthYear, "2025-08-01", "2025-08-31")]
    [InlineData("Période: 01.01.2025 – 31.01.2025", DateOrder.DayMonthYear, "2025-01-01", "2025-01-31")]
    [InlineData("Pay period 06/22/2025 – 07/05/2025", DateOrder.MonthDayYear, "2025-06-22", "2025-07-05")]
    [InlineData("Pay period 01/06/2025 - 15/06/2025", DateOrder.DayMonthYear, "2025-06-01", "2025-06-15")]
    [InlineData("Period 2025-01-01 to 2025-01-15", DateOrder.DayMonthYear, "2025-01-01", "2025-01-15")]
    [InlineData("Zeitraum: Februar 2024", DateOrder.DayMonthYear, "2024-02-01", "2024-02-29")]
    [InlineData("Période de paie: juillet 2024", DateOrder.DayMonthYear, "2024-07-01", "2024-07-31")]
    [InlineData("Periodo: settembre 2025", DateOrder.DayMonthYear, "2025-09-01", "2025-09-30")]
    [InlineData("Lohnjournal März 2025", DateOrder.DayMonthYear, "2025-03-01", "2025-03-31")]
    public void Reads_the_printed_period(string line, DateOrder order, string start, string end)
    {
        var period = PayPeriodReader.Find([line], order);
        Assert.Equal(new PayPeriod(DateOnly.Parse(start, System.Globalization.CultureInfo.InvariantCulture), DateOnly.Parse(end, System.Globalization.CultureInfo.InvariantCulture)), period);
    }

    [Fact]
    public void A_pay_date_is_not_the_period()
    {
        var period = PayPeriodReader.Find(["Auszahlungsdatum: 30.09.2025", "Druckdatum: 25.02.2024", "Zeitraum: September 2025"], DateOrder.DayMonthYear);
        Assert.Equal(new PayPeriod(new DateOnly(2025, 9, 1), new DateOnly(2025, 9, 30)), period);
    }

    [Fact]
    public void No_date_no_period() => Assert.Null(PayPeriodReader.Find(["Dear colleagues, thank you."], DateOrder.DayMonthYear));
}
