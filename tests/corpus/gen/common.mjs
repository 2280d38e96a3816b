// Shared pieces of every family: headings, date and phone formats, the ground truth in the target schema
// (only what the family shows) and the visibility check against the document's extracted text.
import { V } from './vocab.mjs';

export const esc = (s) => String(s ?? '').replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
export const pad = (n) => String(n).padStart(2, '0');
export const MONTHS = {
  en: ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'],
  de: ['Januar', 'Februar', 'März', 'April', 'Mai', 'Juni', 'Juli', 'August', 'September', 'Oktober', 'November', 'Dezember'],
  fr: ['janvier', 'février', 'mars', 'avril', 'mai', 'juin', 'juillet', 'août', 'septembre', 'octobre', 'novembre', 'décembre'],
  it: ['gennaio', 'febbraio', 'marzo', 'aprile', 'maggio', 'giugno', 'luglio', 'agosto', 'settembre', 'ottobre', 'novembre', 'dicembre'],
};
const SHORT = {
  en: ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'],
  de: ['Jan.', 'Feb.', 'März', 'Apr.', 'Mai', 'Juni', 'Juli', 'Aug.', 'Sept.', 'Okt.', 'Nov.', 'Dez.'],
  fr: ['janv.', 'févr.', 'mars', 'avr.', 'mai', 'juin', 'juil.', 'août', 'sept.', 'oct.', 'nov.', 'déc.'],
  it: ['gen.', 'feb.', 'mar.', 'apr.', 'mag.', 'giu.', 'lug.', 'ago.', 'set.', 'ott.', 'nov.', 'dic.'],
};

// Headings: several synonyms per language; a family picks one set by index so that families differ.
export const HEAD = {
  en: { exp: ['Employment History', 'Career', 'Professional Experience', 'Work History'], edu: ['Education', 'Academic Background', 'Qualifications'], skills: ['Skills', 'Expertise', 'Competencies'], lang: ['Languages', 'Language Skills'], hob: ['Interests', 'Hobbies', 'Outside Work'], profile: ['Summary', 'About Me', 'Profile'], personal: ['Personal Details', 'Personal Information'], contact: ['Contact', 'Contact Details'], further: ['Further Training', 'Certificates and Courses'] },
  de: { exp: ['Beruflicher Werdegang', 'Berufserfahrung', 'Berufliche Stationen', 'Praxis'], edu: ['Ausbildung', 'Bildungsweg', 'Schule und Studium'], skills: ['Kenntnisse', 'Kompetenzen', 'Fähigkeiten'], lang: ['Sprachen', 'Sprachkenntnisse'], hob: ['Hobbys', 'Freizeit', 'Interessen'], profile: ['Kurzprofil', 'Über mich', 'Profil'], personal: ['Persönliche Daten', 'Zur Person'], contact: ['Kontakt', 'Kontaktdaten'], further: ['Weiterbildung', 'Zertifikate und Kurse'] },
  fr: { exp: ['Parcours professionnel', 'Expérience professionnelle', 'Expériences'], edu: ['Formation', 'Études', 'Diplômes'], skills: ['Compétences', 'Savoir-faire'], lang: ['Langues', 'Compétences linguistiques'], hob: ['Centres d\'intérêt', 'Loisirs'], profile: ['Profil', 'À propos'], personal: ['Informations personnelles', 'État civil'], contact: ['Coordonnées', 'Contact'], further: ['Formation continue', 'Certificats'] },
  it: { exp: ['Esperienze lavorative', 'Esperienza professionale', 'Percorso professionale'], edu: ['Istruzione', 'Formazione', 'Studi'], skills: ['Competenze', 'Capacità'], lang: ['Lingue', 'Conoscenze linguistiche'], hob: ['Interessi', 'Tempo libero'], profile: ['Profilo', 'Chi sono'], personal: ['Dati personali', 'Informazioni personali'], contact: ['Contatti', 'Recapiti'], further: ['Formazione continua', 'Certificazioni'] },
};
export const LBL = {
  en: { name: 'Name', address: 'Address', phone: 'Mobile', email: 'E-mail', linkedin: 'LinkedIn', birth: 'Date of birth', nat: 'Nationality', civil: 'Marital status', avail: 'Available', it: 'IT', hard: 'Professional', soft: 'Personal', dom: 'Sectors', present: ['Present', 'Current', 'today', 'now'], since: 'since', grade: 'Grade', at: 'at', in: 'in' },
  de: { name: 'Name', address: 'Adresse', phone: 'Mobil', email: 'E-Mail', linkedin: 'LinkedIn', birth: 'Geburtsdatum', nat: 'Staatsangehörigkeit', civil: 'Familienstand', avail: 'Eintritt', it: 'Informatik', hard: 'Fachlich', soft: 'Persönlich', dom: 'Branchen', present: ['heute', 'aktuell', 'dato'], since: 'seit', grade: 'Note', at: 'bei', in: 'in' },
  fr: { name: 'Nom', address: 'Adresse', phone: 'Portable', email: 'Courriel', linkedin: 'LinkedIn', birth: 'Date de naissance', nat: 'Nationalité', civil: 'Situation familiale', avail: 'Disponibilité', it: 'Informatique', hard: 'Métier', soft: 'Savoir-être', dom: 'Secteurs', present: ["aujourd'hui", 'à ce jour', 'présent'], since: 'depuis', grade: 'Note', at: 'chez', in: 'en' },
  it: { name: 'Nome', address: 'Indirizzo', phone: 'Cellulare', email: 'Email', linkedin: 'LinkedIn', birth: 'Data di nascita', nat: 'Cittadinanza', civil: 'Stato civile', avail: 'Disponibilità', it: 'Informatica', hard: 'Tecniche', soft: 'Trasversali', dom: 'Settori', present: ['oggi', 'in corso', 'attuale'], since: 'dal', grade: 'Voto', at: 'presso', in: 'in' },
};
export const heads = (P, i) => Object.fromEntries(Object.entries(HEAD[P.lang]).map(([k, v]) => [k, v[i % v.length]]));

