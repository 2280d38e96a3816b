using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace ParseJobs.Bench;

/// <summary><c>payroll-widen --out DIR</c>: registers in wordings, column orders, number and period styles and
/// formats the development corpus does not have (docs/ and truth/ in the corpus' format, scored by its score.py),
/// to measure the payroll extraction on material it was not tuned to. Deterministic; every row adds up except the
/// ones marked as printed mismatches.</summary>
public static class PayrollWidened
{
    private sealed record Item(string Label, string Code, bool Tax, decimal Rate);

    private sealed record Spec(
        string Name, string Format, string Currency, string Style, string Title, string PeriodText, string Start, string End,
        string IdHeader, string NameHeader, string GrossHeader, string NetHeader, Item[] Items, bool NetFirst, bool Mismatch);

    private static readonly Spec[] Specs =
    [
        new("wide_001", "pdf", "GBP", "1,234.50", "Monthly payroll summary", "Tax period: 1 March 2025 to 31 March 2025", "2025-03-01", "2025-03-31",
            "Staff no.", "Employee name", "Total gross pay", "Take-home pay",
            [new("Income tax", "PAYE", true, 0.14m), new("Employee NIC", "NI", false, 0.08m), new("Pension (employee)", "PENSION", false, 0.05m), new("Cycle to work", "CYCLE", false, 0.01m)], false, true),
        new("wide_002", "pdf", "CHF", "1'234.50", "Lohnabrechnung Übersicht", "Abrechnungsmonat: April 2025", "2025-04-01", "2025-04-30",
            "Personal-Nr", "Mitarbeitende/r", "Brutto total", "Auszahlung netto",
            [new("AHV/IV/EO 5.3%", "AHV", false, 0.053m), new("ALV 1.1%", "ALV", false, 0.011m), new("Pensionskasse", "BVG", false, 0.06m), new("Quellensteuer", "QST", true, 0.07m)], true, false),
        new("wide_003", "csv", "EUR", "1.234,50", "Entgeltabrechnung", "Abrechnungszeitraum 01.05.2025 - 31.05.2025", "2025-05-01", "2025-05-31",
            "Personalnummer", "Name", "Steuerbrutto", "Auszahlungsbetrag netto",
            [new("Lohnsteuer", "LST", true, 0.12m), new("Soli", "SOLZ", true, 0.005m), new("KV-AN", "KV", false, 0.081m), new("RV-AN", "RV", false, 0.093m), new("AV-AN", "AV", false, 0.013m)], false, true),
        new("wide_004", "pdf", "USD", "1,234.50", "Payroll Register", "Pay Period: 06/01/2025 - 06/15/2025", "2025-06-01", "2025-06-15",
            "Emp #", "Employee", "Gross Earnings", "Net Check",
            [new("Federal W/H", "FIT", true, 0.11m), new("FICA - Social Security", "SS", true, 0.062m), new("FICA - Medicare", "MED", true, 0.0145m), new("State W/H", "SIT", true, 0.04m), new("401k", "401K", false, 0.05m), new("Medical plan", "HEALTH", false, 0.02m)], false, false),
        new("wide_005", "pdf", "EUR", "1 234,50", "Journal de paie", "Période du 01/07/2025 au 31/07/2025", "2025-07-01", "2025-07-31",
            "Matricule", "Salarié", "Brut", "Net à payer",
            [new("Sécurité sociale", "SS_PLAF", false, 0.069m), new("Retraite complémentaire", "RETR_T1", false, 0.0401m), new("CSG déductible", "CSG_D", false, 0.068m), new("Prélèvement à la source", "PAS", true, 0.05m)], false, false),
        new("wide_006", "csv", "EUR", "1234,50", "Riepilogo cedolini", "Periodo di paga: agosto 2025", "2025-08-01", "2025-08-31",
            "Matricola", "Cognome e nome", "Totale competenze", "Netto del mese",
            [new("Contributi INPS", "INPS", false, 0.0919m), new("Fondo pensione", "FONDO", false, 0.01m), new("IRPEF netta", "IRPEF", true, 0.2m), new("Addizionale regionale", "ADD_REG", true, 0.0123m)], true, false),
    ];

    private static readonly string[] Names = ["Olivia Brown", "Noah Wilson", "Amelia Clarke", "Jonas Frei", "Lea Baumann", "Nico Brunner", "Marco Rossi", "Giulia Bianchi", "Claire Martin", "Hugo Bernard"];

    public static int Run(BenchArguments args, TextWriter output)
    {
        var outDir = args.RequiredText("out");
        Directory.CreateDirectory(Path.Combine(outDir, "docs"));
        Directory.CreateDirectory(Path.Combine(outDir, "truth"));
        foreach (var spec in Specs)
        {
            var employees = Employees(spec);
            var doc = Path.Combine(outDir, "docs", spec.Name + "." + spec.Format);
            if (spec.Format == "csv")
                File.WriteAllText(doc, Csv(spec, employees), Encoding.UTF8);
            else
                File.WriteAllBytes(doc, ChromiumPrint.Pdf(Html(spec, employees)));
            File.WriteAllText(Path.Combine(outDir, "truth", spec.Name + ".json"), Truth(spec, employees));
        }

        output.WriteLine($"payroll widened: {Specs.Length} documents and truths written to {outDir}");
        return 0;
    }

    private sealed record Row(string Id, string Name, decimal Gross, decimal[] Amounts, decimal Net);

