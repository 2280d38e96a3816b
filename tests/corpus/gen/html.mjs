// Own HTML templates printed with Chromium (and converted to DOCX with pandoc): a two-column sidebar CV,
// a German/Swiss "Lebenslauf" of label | value tables, and a timeline with "Title at Company" headers.
import { esc, fmtDate, fmtRange, heads, LBL, phoneText, countryName, langName, levelText, birthText, addressParts, skillGroups, eduMain, eduFurther } from './common.mjs';

const FONTS = ['"DejaVu Sans", sans-serif', '"Liberation Serif", serif', '"Liberation Sans", sans-serif', '"DejaVu Serif", serif'];
const page = (P, title, css, body) => `<!DOCTYPE html><html lang="${P.lang}"><head><meta charset="utf-8"><title>${esc(title)}</title><style>@page { size: A4; margin: 14mm 13mm; } body { margin: 0; font-size: 10pt; line-height: 1.35; color: #1e1e1e; } ul { margin: 2px 0 4px 0; padding-left: 16px; } p { margin: 2px 0; } ${css}</style></head><body>${body}</body></html>`;
const degreeLine = (P, e) => e.field ? `${e.degree}, ${e.field}` : e.degree;
const bullets = (j) => (j.summary ? `<p>${esc(j.summary)}</p>` : '') + (j.bullets.length ? `<ul>${j.bullets.map(b => `<li>${esc(b)}</li>`).join('')}</ul>` : '');

// ---- sidebar: contact, skills, languages on a coloured left column; dates right-aligned beside the title
export function sidebar(P) {
  const H = heads(P, 2), L = LBL[P.lang];
  const style = P.r.b < 0.5 ? 'short' : 'slash';
  const national = P.r.c < 0.4, mode = P.r.d < 0.5 ? 'word' : 'both';
  const [a1, a2] = addressParts(P);
  const side = `<div class="side"><h3>${H.contact}</h3><p>${esc(a1)}<br>${esc(a2)}</p><p>${esc(phoneText(P, national))}</p><p>${esc(P.email)}</p>${P.linkedin ? `<p>linkedin.com/in/${esc(P.linkedin)}</p>` : ''}
    <h3>${H.skills}</h3>${skillGroups(P).map(g => `<h4>${esc(g.name)}</h4><ul class="plain">${g.items.map(x => `<li>${esc(x)}</li>`).join('')}</ul>`).join('')}
    <h3>${H.lang}</h3>${P.langs.map(l => `<p><b>${esc(langName(P, l.key))}</b><br>${esc(levelText(P, l, mode))}</p>`).join('')}
    ${P.hobbies.length ? `<h3>${H.hob}</h3><ul class="plain">${P.hobbies.map(h => `<li>${esc(h)}</li>`).join('')}</ul>` : ''}</div>`;
  const entry = (title, dates, sub, body) => `<div class="e"><div class="t"><span class="d">${esc(dates)}</span>${esc(title)}</div><div class="s">${esc(sub)}</div>${body}</div>`;
  const main = `<div class="main"><h1>${esc(P.name)}</h1><div class="hl">${esc(P.headline)}</div>${P.profile ? `<h2>${H.profile}</h2><p>${esc(P.profile)}</p>` : ''}
    <h2>${H.exp}</h2>${P.jobs.map(j => entry(j.position, fmtRange(P, j.start, j.end, style), `${j.company} · ${j.city}`, bullets(j))).join('')}
    <h2>${H.edu}</h2>${[...eduMain(P), ...eduFurther(P)].map(e => entry(degreeLine(P, e), fmtRange(P, e.start, e.end, style), e.institution, '')).join('')}</div>`;
  const css = `body { font-family: ${FONTS[0]}; } .wrap { display: flex; } .side { width: 58mm; flex: none; background: #24435c; color: #f2f2f2; padding: 8mm 5mm; min-height: 265mm; }
    .side h3 { font-size: 10.5pt; text-transform: uppercase; border-bottom: 1px solid #8fb0c9; margin: 12px 0 4px 0; } .side h4 { margin: 6px 0 1px 0; font-size: 9.5pt; } ul.plain { list-style: none; padding: 0; margin: 0; }
    .main { flex: 1; padding: 6mm 7mm; } h1 { font-size: 24pt; margin: 0; color: #24435c; } .hl { font-size: 12pt; color: #666; margin-bottom: 6px; } h2 { font-size: 12pt; color: #24435c; border-bottom: 2px solid #24435c; margin: 12px 0 5px 0; }
    .e { margin-bottom: 7px; } .t { font-weight: bold; } .d { float: right; font-weight: normal; color: #555; } .s { font-style: italic; color: #444; }`;
  return { html: page(P, P.name, css, `<div class="wrap">${side}${main}</div>`), caps: { state: P.country === 'US', levelMode: mode, jobDates: 'month', eduDates: 'month' } };
}

