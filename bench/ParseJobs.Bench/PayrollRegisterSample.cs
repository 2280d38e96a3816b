using System.Globalization;
using System.Text;

namespace ParseJobs.Bench;

/// <summary>A generated payroll register ("Lohnjournal", CHF, 1'234.50): one row per employee with AHV, ALV, NBU,
/// BVG and Quellensteuer columns and a totals row, printed to PDF by headless Chromium with the header repeated on
/// every page. Every row adds up to the cent, so the extraction's answer can be checked.</summary>
public static class PayrollRegisterSample
{
    private static readonly string[] First = ["Anna", "Luca", "Sandra", "Reto", "Martina", "Patrick", "Ursula", "Dragan", "Blerta", "Ana"];
    private static readonly string[] Last = ["Meier", "Keller", "Graf", "Suter", "Vogt", "Häfliger", "Wüthrich", "Petrović", "Krasniqi", "Hofstetter"];

    public static string Html(int employees)
    {
        var c = CultureInfo.InvariantCulture;
        var rows = new StringBuilder();
        decimal totalGross = 0, totalNet = 0;
        for (var i = 0; i < employees; i++)
        {
            var gross = 4000m + (i * 37.35m % 6000m);
            var ahv = Math.Round(gross * 0.053m, 2);
            var alv = Math.Round(gross * 0.011m, 2);
            var nbu = Math.Round(gross * 0.0127m, 2);
            var bvg = Math.Round(gross * (0.05m + (i % 4 * 0.01m)), 2);
            var qst = i % 3 == 0 ? Math.Round(gross * 0.09m, 2) : 0m;
            var net = gross - ahv - alv - nbu - bvg - qst;
            totalGross += gross;
            totalNet += net;
            rows.Append(c, $"<tr><td>{10000 + i}</td><td>{Last[i % Last.Length]}, {First[i / Last.Length % First.Length]}</td>")
                .Append(c, $"<td>{Amount(gross)}</td><td>{Amount(ahv)}</td><td>{Amount(alv)}</td><td>{Amount(nbu)}</td><td>{Amount(bvg)}</td>")
                .Append(c, $"<td>{(qst == 0 ? "" : Amount(qst))}</td><td>{Amount(net)}</td></tr>\n");
        }

        return $$"""
            <!doctype html><html><head><meta charset="utf-8"><style>
            @page { size: A4; margin: 12mm; }
            body { font-family: 'Liberation Sans', sans-serif; font-size: 9pt; }
            table { border-collapse: collapse; width: 100%; }
            thead { display: table-header-group; }
            th, td { border: 0.5pt solid #777; padding: 8pt 3pt; }
            td:nth-child(n+3) { text-align: right; }
            tr { page-break-inside: avoid; }
            </style></head><body>
            <h1>Lohnjournal</h1>
            <p>Muster Treuhand AG · Zeitraum: 01.03.2025 – 31.03.2025 · Beträge in CHF</p>
            <table><thead><tr><th>Pers.-Nr.</th><th>Name, Vorname</th><th>Bruttolohn</th><th>AHV/IV/EO</th><th>ALV</th>
            <th>NBU</th><th>BVG</th><th>Quellensteuer</th><th>Nettolohn</th></tr></thead><tbody>
            {{rows}}<tr><td></td><td>Total</td><td>{{Amount(totalGross)}}</td><td></td><td></td><td></td><td></td><td></td><td>{{Amount(totalNet)}}</td></tr>
            </tbody></table></body></html>
            """;
    }

    /// <summary>The register printed to PDF by Chromium.</summary>
    public static byte[] Pdf(int employees) => ChromiumPrint.Pdf(Html(employees));

    private static string Amount(decimal value) => value.ToString("#,##0.00", CultureInfo.InvariantCulture).Replace(',', '\'');
}