    private static List<Row> Employees(Spec spec)
    {
        var rows = new List<Row>();
        for (var i = 0; i < 8; i++)
        {
            var gross = 3200m + (i * 611.35m % 4100m);
            var amounts = spec.Items.Select((item, k) => (k + i) % 5 == 4 && item.Tax ? 0m : Math.Round(gross * item.Rate, 2)).ToArray();
            var net = gross - amounts.Sum();
            if (spec.Mismatch && i == 5)
                net += 10m;
            rows.Add(new Row(string.Create(CultureInfo.InvariantCulture, $"{(spec.Currency == "USD" ? "" : "P")}{4100 + (i * 7)}"), Names[(i + spec.Name.Length) % Names.Length], gross, amounts, net));
        }

        return rows;
    }

    private static string[] Header(Spec spec) =>
        [spec.IdHeader, spec.NameHeader, spec.GrossHeader, .. spec.NetFirst ? new[] { spec.NetHeader } : [], .. spec.Items.Select(i => i.Label), .. spec.NetFirst ? [] : new[] { spec.NetHeader }];

    private static string[] Cells(Spec spec, Row row) =>
        [row.Id, row.Name, Amount(spec, row.Gross), .. spec.NetFirst ? new[] { Amount(spec, row.Net) } : [],
         .. row.Amounts.Select(a => a == 0 ? "" : Amount(spec, a)), .. spec.NetFirst ? [] : new[] { Amount(spec, row.Net) }];

    private static string Html(Spec spec, List<Row> rows)
    {
        var html = new StringBuilder();
        html.Append("<!doctype html><html><head><meta charset=\"utf-8\"><style>@page{size:A4 landscape;margin:14mm}body{font-family:'Liberation Sans',sans-serif;font-size:9pt}")
            .Append("table{border-collapse:collapse;width:100%}th,td{padding:3pt 5pt;border-bottom:0.5pt solid #bbb}td:nth-child(n+3){text-align:right}th{text-align:left}</style></head><body>")
            .Append(CultureInfo.InvariantCulture, $"<h2>{spec.Title}</h2><p>Acme Services · {spec.PeriodText} · {spec.Currency}</p><table><tr>");
        foreach (var h in Header(spec))
            html.Append(CultureInfo.InvariantCulture, $"<th>{h}</th>");
        html.Append("</tr>");
        foreach (var row in rows)
            html.Append("<tr>").AppendJoin("", Cells(spec, row).Select(c => $"<td>{c}</td>")).Append("</tr>");
        html.Append(CultureInfo.InvariantCulture, $"<tr><td></td><td>Total</td><td>{Amount(spec, rows.Sum(r => r.Gross))}</td></tr></table></body></html>");
        return html.ToString();
    }

    private static string Csv(Spec spec, List<Row> rows)
    {
        var csv = new StringBuilder();
        csv.Append(CultureInfo.InvariantCulture, $"{spec.Title};{spec.PeriodText};{spec.Currency}\n");
        csv.AppendJoin(';', Header(spec)).Append('\n');
        foreach (var row in rows)
            csv.AppendJoin(';', Cells(spec, row)).Append('\n');
        return csv.ToString();
    }

    private static string Amount(Spec spec, decimal value)
    {
        var text = value.ToString(spec.Style is "1234,50" or "1234.50" ? "0.00" : "#,##0.00", CultureInfo.InvariantCulture);
        return spec.Style switch
        {
            "1'234.50" => text.Replace(',', '\''),
            "1.234,50" => text.Replace(',', '#').Replace('.', ',').Replace('#', '.'),
            "1 234,50" => text.Replace(',', ' ').Replace('.', ','),
            "1234,50" => text.Replace('.', ','),
            _ => text,
        };
    }

    private static string Truth(Spec spec, List<Row> rows)
    {
        var employees = new JsonArray();
        foreach (var row in rows)
        {
            var deductions = new JsonArray();
            var taxes = new JsonArray();
            for (var k = 0; k < spec.Items.Length; k++)
            {
                if (row.Amounts[k] == 0)
                    continue;
                var line = new JsonObject { ["code"] = spec.Items[k].Code, ["label"] = spec.Items[k].Label, ["amount"] = row.Amounts[k] };
                (spec.Items[k].Tax ? taxes : deductions).Add(line);
            }

            employees.Add(new JsonObject
            {
                ["employee_id"] = row.Id, ["name"] = row.Name, ["gross_pay"] = row.Gross, ["net_pay"] = row.Net,
                ["deductions"] = deductions, ["taxes"] = taxes,
            });
        }

        var warnings = new JsonArray();
        if (spec.Mismatch)
            warnings.Add(new JsonObject { ["employee_id"] = rows[5].Id, ["code"] = "NET_MISMATCH" });
        var truth = new JsonObject
        {
            ["_meta"] = new JsonObject { ["doc"] = $"docs/{spec.Name}.{spec.Format}", ["kind"] = "register_wide", ["layout"] = "widened_" + spec.Format, ["format"] = spec.Format, ["number_format"] = spec.Style },
            ["expect"] = "payroll",
            ["canonical_output"] = new JsonObject
            {
                ["pay_period"] = new JsonObject { ["start"] = spec.Start, ["end"] = spec.End },
                ["currency"] = spec.Currency,
                ["employees"] = employees,
            },
            ["expected_warnings"] = warnings,
        };
        return truth.ToJsonString(new JsonSerializerOptions { WriteIndented = true });
    }
}
