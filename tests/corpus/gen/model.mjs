// One synthetic person (internal model) from a seed. Names and street names come from faker's
// locales; everything else from vocab.mjs. "Today" is fixed so that the output never depends on the run date.
import { fakerEN_US, fakerEN_GB, fakerDE, fakerDE_CH, fakerFR, fakerFR_CH, fakerIT } from '@faker-js/faker';
import { V, SENT } from './vocab.mjs';

export const REF = { y: 2025, m: 10 };
const FAKERS = { EN_US: fakerEN_US, EN_GB: fakerEN_GB, DE: fakerDE, DE_CH: fakerDE_CH, FR: fakerFR, FR_CH: fakerFR_CH, IT: fakerIT };

export function hashSeed(s) { // FNV-1a 32 bit
  let h = 0x811c9dc5;
  for (const ch of String(s)) { h ^= ch.codePointAt(0); h = Math.imul(h, 0x01000193) >>> 0; }
  return h >>> 0;
}
export const translit = (s) => s.normalize('NFKD').replace(/[\u0300-\u036f]/g, '').replace(/ß/g, 'ss').replace(/[^A-Za-z0-9]+/g, '').toLowerCase();
export const addMonths = (d, k) => { const t = d.y * 12 + (d.m - 1) + k; return { y: Math.floor(t / 12), m: (t % 12) + 1 }; };
const cmp = (a, b) => (a.y * 12 + a.m) - (b.y * 12 + b.m);

