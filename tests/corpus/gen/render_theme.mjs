// Child process: render one JSON Resume file with one theme (one theme per process: several themes
// register clashing global Handlebars helpers).
import fs from 'fs';
import { createRequire } from 'module';
const require = createRequire(import.meta.url);
const [theme, inp, out] = process.argv.slice(2);
const resume = JSON.parse(fs.readFileSync(inp, 'utf8'));
let mod;
try { mod = require('jsonresume-theme-' + theme); } catch { mod = await import('jsonresume-theme-' + theme); }
if (mod.default && !mod.render) mod = mod.default;
console.warn = () => {}; // moment deprecation noise
fs.writeFileSync(out, await mod.render(resume));
