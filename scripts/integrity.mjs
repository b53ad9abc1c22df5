// Subresource integrity for the release build (called by scripts/minify.sh, after every
// other change to the files).
//
//   node scripts/integrity.mjs loader <dir>  writes the sha384 of the wasm, the stylesheet
//                                            and each language file into the loader's
//                                            INTEGRITY table (leg-pain-quiz-element.js),
//                                            which checks them when it fetches them
//   node scripts/integrity.mjs table <dir>   adds `integrity` to index.html's preloads,
//                                            writes integrity.json (every file: its
//                                            sha384) and prints the table
import { createHash } from 'node:crypto';
import { readFileSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';

const [mode, dir] = process.argv.slice(2);
if (!['loader', 'table'].includes(mode) || !dir) {
  console.error('usage: node scripts/integrity.mjs loader|table <dir>');
  process.exit(2);
}

const sri = (path) => `sha384-${createHash('sha384').update(readFileSync(join(dir, path))).digest('base64')}`;

function files(at = dir, found = []) {
  for (const name of readdirSync(at).sort()) {
    const path = join(at, name);
    if (statSync(path).isDirectory()) files(path, found);
    else found.push(relative(dir, path).split('\\').join('/'));
  }
  return found;
}

// Replaces what lies between `// <marker>: …` and `// /<marker>` lines.
function fill(text, marker, body, file) {
  const re = new RegExp(`(// ${marker}:[^\\n]*\\n)[\\s\\S]*?(// /${marker})`);
  if (!re.test(text)) throw new Error(`${file}: no "// ${marker}:" … "// /${marker}" block`);
  return text.replace(re, (_, open, close) => `${open}${body}\n${close}`);
}

if (mode === 'loader') {
  const checked = files().filter((f) => f === 'wasm/leg-pain-quiz_bg.wasm' || f === 'leg-pain-quiz.css' || /^locales\/[^/]+\.kb$/.test(f));
  for (const need of ['wasm/leg-pain-quiz_bg.wasm', 'leg-pain-quiz.css']) {
    if (!checked.includes(need)) throw new Error(`integrity: ${need} is missing from ${dir}`);
  }
  const table = Object.fromEntries(checked.map((f) => [f, sri(f)]));
  const file = 'leg-pain-quiz-element.js';
  const text = readFileSync(join(dir, file), 'utf8');
  writeFileSync(join(dir, file), fill(text, 'integrity', `const INTEGRITY = ${JSON.stringify(table, null, 2)};`, file));
} else {
  // The page's module preloads carry the hashes of the modules they fetch, so the glue and
  // the element module are checked too.
  const page = 'index.html';
  let html = readFileSync(join(dir, page), 'utf8');
  // Any attribute order and quoting (Trunk minifies the page in release builds).
  const attr = (tag, name) => (tag.match(new RegExp(`\\s${name}=(?:"([^"]*)"|'([^']*)'|([^\\s>]+))`)) || []).slice(1).find((v) => v !== undefined);
  html = html.replace(/<link\b[^>]*>/g, (tag) => {
    const rel = attr(tag, 'rel');
    const href = (attr(tag, 'href') || '').replace(/^\.\//, '');
    // Chromium ignores (and warns about) `integrity` on `as=fetch` preloads; the loader's
    // fetch checks the wasm's hash itself.
    const checked = rel === 'modulepreload' || (rel === 'preload' && ['script', 'style'].includes(attr(tag, 'as')));
    if (!checked || attr(tag, 'integrity') || !files().includes(href)) return tag;
    return tag.replace(/\s*\/?>$/, (end) => ` integrity="${sri(href)}"${end}`);
  });
  writeFileSync(join(dir, page), html);
  const table = {};
  for (const f of files().filter((f) => f !== 'integrity.json')) table[f] = sri(f);
  writeFileSync(join(dir, 'integrity.json'), `${JSON.stringify(table, null, 2)}\n`);
  const width = Math.max(...Object.keys(table).map((f) => f.length));
  console.log('Subresource integrity (sha384) of every file:');
  for (const [f, hash] of Object.entries(table)) console.log(`  ${f.padEnd(width)}  ${hash}`);
}