// ---- Lebenslauf: every section is a table of label | value rows, personal data labelled (Name | ...)
export function lebenslauf(P, forDocx = false) {
  const H = heads(P, 1), L = LBL[P.lang];
  const style = P.r.b < 0.4 ? 'dot' : P.r.b < 0.7 ? 'slash' : 'month';
  const since = P.r.c < 0.5, national = P.r.c > 0.3, mode = P.r.d < 0.6 ? 'word' : 'code';
  const [a1, a2] = addressParts(P);
  const row = (k, v) => `<tr><td class="k">${k}</td><td class="v">${v}</td></tr>`;
  const range = (s, e) => (!e && since) ? `${L.since} ${fmtDate(P, s, style)}` : fmtRange(P, s, e, style, ' – ');
  const title = { de: 'Lebenslauf', fr: 'Curriculum vitae', it: 'Curriculum vitae', en: 'Curriculum Vitae' }[P.lang];
  let b = `<h1>${title}</h1><h2>${H.personal}</h2><table>${row(L.name, esc(P.name))}${row(L.address, `${esc(a1)}, ${esc(a2)}`)}${row(L.phone, esc(phoneText(P, national)))}${row(L.email, esc(P.email))}`;
  if (P.linkedin) b += row(L.linkedin, `linkedin.com/in/${esc(P.linkedin)}`);
  b += `${row(L.birth, esc(birthText(P)))}${row(L.nat, esc(countryName(P.lang, P.natCode)))}${row(L.civil, esc(P.civil))}</table>`;
  if (P.profile) b += `<h2>${H.profile}</h2><p>${esc(P.profile)}</p>`;
  b += `<h2>${H.exp}</h2><table>${P.jobs.map(j => row(esc(range(j.start, j.end)), `<b>${esc(j.position)}</b><br>${esc(j.company)}, ${esc(j.city)}${bullets(j)}`)).join('')}</table>`;
  b += `<h2>${H.edu}</h2><table>${eduMain(P).map(e => row(esc(fmtRange(P, e.start, e.end, style)), `<b>${esc(degreeLine(P, e))}</b><br>${esc(e.institution)}`)).join('')}</table>`;
  const fu = eduFurther(P);
  if (fu.length) b += `<h2>${H.further}</h2><table>${fu.map(e => row(esc(fmtRange(P, e.start, e.end, style)), `<b>${esc(degreeLine(P, e))}</b><br>${esc(e.institution)}`)).join('')}</table>`;
  b += `<h2>${H.skills}</h2><table>${skillGroups(P).map(g => row(esc(g.name), esc(g.items.join(', ')))).join('')}</table>`;
  b += `<h2>${H.lang}</h2><table>${P.langs.map(l => row(esc(langName(P, l.key)), esc(levelText(P, l, mode)))).join('')}</table>`;
  if (P.hobbies.length) b += `<h2>${H.hob}</h2><p>${esc(P.hobbies.join(', '))}</p>`;
  const css = `body { font-family: ${FONTS[1]}; font-size: 10.5pt; } h1 { font-size: 20pt; margin: 0 0 8px 0; } h2 { font-size: 12pt; background: #e8e8e8; padding: 2px 4px; margin: 12px 0 4px 0; }
    table { border-collapse: collapse; width: 100%; } td { vertical-align: top; padding: 2px 4px; } td.k { width: 42mm; color: #333; }`;
  return { html: page(P, title, css, b), caps: { state: P.country === 'US', levelMode: mode, jobDates: 'month', eduDates: 'month', personal: { birth: true, nat: true, civil: true } } };
}

