// The spec of a Word-like table CV (label | value), written to DOCX by docx_table.py.
import { fmtRange, heads, LBL, phoneText, countryName, langName, levelText, birthText, addressParts, skillGroups, eduMain, eduFurther } from './common.mjs';

export function tableSpec(P) {
  const H = heads(P, 2), L = LBL[P.lang];
  const style = P.r.b < 0.5 ? 'slash' : 'dot';
  const mode = P.r.d < 0.5 ? 'word' : 'both';
  const [a1, a2] = addressParts(P);
  const showBirth = P.lang !== 'en';
  const personal = [[L.address, [a1, a2]], [L.phone, [phoneText(P, P.r.c < 0.6)]], [L.email, [P.email]], ...(P.linkedin ? [[L.linkedin, [`linkedin.com/in/${P.linkedin}`]]] : []), ...(showBirth ? [[L.birth, [birthText(P)]], [L.nat, [countryName(P.lang, P.natCode)]]] : [])];
  const sections = [{ heading: H.personal, rows: personal }];
  if (P.profile) sections.push({ heading: H.profile, rows: [['', [P.profile]]] });
  sections.push({ heading: H.exp, rows: P.jobs.map(j => [fmtRange(P, j.start, j.end, style), ['**' + j.position, `${j.company}, ${j.city}`, ...(j.summary ? [j.summary] : []), ...j.bullets.map(b => '- ' + b)]]) });
  sections.push({ heading: H.edu, rows: [...eduMain(P), ...eduFurther(P)].map(e => [fmtRange(P, e.start, e.end, style), ['**' + e.degree + (e.field ? ` – ${e.field}` : ''), e.institution]]) });
  sections.push({ heading: H.skills, rows: skillGroups(P).map(g => [g.name, [g.items.join(', ')]]) });
  sections.push({ heading: H.lang, rows: P.langs.map(l => [langName(P, l.key), [levelText(P, l, mode)]]) });
  if (P.hobbies.length) sections.push({ heading: H.hob, rows: [['', [P.hobbies.join(', ')]]] });
  return { spec: { name: P.name, headline: P.headline, lang: P.lang, sections }, caps: { state: P.country === 'US', levelMode: mode, workCity: true, personal: { birth: showBirth, nat: showBirth } } };
}
