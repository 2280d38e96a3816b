using ParseJobs.Extraction.Payroll;
using ParseJobs.Extraction.Payroll.Sources;

namespace ParseJobs.Extraction.Tests.Payroll;

public sealed class PayrollExtractorTests
{
    private static readonly PayrollSource Source = new([
        Row("Lohnjournal Januar 2025"),
        Row("Beträge in CHF"),
    ]);

    [Fact]
    public void Checks_each_employee_and_warns_on_a_mismatch_without_correcting()
    {
        var wrong = Employee("E2", 5000m, 4100m, deductions: 500m, taxes: 300m);
        var result = Extract(new FixedReading(new EmployeeReading([Employee("E1", 6000m, 5000m, 700m, 300m), wrong], 1.0)));

        var warning = Assert.Single(result.Warnings);
        Assert.Equal(PayrollWarnings.NetMismatch, warning.Code);
        Assert.Equal("E2", warning.EmployeeId);
        Assert.Equal(4100m, result.CanonicalOutput.Employees[1].NetPay);
        Assert.True(result.ConfidenceScore < PayrollConfidence.Trusted);
    }

    [Fact]
    public void A_clean_document_is_trusted_and_reads_period_and_currency()
    {
        var result = Extract(new FixedReading(new EmployeeReading([Employee("E1", 6000m, 5000m, 700m, 300m)], 1.0, new PrintedTotals(6000m, 5000m))));

        Assert.Empty(result.Warnings);
        Assert.True(result.ConfidenceScore >= PayrollConfidence.Trusted);
        Assert.Equal("CHF", result.CanonicalOutput.Currency);
        Assert.Equal(new PayPeriod(new DateOnly(2025, 1, 1), new DateOnly(2025, 1, 31)), result.CanonicalOutput.PayPeriod);
    }

    [Fact]
    public void A_totals_row_that_differs_from_the_employees_is_flagged()
    {
        var result = Extract(new FixedReading(new EmployeeReading([Employee("E1", 6000m, 5000m, 700m, 300m)], 1.0, new PrintedTotals(6100m, 5000m))));

        Assert.Contains(result.Warnings, w => w.Code == PayrollWarnings.TotalsMismatch);
        Assert.True(result.ConfidenceScore < PayrollConfidence.Trusted);
    }

    [Fact]
    public void The_reading_that_explains_more_employees_wins()
    {
        var weak = new FixedReading(new EmployeeReading([Employee("X", 1m, null, 0m, 0m)], 1.0));
        var strong = new FixedReading(new EmployeeReading([Employee("E1", 6000m, 5000m, 700m, 300m), Employee("E2", 100m, 90m, 10m, 0m)], 0.5));
        var result = new PayrollExtractor([weak, strong], PayrollTerms.Default).Extract(Source);

        Assert.Equal(2, result.CanonicalOutput.Employees.Count);
    }

    [Fact]
    public void No_employees_is_no_payroll_data_with_confidence_zero()
    {
        var result = Extract(new FixedReading(null));

        Assert.Equal(0, result.ConfidenceScore);
        Assert.Empty(result.CanonicalOutput.Employees);
        Assert.Null(result.CanonicalOutput.PayPeriod);
        Assert.Equal(PayrollWarnings.NoPayrollData, Assert.Single(result.Warnings).Code);
    }

    private static PayrollExtraction Extract(IPayrollReading reading) => new PayrollExtractor([reading], PayrollTerms.Default).Extract(Source);

    private static SourceRow Row(string text) => new(1, 1, CellGeometry.Positioned, [new SourceCell(text, 0, 1)]);

    private static PayrollEmployee Employee(string id, decimal? gross, decimal? net, decimal deductions, decimal taxes) =>
        new(id, "Name " + id, gross, net,
            deductions == 0 ? [] : [new PayrollLine("AHV", "AHV", deductions)],
            taxes == 0 ? [] : [new PayrollLine("QST", "Quellensteuer", taxes)]);

    private sealed class FixedReading(EmployeeReading? result) : IPayrollReading
    {
        public string Name => "fixed";

        public EmployeeReading? Read(PayrollContext context) => result;
    }
}
