// Generator of the widened CV corpus: every family of families.mjs renders its documents; truth in the
// schema of the development corpus, blanked where the extracted text does not show a value.
// usage: node generate.mjs --out DIR --work DIR --nm NODE_MODULES [--only FAMILY,...] [--truth-only 1]
// --truth-only: keep the documents, derive truth and manifest again (after a change of the truth rules)
import fs from 'fs';
import path from 'path';
import { spawnSync } from 'child_process';
import { fileURLToPath } from 'url';
import { makePerson, hashSeed } from './model.mjs';
import { toTruth, verify } from './common.mjs';
import { THEMES, toJsonResume, levelModeOf } from './themes.mjs';
import { sidebar, lebenslauf, timeline } from './html.mjs';
import { moderncv, europass } from './latex.mjs';
import { markdown, columns, wordMarkdown } from './text.mjs';
import { tableSpec } from './docx.mjs';
import { FAMILIES } from './families.mjs';

const HERE = path.dirname(fileURLToPath(import.meta.url));
const args = Object.fromEntries(process.argv.slice(2).reduce((a, x, i, arr) => { if (x.startsWith('--')) a.push([x.slice(2), arr[i + 1]]); return a; }, []));
const OUT = path.resolve(args.out), WORK = path.resolve(args.work), NM = path.resolve(args.nm);
const SEED = 'corpus-families-2026';
const TMP = path.join(WORK, 'tmp'); fs.rmSync(TMP, { recursive: true, force: true }); fs.mkdirSync(TMP, { recursive: true });
const truthOnly = !!args['truth-only'];
const families = args.only ? FAMILIES.filter(f => args.only.split(',').includes(f.id)) : FAMILIES;
for (const d of ['docs', 'truth']) {
  fs.mkdirSync(path.join(OUT, d), { recursive: true });
  if (!truthOnly) for (const f of fs.readdirSync(path.join(OUT, d))) if (families.some(fam => f.startsWith(fam.id + '_'))) fs.rmSync(path.join(OUT, d, f));
}

