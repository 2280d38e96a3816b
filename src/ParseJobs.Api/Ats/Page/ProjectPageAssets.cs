using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace ParseJobs.Api.Ats.Page;

/// <summary>
/// The project page's one stylesheet and one script, inlined, and the content security policy that allows exactly
/// them (by SHA-256): nothing else runs or styles the page, no inline event handlers or style attributes, and the
/// script may talk to this origin only (its status polls). Both are constants, so the hashes are computed once; what
/// varies per page (the status URL, the poll interval) reaches the script through data attributes.
/// </summary>
public static class ProjectPageAssets
{
    public static string Css { get; } = BuildCss();

    public static string Script { get; } = """
        (function () {
          "use strict";
          var page = document.getElementById("project");
          if (!page) { return; }
          var statusUrl = page.getAttribute("data-status-url");
          var delay = Number(page.getAttribute("data-poll-ms")) || 2000;
          var failures = 0;
          var labels = { pending: "Waiting", importing: "Importing", ready: "Ready", failed: "Failed" };
          var waiting = { pending: "Waiting to be imported from the ATS\u2026", importing: "Importing the CV and rendering the profile\u2026" };

          function text(el, value) { if (el) { el.textContent = value || ""; } }
          function show(el, visible) { if (el) { el.hidden = !visible; } }
          function fact(row, cls, value) {
            var el = row.querySelector("." + cls);
            text(el, value);
            show(el && el.closest(".fact"), !!value);
          }
          function tags(el, items) {
            if (!el) { return; }
            while (el.firstChild) { el.removeChild(el.firstChild); }
            (items || []).forEach(function (item) {
              var li = document.createElement("li");
              li.className = "tag";
              li.textContent = item;
              el.appendChild(li);
            });
            show(el, !!items && items.length > 0);
          }

          function updateRow(c) {
            var row = page.querySelector('li.candidate[data-candidate-id="' + c.candidateId + '"]');
            if (!row) { return; }
            row.setAttribute("data-status", c.status);
            var badge = row.querySelector(".badge");
            if (badge) { badge.className = "badge " + c.status; text(badge, labels[c.status] || c.status); }
            if (c.name) { text(row.querySelector(".name"), c.name); row.querySelector(".name").classList.remove("placeholder"); }
            text(row.querySelector(".headline"), c.headline);
            show(row.querySelector(".headline"), !!c.headline);
            text(row.querySelector(".waiting"), waiting[c.status]);
            show(row.querySelector(".waiting"), !!waiting[c.status]);
            text(row.querySelector(".reason"), c.reason || "The import failed.");
            show(row.querySelector(".reason"), c.status === "failed");
            fact(row, "position", c.latestPosition);
            fact(row, "languages", (c.languages || []).join(" \u00b7 "));
            tags(row.querySelector("ul.skills"), c.skills);
            show(row.querySelector(".actions"), c.status === "ready");
          }

          function updateCounts(counts) {
            ["pending", "importing", "ready", "failed", "total"].forEach(function (key) {
              page.querySelectorAll('[data-count="' + key + '"]').forEach(function (el) { text(el, String(counts[key])); });
            });
            var ended = counts.ready + counts.failed;
            page.querySelectorAll('[data-count="ended"]').forEach(function (el) { text(el, String(ended)); });
            var fill = page.querySelector(".progress .fill");
            if (fill) { fill.className = "fill w" + (counts.total ? Math.round(100 * ended / counts.total) : 100); }
            show(page.querySelector(".downloads"), counts.ready > 0);
          }

          function stop(message) {
            page.setAttribute("data-live", "stopped");
            var notice = document.getElementById("notice");
            text(notice, message);
            show(notice, true);
          }

          function schedule() { window.setTimeout(poll, delay * Math.min(1 + failures, 5)); }

          function poll() {
            fetch(statusUrl, { headers: { Accept: "application/json" }, cache: "no-store", credentials: "omit" })
              .then(function (response) {
                if (response.status === 403 || response.status === 410) {
                  stop(response.status === 410
                    ? "This link has expired: ask your ATS for a new link to see the latest status."
                    : "This link is no longer valid: ask your ATS for a new link.");
                  return null;
                }
                if (!response.ok) { throw new Error("status " + response.status); }
                return response.json();
              })
              .then(function (data) {
                if (!data) { return; }
                failures = 0;
                data.candidates.forEach(updateRow);
                updateCounts(data.counts);
                if (data.done) { page.setAttribute("data-live", "done"); } else { schedule(); }
              })
              .catch(function () { failures++; schedule(); });
          }

          if (page.getAttribute("data-live") === "polling") { schedule(); }
        })();

        """;

