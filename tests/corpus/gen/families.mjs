// The layout families of the widened corpus: what renders each, its format and its languages.
// Documents per family = langs.length unless `count` says otherwise (languages cycle).
const ALL = ['de', 'en', 'fr', 'it', 'de'];
const themes = ['stackoverflow', 'flat', 'paper', 'spartan', 'kendall', 'elegant', 'actual', 'class'];
export const FAMILIES = [
  ...themes.map(t => ({ id: `theme-${t}`, kind: 'theme', theme: t, format: 'pdf', langs: ['en', 'en', 'en', 'en', 'en'], note: `JSON Resume theme ${t}` })),
  ...['classic', 'casual', 'banking', 'oldstyle'].map(s => ({ id: `latex-moderncv-${s}`, kind: 'moderncv', style: s, format: 'pdf', langs: ALL, note: `moderncv style ${s} (pdflatex)` })),
  { id: 'latex-europasscv', kind: 'europass', format: 'pdf', langs: ALL, note: 'europasscv class (pdflatex)' },
  { id: 'html-sidebar', kind: 'html', tpl: 'sidebar', format: 'pdf', langs: ALL, note: 'own two-column sidebar template (Chromium)' },
  { id: 'html-lebenslauf', kind: 'html', tpl: 'lebenslauf', format: 'pdf', langs: ['de', 'de', 'fr', 'it', 'en'], note: 'own label | value Lebenslauf tables (Chromium)' },
  { id: 'docx-lebenslauf-pandoc', kind: 'html', tpl: 'lebenslauf', format: 'docx-pandoc', langs: ['de', 'de', 'fr', 'it', 'en'], note: 'the Lebenslauf tables as DOCX (pandoc from HTML)' },
  { id: 'html-timeline', kind: 'html', tpl: 'timeline', format: 'pdf', langs: ALL, note: 'own timeline, "Title at Company", durations (Chromium)' },
  { id: 'docx-table', kind: 'docxtable', format: 'docx-openxml', langs: ALL, note: 'Word-like table CV written as raw OpenXML (python zipfile)' },
  { id: 'docx-word-md', kind: 'wordmd', format: 'docx-pandoc-md', langs: ALL, note: 'Word headings "Title, Company" + date line (pandoc from markdown)' },
  { id: 'txt-markdown', kind: 'markdown', format: 'txt', langs: ALL, note: 'markdown-style text, ISO dates, pipes' },
  { id: 'txt-columns', kind: 'columns', format: 'txt', langs: ALL, note: 'fixed-width text with a padded date column' },
];
