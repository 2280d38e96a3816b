// JSON Resume themes from npm (English headings, so English CVs only). Each theme's caps say what it prints,
// checked by rendering a marker resume and reading pdftotext's output (README: "Theme notes").
import { langName, levelText, skillGroups } from './common.mjs';

const pad = (n) => String(n).padStart(2, '0');
export const THEMES = {
  stackoverflow: { street: true, postal: true, city: true, state: true, country: 'code', workCity: true, workCountry: true, eduDates: 'month' },
  flat: { street: false, postal: false, city: false, eduDates: 'month' },
  paper: { street: true, postal: true, city: true, state: true, eduDates: 'month' },
  spartan: { street: true, postal: true, city: true, state: true, country: 'code', eduDates: 'year' },
  kendall: { street: true, postal: true, city: true, state: true, country: 'code', workCity: true, workCountry: true, eduDates: 'year' },
  elegant: { street: true, postal: true, city: true, state: true, country: 'code', eduDates: 'month', languages: 'names' },
  actual: { street: false, postal: false, city: true, state: true, country: 'code', workCity: true, workCountry: true, eduDates: 'none' },
  class: { street: false, postal: false, city: false, eduDates: 'month' },
};
export const levelModeOf = (P) => P.r.a < 0.5 ? 'word' : P.r.a < 0.75 ? 'code' : 'both';
const iso = (d) => `${d.y}-${pad(d.m)}-01`;
const COUNTRY_EN = { CH: 'Switzerland', DE: 'Germany', FR: 'France', IT: 'Italy', GB: 'United Kingdom', US: 'USA' };

export function toJsonResume(P) {
  const mode = levelModeOf(P);
  return {
    basics: {
      name: P.name, label: P.headline, email: P.email, phone: P.phone.intl, url: '', summary: P.profile,
      location: { address: P.street, postalCode: P.postal, city: P.city, countryCode: P.country, region: P.state },
      profiles: P.linkedin ? [{ network: 'LinkedIn', username: P.linkedin, url: `https://www.linkedin.com/in/${P.linkedin}` }] : [],
    },
    work: P.jobs.map(j => ({ name: j.company, company: j.company, position: j.position, location: `${j.city}, ${COUNTRY_EN[j.country]}`, startDate: iso(j.start), ...(j.end ? { endDate: iso(j.end) } : {}), summary: j.summary, highlights: j.bullets })),
    education: P.edus.slice().reverse().map(e => ({ institution: e.institution, area: e.field, studyType: e.degree, startDate: iso(e.start), ...(e.end ? { endDate: iso(e.end) } : {}), courses: [] })),
    skills: skillGroups(P).map(g => ({ name: g.name, keywords: g.items })),
    languages: P.langs.map(l => ({ language: langName(P, l.key), fluency: levelText(P, l, mode) })),
    interests: P.hobbies.map(h => ({ name: h, keywords: [] })),
    awards: [], volunteer: [], publications: [], references: [], projects: [], certificates: [],
  };
}