    /// <summary>The page's policy, in place of the API's <c>default-src 'none'</c> alone (Hosting/SecurityHeaders.cs).</summary>
    public static string ContentSecurityPolicy { get; } =
        $"default-src 'none'; script-src '{Hash(Script)}'; style-src '{Hash(Css)}'; connect-src 'self'; " +
        "frame-ancestors 'none'; base-uri 'none'; form-action 'none'";

    /// <summary>The class that draws a bar this wide (0–100 %).</summary>
    public static string WidthClass(int percent) => "w" + Math.Clamp(percent, 0, 100).ToString(CultureInfo.InvariantCulture);

    private static string Hash(string text) => "sha256-" + Convert.ToBase64String(SHA256.HashData(Encoding.UTF8.GetBytes(text)));

    private static string BuildCss()
    {
        var css = new StringBuilder("""
            :root{--ink:#1b2430;--muted:#5b6675;--line:#e1e6ed;--bg:#f4f6f9;--card:#fff;--accent:#1f5fae;--accent-ink:#fff;
            --ready:#1e7a4c;--ready-bg:#e5f4ec;--busy:#9a6700;--busy-bg:#fff4d6;--wait:#5b6675;--wait-bg:#eef1f5;--fail:#b42318;--fail-bg:#fdecea}
            *{box-sizing:border-box}
            [hidden]{display:none!important}
            html{background:var(--bg)}
            body{margin:0;font:15px/1.5 system-ui,-apple-system,"Segoe UI",Roboto,"Helvetica Neue",Arial,sans-serif;color:var(--ink)}
            .wrap{max-width:1040px;margin:0 auto;padding:0 24px}
            .topbar{background:#fff;border-bottom:1px solid var(--line)}
            .topbar .wrap{display:flex;align-items:center;justify-content:space-between;height:52px}
            .brand{font-weight:700;letter-spacing:.02em;color:var(--accent)}
            .brand span{color:var(--muted);font-weight:500}
            .live{font-size:13px;color:var(--muted);display:flex;align-items:center;gap:6px}
            .live::before{content:"";width:8px;height:8px;border-radius:50%;background:var(--busy);animation:pulse 1.4s ease-in-out infinite}
            #project[data-live="done"] .live,#project[data-live="stopped"] .live{display:none}
            header.project{padding:28px 0 8px}
            h1{font-size:28px;line-height:1.2;margin:0 0 6px}
            .meta{margin:0;color:var(--muted);font-size:14px}
            .meta strong{color:var(--ink);font-weight:600}
            .overview{display:flex;flex-wrap:wrap;align-items:center;justify-content:space-between;gap:16px;margin:20px 0;
            background:var(--card);border:1px solid var(--line);border-radius:10px;padding:16px 20px}
            .progress-block{flex:1;min-width:260px}
            .progress-text{font-size:14px;color:var(--muted);margin:0 0 8px}
            .progress-text strong{color:var(--ink);font-size:16px}
            .progress{height:8px;background:var(--wait-bg);border-radius:4px;overflow:hidden}
            .fill{display:block;height:100%;background:var(--ready);transition:width .4s ease}
            .chips{display:flex;flex-wrap:wrap;gap:6px;margin:10px 0 0;padding:0;list-style:none;font-size:13px}
            .chips li{padding:2px 10px;border-radius:999px;background:var(--wait-bg);color:var(--wait)}
            .chips .ready{background:var(--ready-bg);color:var(--ready)}
            .chips .importing{background:var(--busy-bg);color:var(--busy)}
            .chips .failed{background:var(--fail-bg);color:var(--fail)}
            .downloads{display:flex;flex-wrap:wrap;gap:8px}
            .button{display:inline-flex;align-items:center;gap:6px;padding:7px 14px;border-radius:6px;border:1px solid var(--accent);
            background:var(--accent);color:var(--accent-ink);font-size:14px;font-weight:600;text-decoration:none;white-space:nowrap}
            .button:hover{filter:brightness(1.08)}
            .button:focus-visible{outline:3px solid #9cc3f5;outline-offset:1px}
            .button.secondary{background:#fff;color:var(--accent)}
            .button.small{padding:5px 11px;font-size:13px}
            section.card{background:var(--card);border:1px solid var(--line);border-radius:10px;padding:18px 20px;margin:0 0 20px}
            h2{font-size:13px;text-transform:uppercase;letter-spacing:.06em;color:var(--muted);margin:0 0 10px}
            .post-title{font-size:18px;font-weight:600;margin:0 0 6px}
            details.description summary{cursor:pointer;color:var(--accent);font-size:14px}
            .description-text{white-space:pre-line;margin:10px 0 0;color:#2f3a48;font-size:14px;max-height:420px;overflow:auto}
            ol.candidates{list-style:none;margin:0;padding:0}
            li.candidate{display:grid;grid-template-columns:36px 1fr auto;gap:14px;padding:16px 0;border-top:1px solid var(--line)}
            li.candidate:first-child{border-top:0;padding-top:4px}
            .index{width:32px;height:32px;border-radius:50%;background:var(--wait-bg);color:var(--muted);font-weight:700;font-size:13px;
            display:flex;align-items:center;justify-content:center}
            li[data-status="ready"] .index{background:var(--ready-bg);color:var(--ready)}
            li[data-status="failed"] .index{background:var(--fail-bg);color:var(--fail)}
            .title{display:flex;flex-wrap:wrap;align-items:center;gap:10px}
            .name{font-size:17px;font-weight:600;overflow-wrap:anywhere}
            .name.placeholder{color:var(--muted);font-weight:500}
            .badge{font-size:12px;font-weight:600;padding:1px 9px;border-radius:999px;background:var(--wait-bg);color:var(--wait)}
            .badge.ready{background:var(--ready-bg);color:var(--ready)}
            .badge.importing{background:var(--busy-bg);color:var(--busy)}
            .badge.failed{background:var(--fail-bg);color:var(--fail)}
            .badge.importing::before{content:"";display:inline-block;width:6px;height:6px;margin:0 5px 1px 0;border-radius:50%;background:currentColor;animation:pulse 1.4s ease-in-out infinite}
            .headline{margin:2px 0 0;color:#2f3a48;overflow-wrap:anywhere}
            .waiting{margin:4px 0 0;color:var(--muted);font-size:14px;font-style:italic}
            .reason{margin:6px 0 0;color:var(--fail);font-size:14px;background:var(--fail-bg);border-radius:6px;padding:6px 10px;overflow-wrap:anywhere}
            .facts{display:flex;flex-wrap:wrap;gap:4px 24px;margin:8px 0 0;font-size:14px}
            .facts dt{color:var(--muted);display:inline}
            .facts dt::after{content:":"}
            .facts dd{display:inline;margin:0 0 0 4px;overflow-wrap:anywhere}
            ul.tags{list-style:none;margin:8px 0 0;padding:0;display:flex;flex-wrap:wrap;gap:5px}
            .tag{font-size:12px;padding:1px 9px;border-radius:4px;background:#eaf1fb;color:#1d4f8f;border:1px solid #d3e2f6}
            .applicant{margin:6px 0 0;font-size:12px;color:var(--muted)}
            .actions{display:flex;flex-direction:column;gap:6px;align-items:stretch;justify-content:flex-start}
            .notice{background:var(--busy-bg);color:#5c3d00;border:1px solid #f0d68a;border-radius:8px;padding:10px 14px;margin:16px 0 0}
            .empty{color:var(--muted);margin:0}
            footer{color:var(--muted);font-size:12px;padding:8px 0 40px}
            .error-page{max-width:560px;margin:72px auto;background:var(--card);border:1px solid var(--line);border-radius:10px;padding:28px 32px}
            .error-page h1{font-size:22px}
            .error-page p{color:#2f3a48}
            .error-page .code{color:var(--muted);font-size:13px}
            @keyframes pulse{0%,100%{opacity:1}50%{opacity:.25}}
            @media (max-width:640px){li.candidate{grid-template-columns:28px 1fr}.actions{grid-column:2;flex-direction:row}.overview{padding:14px}}
            @media print{.topbar,.downloads,.actions,.live{display:none}html,section.card,.overview{background:#fff}li.candidate{break-inside:avoid}}

            """);
        for (var width = 0; width <= 100; width++)
        {
            css.Append(CultureInfo.InvariantCulture, $".w{width}{{width:{width}%}}");
        }

        return css.Append('\n').ToString();
    }
}
