using System.Text;
using System.Text.Json;
using ParseJobs.Extraction.Parsing;
using ParseJobs.Extraction.Payroll;

namespace ParseJobs.Extraction.Tests.Payroll.Tables;

/// <summary>CSV exports through the payroll product (rows, readings, checks), as a parser child makes it.</summary>
public sealed class TableReadingsTests
{
    private static PayrollExtraction Extract(string csv)
    {
        var bytes = Encoding.UTF8.GetPreamble().Concat(Encoding.UTF8.GetBytes(csv)).ToArray();
        var product = new ProductMaker().Make(bytes, DocumentTypeDetector.DetectPayroll(bytes)!.Value, ParseLimits.Default, new PayrollProduct());
        return JsonSerializer.Deserialize<PayrollExtraction>(product.Json, WireJson.CreateOptions())!;
    }

    [Fact]
    public void A_register_with_a_title_decimal_commas_a_correction_and_a_totals_row()
    {
        var result = Extract("""
            Entgeltliste Muster GmbH;;;;;;
            Zeitraum: 01.03.2025 bis 31.03.2025;;;;;;
            Beträge in EUR;;;;;;
            MA-Nr.;Mitarbeiter;Gesamtbrutto;Rentenversicherung;Krankenversicherung;Lohnsteuer;Nettoentgelt
            E01;Anna Meier;4.000,00;-372,00;-340,00;-410,50;2.877,50
            E02;Jonas Frei;3.000,00;-279,00;25,00;;2.746,00
            ;Summe;7.000,00;;;;5.623,50
            """);

        var output = result.CanonicalOutput;
        Assert.Equal("EUR", output.Currency);
        Assert.Equal(new PayPeriod(new DateOnly(2025, 3, 1), new DateOnly(2025, 3, 31)), output.PayPeriod);
        Assert.Equal("E01,E02", string.Join(',', output.Employees.Select(e => e.EmployeeId)));
        var anna = output.Employees[0];
        Assert.Equal(4000m, anna.GrossPay);
        Assert.Equal([372m, 340m], anna.Deductions.Select(l => l.Amount));
        Assert.Equal("Lohnsteuer", Assert.Single(anna.Taxes).Label);
        // The positive value among withheld (negative) amounts gives money back.
        Assert.Equal(-25m, output.Employees[1].Deductions.Single(l => l.Label == "Krankenversicherung").Amount);
        Assert.Empty(output.Employees[1].Taxes);
        Assert.Empty(result.Warnings);
        Assert.True(result.ConfidenceScore >= PayrollConfidence.Trusted);
    }

    [Fact]
    public void A_row_that_does_not_add_up_is_kept_as_printed_with_a_warning()
    {
        var result = Extract("""
            Employee ID,Name,Gross Pay,PAYE,National Insurance,Pension,Net Pay
            E1,Jane Doe,3000.00,400.00,200.00,150.00,2250.00
            E2,John Roe,2500.00,300.00,150.00,125.00,1935.00
            """);

        // No period or currency is printed: those are warnings too.
        var warning = Assert.Single(result.Warnings, w => w.Code == PayrollWarnings.NetMismatch);
        Assert.Equal("E2", warning.EmployeeId);
        Assert.Contains(result.Warnings, w => w.Code == PayrollWarnings.NoPayPeriod);
        Assert.Equal(1935m, result.CanonicalOutput.Employees[1].NetPay);
        Assert.Equal("PAYE", Assert.Single(result.CanonicalOutput.Employees[0].Taxes).Code);
        Assert.True(result.ConfidenceScore < PayrollConfidence.Trusted);
    }

    [Fact]
    public void An_export_with_a_row_per_item_groups_rows_by_employee()
    {
        var result = Extract("""
            "employee_id","employee_name","period_start","period_end","item_type","item_code","item_description","amount","currency"
            "MA-1","Hughes Siobhan","2025-08-01","2025-08-31","EARNING","BASIC","Basic Salary","2950.00","GBP"
            "MA-1","Hughes Siobhan","2025-08-01","2025-08-31","GROSS","GROSS","Gross Pay","2950.00","GBP"
            "MA-1","Hughes Siobhan","2025-08-01","2025-08-31","DEDUCTION","TAX","PAYE Tax","380.50","GBP"
            "MA-1","Hughes Siobhan","2025-08-01","2025-08-31","DEDUCTION","NIC","Employee NI","152.20","GBP"
            "MA-1","Hughes Siobhan","2025-08-01","2025-08-31","NET","NET","Net Pay","2417.30","GBP"
            "MA-2","Patel Ravi","2025-08-01","2025-08-31","GROSS","GROSS","Gross Pay","2000.00","GBP"
            "MA-2","Patel Ravi","2025-08-01","2025-08-31","NET","NET","Net Pay","2000.00","GBP"
            """);

        var output = result.CanonicalOutput;
        Assert.Equal(new PayPeriod(new DateOnly(2025, 8, 1), new DateOnly(2025, 8, 31)), output.PayPeriod);
        Assert.Equal(2, output.Employees.Count);
        var siobhan = output.Employees[0];
        // PAYE is a tax even where the export types it a deduction.
        Assert.Equal("TAX", Assert.Single(siobhan.Taxes).Code);
        Assert.Equal("NIC", Assert.Single(siobhan.Deductions).Code);
        Assert.Equal(2417.30m, siobhan.NetPay);
        Assert.Empty(result.Warnings);
    }

    [Fact]
    public void Delimited_text_without_payroll_is_no_payroll_data()
    {
        var result = Extract("""
            city;population;country
            Bern;134000;CH
            Basel;173000;CH
            """);

        Assert.Empty(result.CanonicalOutput.Employees);
        Assert.Equal(0, result.ConfidenceScore);
        Assert.Equal(PayrollWarnings.NoPayrollData, Assert.Single(result.Warnings).Code);
    }
}
