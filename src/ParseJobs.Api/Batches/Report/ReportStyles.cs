using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace ParseJobs.Api.Batches.Report;

/// <summary>
/// The report's one stylesheet, inlined in a single <c>&lt;style&gt;</c> element, and the content security policy that
/// allows exactly it (by its SHA-256): no style attributes, no scripts, nothing fetched. Score bars get their width
/// from a class (<c>w0</c>…<c>w100</c>) so that no inline style attribute is needed; the chart is inline SVG, whose
/// presentation attributes are not styles.
/// </summary>
public static class ReportStyles
{
    public static string Css { get; } = Build();

    /// <summary>The report route's policy, in place of the API's <c>default-src 'none'</c> alone (Hosting/SecurityHeaders.cs).</summary>
    public static string ContentSecurityPolicy { get; } =
        $"default-src 'none'; style-src '{Hash(Css)}'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'";

    /// <summary>The class that draws a bar of this score (0–100, rounded).</summary>
    public static string WidthClass(double score) =>
        "w" + ((int)Math.Round(Math.Clamp(score, 0, 100), MidpointRounding.AwayFromZero)).ToString(CultureInfo.InvariantCulture);

    private static string Hash(string css) => "sha256-" + Convert.ToBase64String(SHA256.HashData(Encoding.UTF8.GetBytes(css)));

    private static string Build()
    {
        var css = new StringBuilder("""
            :root{--ink:#1a202c;--muted:#5a6577;--line:#d8dee8;--bar:#2f855a;--bar-bg:#e6ebf2;--gap:#c53030;--match:#2b6cb0}
            *{box-sizing:border-box}
            body{margin:0 auto;max-width:960px;padding:24px;font:15px/1.45 system-ui,-apple-system,"Segoe UI",Roboto,Arial,sans-serif;color:var(--ink);background:#fff}
            h1{font-size:26px;margin:0 0 4px}
            h2{font-size:18px;margin:28px 0 10px;border-bottom:1px solid var(--line);padding-bottom:4px}
            h3{font-size:13px;margin:8px 0 4px;color:var(--muted);text-transform:uppercase;letter-spacing:.04em}
            .summary{margin:4px 0;color:var(--muted)}
            .meta{font-size:13px;color:var(--muted);margin:8px 0 0}
            .notice{background:#fffbea;border:1px solid #f6e05e;padding:8px 12px;border-radius:4px}
            .stats{display:grid;grid-template-columns:repeat(auto-fill,minmax(150px,1fr));gap:8px;margin:0}
            .stats div{border:1px solid var(--line);border-radius:6px;padding:8px 10px}
            .stats dt{font-size:12px;color:var(--muted)}
            .stats dd{margin:0;font-size:20px;font-weight:600}
            .chart svg{width:100%;max-width:620px;height:auto;display:block}
            ol.ranking{list-style:none;margin:0;padding:0}
            .candidate{border:1px solid var(--line);border-radius:6px;padding:10px 14px;margin:0 0 10px}
            .candidate .head{display:flex;align-items:baseline;gap:10px}
            .rank{font-weight:700;color:var(--muted);min-width:2.5em}
            .name{font-weight:600;flex:1;overflow-wrap:anywhere}
            .cid{font-size:12px;color:var(--muted)}
            .score{font-weight:700;font-size:18px}
            .bar{height:10px;background:var(--bar-bg);border-radius:5px;margin:6px 0;overflow:hidden}
            .fill{display:block;height:100%;background:var(--bar)}
            .parts{display:flex;flex-wrap:wrap;gap:4px 16px;margin:4px 0;font-size:13px;color:var(--muted)}
            .parts dt{display:inline}
            .parts dd{display:inline;margin:0 0 0 4px;color:var(--ink)}
            ul.tags{list-style:none;margin:0;padding:0;display:flex;flex-wrap:wrap;gap:4px}
            .tag{font-size:13px;border-radius:10px;padding:1px 8px;border:1px solid var(--line)}
            .tag.match{border-color:var(--match);color:var(--match)}
            .tag.gap{border-color:var(--gap);color:var(--gap)}
            .tag.core{font-weight:700}
            .tag .kind{font-size:11px;font-weight:400}
            .none{font-size:13px;color:var(--muted);margin:0}
            table.errors{border-collapse:collapse;width:100%;font-size:13px}
            table.errors th,table.errors td{border-bottom:1px solid var(--line);text-align:left;padding:4px 6px;overflow-wrap:anywhere}
            footer{margin-top:32px;font-size:12px;color:var(--muted)}
            @media print{
            body{max-width:none;padding:0;font-size:11pt}
            h2{break-after:avoid}
            .candidate,.stats div,.chart{break-inside:avoid}
            .bar,.fill,.notice{-webkit-print-color-adjust:exact;print-color-adjust:exact}
            .stats{grid-template-columns:repeat(4,1fr)}
            footer{position:static}
            }

            """);
        for (var width = 0; width <= 100; width++)
        {
            css.Append(CultureInfo.InvariantCulture, $".w{width}{{width:{width}%}}");
        }

        return css.Append('\n').ToString();
    }
}