// date styles: dot 03.2021 | slash 03/2021 | month März 2021 | short Mar 2021 | comma Mar, 2021 | iso 2021-03 | year 2021
export function fmtDate(P, d, style, presentIdx = 0) {
  if (!d) return LBL[P.lang].present[presentIdx % LBL[P.lang].present.length];
  switch (style) {
    case 'slash': return `${pad(d.m)}/${d.y}`;
    case 'month': return `${MONTHS[P.lang][d.m - 1]} ${d.y}`;
    case 'short': return `${SHORT[P.lang][d.m - 1]} ${d.y}`;
    case 'comma': return `${SHORT.en[d.m - 1]}, ${d.y}`;
    case 'iso': return `${d.y}-${pad(d.m)}`;
    case 'year': return String(d.y);
    default: return `${pad(d.m)}.${d.y}`;
  }
}
export const fmtRange = (P, s, e, style, dash = ' – ', presentIdx = 0) => `${fmtDate(P, s, style)}${dash}${fmtDate(P, e, style, presentIdx)}`;
export const phoneText = (P, national) => national ? P.phone.nat : P.phone.intl;
export const countryName = (lang, code) => V.countryNames[lang][code] || code;
export const langName = (P, k) => V.langNames[P.lang][k];
// level as printed: the word, the CEFR code, or both (mode from the document's dice)
export function levelText(P, l, mode) {
  if (mode === 'code') return l.cefr;
  if (mode === 'both') return `${l.word} (${l.cefr})`;
  return l.word;
}
export function birthText(P) {
  const b = P.birth;
  if (P.lang === 'en') return `${b.d} ${MONTHS.en[b.m - 1]} ${b.y}`;
  if (P.lang === 'fr' || P.lang === 'it') return `${pad(b.d)}/${pad(b.m)}/${b.y}`;
  return `${pad(b.d)}.${pad(b.m)}.${b.y}`;
}
export function addressParts(P) {
  if (P.country === 'GB') return [P.street, `${P.city} ${P.postal}`];
  if (P.country === 'US') return [P.street, `${P.city}, ${P.state} ${P.postal}`];
  return [P.street, `${P.postal} ${P.city}`];
}
export function skillGroups(P) {
  const L = LBL[P.lang]; const g = [];
  if (P.skills.it.length) g.push({ key: 'it', name: L.it, items: P.skills.it });
  if (P.skills.hard.length) g.push({ key: 'hard', name: L.hard, items: P.skills.hard });
  if (P.skills.soft.length) g.push({ key: 'soft', name: L.soft, items: P.skills.soft });
  if (P.skills.dom.length) g.push({ key: 'dom', name: L.dom, items: P.skills.dom });
  return g;
}
export const eduMain = (P) => P.edus.filter(e => !e.further).slice().reverse();
export const eduFurther = (P) => P.edus.filter(e => e.further).slice().reverse();