// ---- timeline: name left and contact right in one header; "Title at Company" + a date line with a duration
export function timeline(P) {
  const H = heads(P, 0), L = LBL[P.lang];
  const style = P.r.b < 0.35 ? 'comma' : P.r.b < 0.7 ? 'iso' : 'short';
  const dur = (s, e) => { const end = e || { y: 2025, m: 10 }; const n = (end.y - s.y) * 12 + end.m - s.m; const y = Math.floor(n / 12), m = n % 12;
    const w = { en: ['yr', 'yrs', 'mo'], de: ['Jahr', 'Jahre', 'Mt.'], fr: ['an', 'ans', 'mois'], it: ['anno', 'anni', 'mesi'] }[P.lang];
    return [y ? `${y} ${y === 1 ? w[0] : w[1]}` : '', m ? `${m} ${w[2]}` : ''].filter(Boolean).join(' '); };
  const head = (j) => P.r.c < 0.5 ? `${j.position} ${L.at} ${j.company}` : `${j.position}, ${j.company}`;
  const mode = P.r.d < 0.5 ? 'both' : 'word';
  let b = `<div class="hdr"><div><h1>${esc(P.name)}</h1><div class="hl">${esc(P.headline)}</div></div><div class="ct">${esc(P.city)} | ${esc(P.phone.intl)} | ${esc(P.email)}${P.linkedin ? `<br>linkedin.com/in/${esc(P.linkedin)}` : ''}</div></div>`;
  if (P.profile) b += `<p class="pr">${esc(P.profile)}</p>`;
  b += `<h2>${H.exp}</h2><div class="tl">${P.jobs.map(j => `<div class="it"><div class="h">${esc(head(j))}</div><div class="w">${esc(fmtRange(P, j.start, j.end, style, ' - ', 1))} · ${esc(dur(j.start, j.end))} · ${esc(j.city)}</div>${bullets(j)}</div>`).join('')}</div>`;
  b += `<h2>${H.edu}</h2><div class="tl">${P.edus.slice().reverse().map(e => `<div class="it"><div class="h">${esc(e.degree)}${e.field ? ` ${L.in} ${esc(e.field)}` : ''} ${L.at} ${esc(e.institution)}</div><div class="w">${esc(fmtRange(P, e.start, e.end, style, ' - ', 1))}</div></div>`).join('')}</div>`;
  b += `<h2>${H.skills}</h2><div class="grid">${[...P.skills.it, ...P.skills.hard, ...P.skills.soft, ...P.skills.dom].map(s => `<span>${esc(s)}</span>`).join('')}</div>`;
  b += `<h2>${H.lang}</h2><p>${P.langs.map(l => `${esc(langName(P, l.key))}: ${esc(levelText(P, l, mode))}`).join(' · ')}</p>`;
  if (P.hobbies.length) b += `<h2>${H.hob}</h2><p>${esc(P.hobbies.join(' · '))}</p>`;
  const css = `body { font-family: ${FONTS[2]}; } .hdr { display: flex; justify-content: space-between; align-items: flex-end; border-bottom: 3px solid #b5462b; padding-bottom: 4px; } h1 { font-size: 22pt; margin: 0; } .hl { color: #b5462b; }
    .ct { text-align: right; font-size: 9pt; } h2 { font-size: 11.5pt; color: #b5462b; text-transform: uppercase; margin: 12px 0 4px 0; } .tl { border-left: 2px solid #b5462b; margin-left: 4px; padding-left: 10px; }
    .it { margin-bottom: 7px; } .h { font-weight: bold; } .w { color: #666; font-size: 9pt; } .grid { display: grid; grid-template-columns: repeat(4, 1fr); gap: 2px 8px; } .pr { margin-top: 8px; }`;
  return { html: page(P, P.name, css, b), caps: { street: false, postal: false, levelMode: mode, workCity: true, jobDates: 'month', eduDates: 'month' } };
}