export function makePerson(seed, lang) {
  for (const f of Object.values(FAKERS)) f.seed(seed);
  const R = FAKERS.EN_US;
  const pick = (a) => R.helpers.arrayElement(a);
  const chance = (p) => R.number.float({ min: 0, max: 1 }) < p;
  const int = (a, b) => R.number.int({ min: a, max: b });
  const sample = (a, n) => R.helpers.arrayElements(a, Math.min(n, a.length));

  const country = lang === 'en' ? pick(['GB', 'US', 'CH', 'US', 'GB', 'DE']) : lang === 'de' ? pick(['CH', 'DE', 'CH']) : lang === 'fr' ? pick(['CH', 'FR']) : pick(['CH', 'IT']);
  const nameLoc = { GB: 'EN_GB', US: 'EN_US', DE: 'DE', FR: 'FR', IT: 'IT', CH: { en: 'DE_CH', de: 'DE_CH', fr: 'FR_CH', it: 'IT' }[lang] }[country];
  const NF = FAKERS[nameLoc];
  const sex = chance(0.5) ? 'female' : 'male';
  const first = NF.person.firstName(sex), last = NF.person.lastName();
  let cities = V.cities[country];
  if (country === 'CH') { const reg = { de: ['BE', 'SG', 'ZH', 'SH', 'TG', 'SO', 'BL', 'LU', 'GR'], fr: ['VD', 'NE', 'VS'], it: ['TI'], en: null }[lang]; if (reg) cities = cities.filter(c => reg.includes(c[2])); }
  const [city, postal, state] = pick(cities);
  const SF = { CH: NF, DE: FAKERS.DE, FR: FAKERS.FR, IT: FAKERS.IT, GB: FAKERS.EN_GB, US: FAKERS.EN_US }[country];
  const num = String(int(2, 98));
  const streetName = SF.location.street();
  const street = ['FR', 'GB', 'US'].includes(country) || (country === 'CH' && lang === 'fr') ? `${num} ${streetName}` : `${streetName} ${num}`;
  const domains = { CH: ['hispeed.ch', 'gmx.net', 'proton.me', 'yahoo.com'], DE: ['posteo.de', 'mail.de', 'freenet.de'], FR: ['laposte.net', 'sfr.fr', 'proton.me'], IT: ['tiscali.it', 'alice.it', 'proton.me'], GB: ['btinternet.com', 'hotmail.co.uk', 'proton.me'], US: ['aol.com', 'hey.com', 'proton.me'] }[country];
  const email = pick([
    () => `${translit(first)}.${translit(last)}@${pick(domains)}`,
    () => `${translit(first)[0]}${translit(last)}@${pick(domains)}`,
    () => `${translit(last)}.${translit(first)}${int(10, 99)}@${pick(domains)}`,
  ])();
  const phone = makePhone(country, R);
  const linkedin = chance(0.6) ? `${translit(first)}${translit(last)}${pick(['', '-' + int(10, 999)])}` : '';

  const techPick = () => pick(V.titles[lang]);
  const title = () => { const t = techPick(); return Array.isArray(t) ? (sex === 'female' ? t[1] : t[0]) : t; };
  let tech = true;
  const lc = (s) => lang === 'de' ? s : s.charAt(0).toLowerCase() + s.slice(1);
  const fill = (tpl, t) => tpl.replace(/\{(\w+)\}/g, (_, k) => ({
    it: () => pick(tech ? V.it_skills : V.biz_it), bi: () => pick(['Looker', 'Qlik', 'Grafana']), hard: () => lc(pick(V.hard_skills[lang])),
    domain: () => lc(pick(V.domains[lang])), n: () => String(int(3, 14)), n0: () => String(int(3, 30) * 40), pct: () => String(int(6, 38)),
    title: () => t, y: () => String(int(4, 18)),
  }[k] || (() => k))());
  const pool = (arr) => arr.filter(x => x[0] === 'g' || x[0] === (tech ? 't' : 'b')).map(x => x.slice(2));

  const jobs = [];
  const end0 = chance(0.45) ? null : addMonths(REF, -int(1, 6));
  let cursor = end0 || REF;
  const nJobs = int(2, 4);
  for (let i = 0; i < nJobs; i++) {
    const start = addMonths(cursor, -int(10, 54));
    const jc = chance(0.85) ? country : pick(['CH', 'DE', 'GB', 'US', 'FR', 'IT']);
    const [jcity] = pick(V.cities[jc]);
    const position = title();
    tech = V.techRe.test(position);
    const summary = chance(0.5) ? fill(pick(pool(SENT[lang].summary)), position) : '';
    const bullets = sample(pool(SENT[lang].bullets), int(summary ? 1 : 2, 3)).map(b => fill(b, position));
    jobs.push({ company: makeCompany(R, FAKERS, lang, jc), position, start, end: i === 0 ? end0 : addMonths(cursor, 0), city: jcity, country: jc, summary, bullets });
    cursor = addMonths(start, -int(1, 4));
  }
  const careerStart = jobs[jobs.length - 1].start;

  const dg = V.degrees[lang];
  const kind = (k, lv) => dg.filter(d => d[2] === k && (!lv || d[1] === lv));
  const path = [];
  if ((country === 'CH' || country === 'DE') && lang !== 'en' && chance(0.3)) { path.push(pick(kind('voc'))); if (chance(0.6)) path.push(pick(kind('further'))); }
  else { path.push(pick(kind('uni', 'bachelor'))); if (chance(0.6)) path.push(pick(kind('uni', 'master'))); else if (chance(0.5)) path.push(pick(kind('further'))); }
  const edus = [];
  let ecur = addMonths(careerStart, -int(1, 3));
  const main = path.filter(d => d[2] !== 'further');
  const mkEdu = (d, s, e, further) => {
    let inst, itype;
    if (d[2] === 'voc') { inst = pick(V.vocational[country] || V.vocational.CH); itype = 'vocational_school'; }
    else { inst = pick(chance(0.8) ? V.universities[country] : V.universities[pick(['CH', 'DE', 'GB', 'FR', 'IT', 'US'])]); itype = /Fachhochschule|Hochschule|HES|Haute école|Kalaidos|HES-SO|SUPSI/.test(inst) ? 'university_of_applied_sciences' : 'university'; }
    const field = d[2] === 'uni' && d[1] !== 'doctorate' ? pick(V.fields[lang]) : '';
    const gpa = chance(0.3) ? ({ CH: pick(['5.2', '5.4', '5.0']), DE: pick(['1,6', '2,1']), GB: pick(['2:1', 'First']), US: pick(['3.6', '3.9']), FR: pick(['13/20', '16/20']), IT: pick(['102/110', '110/110']) }[country]) : '';
    return { degree: d[0], level: d[1], institution: inst, itype, field, start: s, end: e, further, gpa };
  };
  for (let i = main.length - 1; i >= 0; i--) {
    const d = main[i]; const len = { bachelor: 36, master: 24, doctorate: 42, apprenticeship: 36, diploma: 48 }[d[1]] || 36;
    const s = addMonths(ecur, -len); edus.unshift(mkEdu(d, s, ecur, false)); ecur = addMonths(s, -int(0, 3));
  }
  for (const d of path.filter(d => d[2] === 'further')) {
    const j = pick(jobs); const s = addMonths(j.start, int(1, 6)); const e = addMonths(s, int(6, 12));
    edus.push(mkEdu(d, s, cmp(e, REF) > 0 ? null : e, true));
  }
  const birth = { y: edus[0].start.y - (path[0][2] === 'voc' ? 16 : 19) - int(0, 1), m: int(1, 12), d: int(1, 28) };

  tech = V.techRe.test(jobs[0].position);
  const skills = { it: sample(tech ? V.it_skills : V.biz_it, int(3, 9)), hard: sample(V.hard_skills[lang], int(1, 4)), soft: sample(V.soft_skills[lang], int(1, 3)), dom: chance(0.35) ? sample(V.domains[lang], int(1, 2)) : [] };
  const native = lang === 'en' ? (country === 'DE' ? 'de' : country === 'CH' ? pick(['de', 'en']) : 'en') : lang;
  const others = ['en', 'de', 'fr', 'it', 'es', 'pt', 'nl', 'ru', 'tr', 'pl'].filter(x => x !== native);
  const langs = [native, ...sample(others.slice(0, 4), int(1, 2)), ...(chance(0.2) ? sample(others.slice(4), 1) : [])].map((k, i) => {
    const cefr = i === 0 ? 'C2' : pick(['C1', 'B2', 'B2', 'B1', 'A2', 'A1']);
    return { key: k, cefr, word: pick(V.levelWords[lang][cefr]) };
  });
  const hobbies = chance(0.75) ? sample(V.hobbies[lang], int(2, 4)) : [];
  const headline = jobs[0].position;
  const profile = chance(0.65) ? fill(pick(SENT[lang].profile), headline) : '';
  return {
    lang, country, sex, first, last, name: `${first} ${last}`, street, city, postal, state, email, phone, linkedin,
    birth, natCode: chance(0.8) ? country : pick(['DE', 'IT', 'FR', 'PT', 'AT', 'ES', 'NL']), civil: pick(V.civil[lang]), availability: pick(V.availability[lang]),
    headline, profile, jobs, edus, skills, langs, hobbies,
    // per-document style dice a renderer may use
    r: { a: R.number.float({ min: 0, max: 1 }), b: R.number.float({ min: 0, max: 1 }), c: R.number.float({ min: 0, max: 1 }), d: R.number.float({ min: 0, max: 1 }) },
  };
}