const run = (cmd, argv, opt = {}) => { const r = spawnSync(cmd, argv, { encoding: 'utf8', timeout: 120000, ...opt }); if (r.status !== 0) throw new Error(`${cmd} ${argv.slice(0, 3).join(' ')} failed (${r.status}): ${(r.stderr || r.stdout || '').slice(-1200)}`); return r.stdout; };
const chromium = process.env.PARSEJOBS_CHROMIUM || 'chromium';
function printPdf(htmlFile, pdfFile) {
  if (truthOnly) return;
  const prof = fs.mkdtempSync(path.join(WORK, 'chrome-'));
  try { run(chromium, ['--headless', '--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync', `--user-data-dir=${prof}`, '--no-pdf-header-footer', `--print-to-pdf=${pdfFile}`, 'file://' + htmlFile]); }
  finally { fs.rmSync(prof, { recursive: true, force: true }); }
}
function latexPdf(texSrc, name, pdfFile) {
  if (truthOnly) return;
  const dir = path.join(TMP, name); fs.mkdirSync(dir, { recursive: true });
  fs.writeFileSync(path.join(dir, 'cv.tex'), texSrc);
  // twice: europasscv's page footer needs the last page number; SOURCE_DATE_EPOCH keeps dates out of the bytes
  const env = { ...process.env, SOURCE_DATE_EPOCH: '1759276800', FORCE_SOURCE_DATE: '1' };
  for (let i = 0; i < 2; i++) run('pdflatex', ['-interaction=nonstopmode', '-halt-on-error', 'cv.tex'], { cwd: dir, env });
  fs.copyFileSync(path.join(dir, 'cv.pdf'), pdfFile);
}
// Themes link CDN assets that are not reachable offline: Bootstrap 3 and Font Awesome 4 come from npm, the rest is dropped.
function localize(html) {
  html = html.replace(/https?:\/\/[^"')\s]*bootstrap(\/3\.\d+\.\d+)?\/css\/bootstrap\.min\.css/g, 'file://' + path.join(NM, 'bootstrap/dist/css/bootstrap.min.css'));
  html = html.replace(/https?:\/\/[^"')\s]*font-awesome\/4\.7\.0\/css\/font-awesome\.min\.css/g, 'file://' + path.join(NM, 'font-awesome/css/font-awesome.min.css'));
  return html.replace(/<link[^>]*href=["']?(https?:)?\/\/[^>]*>/g, '').replace(/@import url\(["']?https?:[^)]*\);?/g, '').replace(/<script[^>]*src=["']?(https?:)?\/\/[^>]*><\/script>/g, '');
}
function extractText(file) {
  if (file.endsWith('.pdf')) return run('pdftotext', ['-enc', 'UTF-8', file, '-']);
  if (file.endsWith('.docx')) return run('pandoc', ['-s', '-f', 'docx', '-t', 'plain', '--wrap=none', file]); // -s: the Title paragraph is metadata to pandoc
  return fs.readFileSync(file, 'utf8');
}

const manifest = [];
const t0 = Date.now();
for (const fam of families) {
  const n = fam.count || fam.langs.length;
  for (let i = 0; i < n; i++) {
    const lang = fam.langs[i % fam.langs.length];
    const name = `${fam.id}_${i + 1}`;
    const P = makePerson(hashSeed(`${SEED}:${fam.id}:${i}`), lang);
    const ext = fam.format === 'pdf' ? 'pdf' : fam.format.startsWith('docx') ? 'docx' : 'txt';
    const docFile = path.join(OUT, 'docs', `${name}.${ext}`);
    const htmlFile = path.join(TMP, name + '.html');
    let caps;
    if (fam.kind === 'theme') {
      const jr = path.join(TMP, name + '.json');
      fs.writeFileSync(jr, JSON.stringify(toJsonResume(P), null, 2));
      run('node', [path.join(HERE, 'render_theme.mjs'), fam.theme, jr, htmlFile], { cwd: HERE });
      fs.writeFileSync(htmlFile, localize(fs.readFileSync(htmlFile, 'utf8')));
      printPdf(htmlFile, docFile);
      caps = { ...THEMES[fam.theme], levelMode: levelModeOf(P) };
    } else if (fam.kind === 'html') {
      const r = { sidebar, lebenslauf, timeline }[fam.tpl](P);
      fs.writeFileSync(htmlFile, r.html);
      if (ext === 'pdf') printPdf(htmlFile, docFile); else if (!truthOnly) run('pandoc', ['-f', 'html', '-t', 'docx', '-o', docFile, htmlFile]);
      caps = r.caps;
    } else if (fam.kind === 'moderncv' || fam.kind === 'europass') {
      const r = fam.kind === 'moderncv' ? moderncv(P, fam.style) : europass(P);
      latexPdf(r.tex, name, docFile);
      caps = r.caps;
    } else if (fam.kind === 'docxtable') {
      const r = tableSpec(P); const sp = path.join(TMP, name + '.spec.json');
      fs.writeFileSync(sp, JSON.stringify(r.spec));
      if (!truthOnly) run('python3', [path.join(HERE, 'docx_table.py'), sp, docFile]);
      caps = r.caps;
    } else if (fam.kind === 'wordmd') {
      const r = wordMarkdown(P); const md = path.join(TMP, name + '.md');
      fs.writeFileSync(md, r.text);
      if (!truthOnly) run('pandoc', ['-f', 'markdown', '-t', 'docx', '-o', docFile, md]);
      caps = r.caps;
    } else {
      const r = (fam.kind === 'markdown' ? markdown : columns)(P);
      if (!truthOnly) fs.writeFileSync(docFile, r.text);
      caps = r.caps;
    }
    const T = toTruth(P, caps);
    const dropped = verify(T, extractText(docFile));
    const meta = { doc: `docs/${name}.${ext}`, lang, renderer: fam.id, format: ext, converter: fam.format, country: P.country, dropped_by_visibility_check: dropped };
    fs.writeFileSync(path.join(OUT, 'truth', name + '.json'), JSON.stringify({ _meta: meta, data: T }, null, 2) + '\n');
    manifest.push({ name, ...meta, n_exp: T.experience.length, n_edu: T.education.length, n_skills: Object.values(T.skills).flat().length, n_lang: T.languages.length, bytes: fs.statSync(docFile).size });
    console.log(`${name} ${lang} ${fam.format} dropped=${dropped.length}${dropped.length ? ' [' + dropped.slice(0, 5).join('; ') + ']' : ''}`);
  }
}
// the manifest lists every document in OUT (also families not rebuilt by --only)
const cols = ['name', 'doc', 'lang', 'renderer', 'format', 'converter', 'country', 'n_exp', 'n_edu', 'n_skills', 'n_lang', 'bytes'];
const rows = fs.readdirSync(path.join(OUT, 'truth')).filter(f => f.endsWith('.json')).sort().map(f => {
  const t = JSON.parse(fs.readFileSync(path.join(OUT, 'truth', f), 'utf8')); const m = t._meta; const d = t.data;
  return { name: f.slice(0, -5), ...m, n_exp: d.experience.length, n_edu: d.education.length, n_skills: Object.values(d.skills).flat().length, n_lang: d.languages.length, bytes: fs.statSync(path.join(OUT, m.doc)).size };
});
fs.writeFileSync(path.join(OUT, 'manifest.csv'), cols.join(',') + '\n' + rows.map(m => cols.map(c => String(m[c]).replace(/,/g, ';')).join(',')).join('\n') + '\n');
console.log(`done: ${manifest.length} documents in ${((Date.now() - t0) / 1000).toFixed(0)} s`);