// ------------------------------------------------------------ truth
// caps: what the family prints. street/postal/city/state: bool; country: 'name'|'code'|''; workCity;
// jobDates/eduDates: 'month'|'year'|'none'; languages: 'full'|'names'; levelMode: as levelText;
// personal: {birth, nat, civil, avail}; summary, linkedin, hobbies, gpa: bool; eduOrder: 'main-first'|'chrono-desc'
const mm = (d, how) => !d ? '' : how === 'year' ? String(d.y) : `${pad(d.m)}.${d.y}`;
export function toTruth(P, caps) {
  const c = { street: true, postal: true, city: true, state: false, country: '', workCity: false, jobDates: 'month', eduDates: 'month', languages: 'full', levelMode: 'word', personal: {}, summary: true, linkedin: true, hobbies: true, gpa: false, eduOrder: 'main-first', ...caps };
  const pe = c.personal;
  const pi = {
    full_name: P.name, email: P.email, nationality: pe.nat ? countryName(P.lang, P.natCode) : '', gender: '', civil_status: pe.civil ? P.civil : '', car_license: false,
    birth_date: pe.birth ? `${P.birth.y}-${pad(P.birth.m)}-${pad(P.birth.d)}` : '', mobile_phone: P.phone.e164, home_phone: '',
    street_and_number: c.street ? P.street : '', city: c.city ? P.city : '', state: c.state ? P.state : '',
    country: c.country === 'code' ? P.country : c.country === 'name' ? countryName(c.countryLang || P.lang, P.country) : '',
    postal_code: c.postal ? P.postal : '', linkedin: c.linkedin && P.linkedin ? `https://www.linkedin.com/in/${P.linkedin}` : '', availability: pe.avail ? P.availability : '',
  };
  const experience = P.jobs.map((j, i) => ({
    id: `exp_${i + 1}`, company: j.company, position: j.position, employment_type: '',
    start_date: c.jobDates === 'none' ? '' : mm(j.start, c.jobDates), end_date: c.jobDates === 'none' ? '' : mm(j.end, c.jobDates),
    city: c.workCity ? j.city : '', state: '', country: c.workCountry ? countryName('en', j.country) : '', postal_code: '',
    description_1to1: [j.summary, ...j.bullets].filter(Boolean).join('\n'), reason_for_change: '',
  }));
  const order = c.eduOrder === 'chrono-desc' ? P.edus.slice().reverse() : [...eduMain(P), ...eduFurther(P)];
  const education = order.map((e, i) => ({
    id: `edu_${i + 1}`, institution: e.institution, institution_type: e.itype, city: '', state: '', country: '', postal_code: '',
    degree: e.degree, degree_level: e.level, field_of_study: e.field,
    start_date: c.eduDates === 'none' ? '' : mm(e.start, c.eduDates), end_date: c.eduDates === 'none' ? '' : mm(e.end, c.eduDates),
    concluded_successfully: !!e.end, is_further_education: !!e.further, gpa: c.gpa && e.gpa ? e.gpa : '', description_1to1: '',
  }));
  const languages = P.langs.map(l => c.languages === 'names' ? { language: langName(P, l.key), standard_proficiency: '', proficiency: '' }
    : { language: langName(P, l.key), standard_proficiency: l.cefr, proficiency: levelText(P, l, c.levelMode) });
  return {
    personal_info: pi, professional_summary: c.summary ? P.profile : '', personal_impression: '', experience, education,
    skills: { fields_of_experitse: [...P.skills.dom], hard_skills: [...P.skills.hard], it_skills: [...P.skills.it], soft_skills: [...P.skills.soft] },
    languages, hobbies_interests: c.hobbies ? [...P.hobbies] : [],
  };
}