function makePhone(country, R) {
  const d = (n) => R.string.numeric({ length: n, allowLeadingZeros: true });
  switch (country) {
    case 'CH': { const p = R.helpers.arrayElement(['76', '77', '78', '79']); const a = d(3), b = d(2), c = d(2); return { e164: `+41${p}${a}${b}${c}`, intl: `+41 ${p} ${a} ${b} ${c}`, nat: `0${p} ${a} ${b} ${c}` }; }
    case 'DE': { const p = R.helpers.arrayElement(['157', '162', '172', '177']); const a = d(7); return { e164: `+49${p}${a}`, intl: `+49 ${p} ${a}`, nat: `0${p} ${a}` }; }
    case 'FR': { const p = R.helpers.arrayElement(['6', '7']); const g = [d(2), d(2), d(2), d(2)]; return { e164: `+33${p}${g.join('')}`, intl: `+33 ${p} ${g.join(' ')}`, nat: `0${p} ${g.join(' ')}` }; }
    case 'IT': { const p = '3' + d(2); const a = d(3), b = d(4); return { e164: `+39${p}${a}${b}`, intl: `+39 ${p} ${a} ${b}`, nat: `${p} ${a} ${b}` }; }
    case 'GB': { const a = d(3); return { e164: `+447700900${a}`, intl: `+44 7700 900${a}`, nat: `07700 900${a}` }; }
    default: { const area = R.helpers.arrayElement(['303', '503', '404', '612', '919', '412']); const x = '01' + d(2); return { e164: `+1${area}555${x}`, intl: `+1 ${area} 555 ${x}`, nat: `(${area}) 555-${x}` }; }
  }
}

function makeCompany(R, F, lang, country) {
  const NF = { CH: lang === 'fr' ? F.FR_CH : lang === 'it' ? F.IT : F.DE_CH, DE: F.DE, FR: F.FR, IT: F.IT, GB: F.EN_GB, US: F.EN_US }[country];
  const wl = { CH: lang === 'en' ? 'de' : lang, DE: 'de', FR: 'fr', IT: 'it', GB: 'en', US: 'en' }[country];
  const suf = R.helpers.arrayElement(V.companySuffix[country]);
  const r = R.number.float({ min: 0, max: 1 });
  if (r < 0.6) return `${NF.person.lastName()} ${R.helpers.arrayElement(V.companyWord[wl])} ${suf}`;
  if (r < 0.8) return `${NF.location.city()} ${R.helpers.arrayElement(V.companyWord[wl])} ${suf}`;
  return `${NF.person.lastName()} + ${NF.person.lastName()} ${suf}`;
}
