// LaTeX CV classes from Debian's TeX Live: moderncv (styles classic, casual, banking, oldstyle) and europasscv.
// Compiled with pdflatex; moderncv's icon fonts (fontawesome5, texlive-fonts-extra) are avoided with
// `nosymbols`, so the small texlive-latex-extra suffices.
import { fmtDate, fmtRange, heads, LBL, phoneText, countryName, langName, levelText, birthText, addressParts, skillGroups, eduMain, eduFurther } from './common.mjs';

export const tex = (s) => String(s ?? '').replace(/\\/g, '\\textbackslash{}').replace(/([&%$#_{}])/g, '\\$1').replace(/~/g, '\\textasciitilde{}').replace(/\^/g, '\\textasciicircum{}').replace(/–/g, '--');

export function moderncv(P, style) {
  const H = heads(P, { classic: 1, casual: 0, banking: 2, oldstyle: 3 }[style]), L = LBL[P.lang];
  const ds = { classic: 'slash', casual: 'month', banking: 'short', oldstyle: 'dot' }[style];
  const national = P.r.c < 0.5, mode = P.r.d < 0.4 ? 'word' : P.r.d < 0.7 ? 'code' : 'both';
  const color = { classic: 'blue', casual: 'green', banking: 'black', oldstyle: 'burgundy' }[style];
  const [a1, a2] = addressParts(P);
  const showBirth = P.lang !== 'en' && P.r.a < 0.6;
  const [first, ...rest] = P.name.split(' ');
  let t = `\\documentclass[11pt,a4paper,sans,nosymbols]{moderncv}\n\\moderncvstyle{${style}}\n\\moderncvcolor{${color}}\n\\usepackage[utf8]{inputenc}\n\\usepackage[T1]{fontenc}\n\\usepackage{lmodern}\n\\usepackage[scale=0.8]{geometry}\n`;
  t += `\\name{${tex(first)}}{${tex(rest.join(' '))}}\n\\title{${tex(P.headline)}}\n\\address{${tex(a1)}}{${tex(a2)}}{${tex(countryName(P.lang, P.country))}}\n\\phone[mobile]{${tex(phoneText(P, national))}}\n\\email{${tex(P.email)}}\n`;
  if (P.linkedin) t += `\\social[linkedin]{${tex(P.linkedin)}}\n`;
  if (showBirth) t += `\\extrainfo{${tex(L.birth)}: ${tex(birthText(P))}}\n`;
  t += `\\begin{document}\n\\makecvtitle\n`;
  if (P.profile) t += `\\section{${tex(H.profile)}}\n\\cvitem{}{${tex(P.profile)}}\n`;
  const body = (j) => [j.summary, ...j.bullets].filter(Boolean).map(tex).join('\\newline{}');
  t += `\\section{${tex(H.exp)}}\n` + P.jobs.map(j => `\\cventry{${tex(fmtRange(P, j.start, j.end, ds))}}{${tex(j.position)}}{${tex(j.company)}}{${tex(j.city)}}{}{${body(j)}}\n`).join('');
  t += `\\section{${tex(H.edu)}}\n` + [...eduMain(P), ...eduFurther(P)].map(e => `\\cventry{${tex(fmtRange(P, e.start, e.end, ds))}}{${tex(e.degree)}}{${tex(e.institution)}}{}{${tex(e.field)}}{}\n`).join('');
  t += `\\section{${tex(H.skills)}}\n` + skillGroups(P).map(g => `\\cvitem{${tex(g.name)}}{${tex(g.items.join(', '))}}\n`).join('');
  t += `\\section{${tex(H.lang)}}\n` + P.langs.map(l => `\\cvitem{${tex(langName(P, l.key))}}{${tex(levelText(P, l, mode))}}\n`).join('');
  if (P.hobbies.length) t += `\\section{${tex(H.hob)}}\n\\cvitem{}{${tex(P.hobbies.join(', '))}}\n`;
  t += `\\end{document}\n`;
  return { tex: t, caps: { state: P.country === 'US', country: 'name', workCity: true, levelMode: mode, personal: { birth: showBirth } } };
}

// europasscv: the Europass layout (label column right-aligned, grey, value column on the right)
export function europass(P) {
  const H = heads(P, 0), L = LBL[P.lang];
  const national = P.r.c < 0.3, mode = P.r.d < 0.5 ? 'word' : 'both';
  const ds = P.r.b < 0.5 ? 'month' : 'slash';
  const [a1, a2] = addressParts(P);
  const ecvLang = { en: 'english', de: 'german', fr: 'french', it: 'italian' }[P.lang];
  let t = `\\documentclass[${ecvLang},a4paper]{europasscv}\n\\usepackage[T1]{fontenc}\n\\usepackage{lmodern}\n`;
  t += `\\ecvname{${tex(P.name)}}\n\\ecvaddress{${tex(a1)}, ${tex(a2)}, ${tex(countryName(P.lang, P.country))}}\n\\ecvtelephone{${tex(phoneText(P, national))}}\n\\ecvemail{${tex(P.email)}}\n`;
  if (P.linkedin) t += `\\ecvlinkedinpage{linkedin.com/in/${tex(P.linkedin)}}\n`;
  t += `\\ecvdateofbirth{${tex(birthText(P))}}\n\\ecvnationality{${tex(countryName(P.lang, P.natCode))}}\n`;
  t += `\\begin{document}\n\\begin{europasscv}\n\\ecvpersonalinfo\n`;
  if (P.profile) t += `\\ecvsection{${tex(H.profile)}}\n\\ecvitem{}{${tex(P.profile)}}\n`;
  t += `\\ecvsection{${tex(H.exp)}}\n` + P.jobs.map(j => `\\ecvtitle{${tex(fmtRange(P, j.start, j.end, ds))}}{${tex(j.position)}}\n\\ecvitem{}{${tex(j.company)}, ${tex(j.city)}}\n` + [j.summary, ...j.bullets].filter(Boolean).map(x => `\\ecvitem{}{${tex(x)}}\n`).join('') + `\\smallskip\n`).join('');
  t += `\\ecvsection{${tex(H.edu)}}\n` + [...eduMain(P), ...eduFurther(P)].map(e => `\\ecvtitle{${tex(fmtRange(P, e.start, e.end, ds))}}{${tex(e.degree)}${e.field ? ` -- ${tex(e.field)}` : ''}}\n\\ecvitem{}{${tex(e.institution)}}\n`).join('');
  t += `\\ecvsection{${tex(H.skills)}}\n` + skillGroups(P).map(g => `\\ecvitem{${tex(g.name)}}{${tex(g.items.join(', '))}}\n`).join('');
  t += `\\ecvsection{${tex(H.lang)}}\n` + P.langs.map(l => `\\ecvitem{${tex(langName(P, l.key))}}{${tex(levelText(P, l, mode))}}\n`).join('');
  if (P.hobbies.length) t += `\\ecvsection{${tex(H.hob)}}\n\\ecvitem{}{${tex(P.hobbies.join(', '))}}\n`;
  t += `\\end{europasscv}\n\\end{document}\n`;
  return { tex: t, caps: { state: P.country === 'US', country: 'name', levelMode: mode, personal: { birth: true, nat: true } } };
}
