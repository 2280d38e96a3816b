// Plain-text families (and the markdown that pandoc turns into DOCX): a markdown-style CV with ISO dates,
// a fixed-width CV with a padded date column, and a Word-like markdown with "Title, Company" then a date line.
import { fmtDate, fmtRange, heads, LBL, phoneText, countryName, langName, levelText, birthText, addressParts, skillGroups, eduMain, eduFurther } from './common.mjs';

export function markdown(P) {
  const H = heads(P, 3), L = LBL[P.lang];
  const mode = P.r.d < 0.5 ? 'code' : 'both';
  const [a1, a2] = addressParts(P);
  let s = `# ${P.name}\n\n${P.headline} · ${a1}, ${a2} · ${P.phone.intl} · ${P.email}${P.linkedin ? ` · linkedin.com/in/${P.linkedin}` : ''}\n`;
  if (P.profile) s += `\n## ${H.profile}\n\n${P.profile}\n`;
  s += `\n## ${H.exp}\n`;
  for (const j of P.jobs) {
    s += `\n**${j.position}** | ${j.company} | ${j.city} | ${fmtRange(P, j.start, j.end, 'iso', ' — ', 2)}\n\n`;
    if (j.summary) s += `${j.summary}\n\n`;
    for (const b of j.bullets) s += `* ${b}\n`;
  }
  s += `\n## ${H.edu}\n\n`;
  for (const e of P.edus.slice().reverse()) s += `* ${fmtRange(P, e.start, e.end, 'iso', ' — ', 2)}: ${e.degree}${e.field ? ` (${e.field})` : ''}, ${e.institution}\n`;
  s += `\n## ${H.skills}\n\n` + skillGroups(P).map(g => `* ${g.name}: ${g.items.join(', ')}\n`).join('');
  s += `\n## ${H.lang}\n\n` + P.langs.map(l => `* ${langName(P, l.key)} — ${levelText(P, l, mode)}\n`).join('');
  if (P.hobbies.length) s += `\n## ${H.hob}\n\n${P.hobbies.join(', ')}\n`;
  return { text: s, caps: { state: P.country === 'US', levelMode: mode, workCity: true } };
}

export function columns(P) {
  const H = heads(P, 1), L = LBL[P.lang];
  const style = P.r.b < 0.5 ? 'dot' : 'month';
  const mode = P.r.d < 0.5 ? 'word' : 'both';
  const W = 24, padR = (x) => x.length > W - 2 ? x + '  ' : x.padEnd(W, ' '); // a long range keeps two spaces before the title
  const [a1, a2] = addressParts(P);
  const head = (t) => `\n${t.toUpperCase()}\n${'-'.repeat(60)}\n`;
  let s = `${P.name.toUpperCase()}\n${P.headline}\n`;
  s += head(H.personal);
  const kv = [[L.address, `${a1}, ${a2}`], [L.phone, phoneText(P, P.r.c < 0.5)], [L.email, P.email], ...(P.linkedin ? [[L.linkedin, `linkedin.com/in/${P.linkedin}`]] : []), [L.birth, birthText(P)], [L.nat, countryName(P.lang, P.natCode)]];
  for (const [k, v] of kv) s += `${padR(k + ':')}${v}\n`;
  if (P.profile) s += head(H.profile) + P.profile + '\n';
  s += head(H.exp);
  for (const j of P.jobs) {
    s += `${padR(fmtRange(P, j.start, j.end, style, ' - '))}${j.position}\n${padR('')}${j.company}, ${j.city}\n`;
    if (j.summary) s += `${padR('')}${j.summary}\n`;
    for (const b of j.bullets) s += `${padR('')}- ${b}\n`;
    s += '\n';
  }
  s += head(H.edu);
  for (const e of [...eduMain(P), ...eduFurther(P)]) s += `${padR(fmtRange(P, e.start, e.end, style, ' - '))}${e.degree}${e.field ? `, ${e.field}` : ''}\n${padR('')}${e.institution}\n`;
  s += head(H.skills) + skillGroups(P).map(g => `${padR(g.name + ':')}${g.items.join(', ')}\n`).join('');
  s += head(H.lang) + P.langs.map(l => `${padR(langName(P, l.key) + ':')}${levelText(P, l, mode)}\n`).join('');
  if (P.hobbies.length) s += head(H.hob) + P.hobbies.join(', ') + '\n';
  return { text: s, caps: { state: P.country === 'US', levelMode: mode, workCity: true, personal: { birth: true, nat: true } } };
}

// markdown for pandoc → DOCX: "Title, Company" as a heading, then an italic date | city line
export function wordMarkdown(P) {
  const H = heads(P, 2), L = LBL[P.lang];
  const style = P.r.b < 0.5 ? 'month' : 'short';
  const mode = P.r.d < 0.5 ? 'word' : 'code';
  const [a1, a2] = addressParts(P);
  let s = `---\ntitle: "${P.name}"\nsubtitle: "${P.headline}"\n---\n\n${a1} · ${a2}  \n${L.phone}: ${phoneText(P, P.r.c < 0.5)} · ${P.email}${P.linkedin ? `  \n${L.linkedin}: linkedin.com/in/${P.linkedin}` : ''}\n`;
  if (P.profile) s += `\n# ${H.profile}\n\n${P.profile}\n`;
  s += `\n# ${H.exp}\n`;
  for (const j of P.jobs) {
    s += `\n## ${j.position}, ${j.company}\n\n*${fmtRange(P, j.start, j.end, style)} | ${j.city}*\n\n`;
    if (j.summary) s += `${j.summary}\n\n`;
    for (const b of j.bullets) s += `- ${b}\n`;
  }
  s += `\n# ${H.edu}\n`;
  for (const e of [...eduMain(P), ...eduFurther(P)]) s += `\n## ${e.degree}${e.field ? `, ${e.field}` : ''}\n\n${e.institution}, *${fmtRange(P, e.start, e.end, style)}*\n`;
  s += `\n# ${H.skills}\n\n` + skillGroups(P).map(g => `**${g.name}:** ${g.items.join(', ')}\n\n`).join('');
  s += `# ${H.lang}\n\n` + P.langs.map(l => `- ${langName(P, l.key)}: ${levelText(P, l, mode)}\n`).join('');
  if (P.hobbies.length) s += `\n# ${H.hob}\n\n${P.hobbies.join(', ')}\n`;
  return { text: s, caps: { state: P.country === 'US', levelMode: mode, workCity: true } };
}