// ------------------------------------------------------------ visibility check
// Blank every truth value the extracted text does not show (the rules of the development corpus).
// A value counts as shown when it appears between word boundaries (so that "German" is not found in "Germany"),
// or, for long values only, anywhere in the text with spaces and punctuation removed (letter-spaced headings,
// words broken over lines).
const N = (s) => String(s).normalize('NFKC').replace(/ß/g, 'ss').toLowerCase().replace(/[^\p{L}\p{N}]+/gu, '');
const W = (s) => ' ' + String(s).normalize('NFKC').replace(/ß/g, 'ss').toLowerCase().replace(/[^\p{L}\p{N}]+/gu, ' ').trim() + ' ';
export function verify(T, text) {
  const hay = N(text), words = W(text), digits = text.replace(/\D+/g, '');
  const dropped = [];
  const has = (v) => words.includes(W(v)) || (N(v).length >= 16 && hay.includes(N(v)));
  const chk = (o, k, w) => { if (o[k] && !has(o[k])) { dropped.push(`${w}.${k}=${o[k]}`); o[k] = ''; } };
  const pi = T.personal_info;
  for (const k of ['full_name', 'email', 'street_and_number', 'city', 'postal_code', 'state', 'country', 'nationality', 'civil_status', 'availability']) chk(pi, k, 'personal_info');
  if (pi.mobile_phone) { const nsn = pi.mobile_phone.replace(/^\+(41|49|33|39|44|1)/, '').replace(/\D/g, ''); if (!digits.includes(nsn)) { dropped.push('personal_info.mobile_phone'); pi.mobile_phone = ''; } }
  if (pi.linkedin && !has(pi.linkedin.replace(/^.*\/in\//, ''))) { dropped.push('personal_info.linkedin'); pi.linkedin = ''; }
  if (pi.birth_date && !text.includes(pi.birth_date.slice(0, 4))) { dropped.push('personal_info.birth_date'); pi.birth_date = ''; }
  chk(T, 'professional_summary', 'root');
  for (const e of T.experience) {
    for (const k of ['company', 'position', 'city', 'country']) chk(e, k, e.id);
    if (e.description_1to1) { const ls = e.description_1to1.split('\n'); const keep = ls.filter(has); if (keep.length !== ls.length) { dropped.push(`${e.id}.description(${ls.length - keep.length})`); e.description_1to1 = keep.join('\n'); } }
    for (const k of ['start_date', 'end_date']) if (e[k] && !text.includes(e[k].slice(-4))) { dropped.push(`${e.id}.${k}`); e[k] = ''; }
  }
  for (const e of T.education) {
    for (const k of ['institution', 'degree', 'field_of_study', 'gpa']) chk(e, k, e.id);
    for (const k of ['start_date', 'end_date']) if (e[k] && !text.includes(e[k].slice(-4))) { dropped.push(`${e.id}.${k}`); e[k] = ''; }
  }
  for (const k of Object.keys(T.skills)) { const b = T.skills[k]; T.skills[k] = b.filter(has); for (const x of b) if (!T.skills[k].includes(x)) dropped.push(`skills.${k}=${x}`); }
  T.languages = T.languages.filter(l => { if (!has(l.language)) { dropped.push('languages=' + l.language); return false; } return true; });
  for (const l of T.languages) if (l.proficiency && !has(l.proficiency)) { dropped.push('languages.proficiency=' + l.proficiency); l.proficiency = ''; l.standard_proficiency = ''; }
  { const b = T.hobbies_interests; T.hobbies_interests = b.filter(has); for (const x of b) if (!T.hobbies_interests.includes(x)) dropped.push('hobbies=' + x); }
  return dropped;
}
