// Shortens the names the wasm imports from its wasm-bindgen glue, in both files, for
// release builds (called by scripts/minify.sh). wasm-bindgen names each import after the
// Rust item and a 16-digit hash (`__wbg_setAttribute_9f1c...`); there are over a hundred,
// written once in the wasm and once in the glue, and the hashes don't compress: about
// 3 KB gzip of the transfer budget. wasm-opt's import minifier only handles Emscripten's
// `env` module, so this rewrites the wasm's import section itself.
//
// The same for the exports wasm-bindgen names after a hash (the closure shims,
// `wasm_bindgen__convert__closures_____invoke__h74e4…`): written once in the wasm and
// once in the glue, as `exports.name`.
//
// Usage: node scripts/shorten-imports.mjs <wasm file> <glue file>
import { readFileSync, writeFileSync } from 'node:fs';

const [wasmPath, gluePath] = process.argv.slice(2);
const wasm = readFileSync(wasmPath);
let glue = readFileSync(gluePath, 'utf8');

function readLeb(pos) {
  let value = 0;
  let shift = 0;
  for (;;) {
    const byte = wasm[pos++];
    value += (byte & 0x7f) * 2 ** shift;
    if (byte < 0x80) return [value, pos];
    shift += 7;
  }
}

function leb(value) {
  const out = [];
  do {
    let byte = value & 0x7f;
    value = Math.floor(value / 128);
    if (value > 0) byte |= 0x80;
    out.push(byte);
  } while (value > 0);
  return Buffer.from(out);
}

const name = (text) => Buffer.concat([leb(Buffer.byteLength(text)), Buffer.from(text)]);

// a, b, …, z, A, …, Z, aa, ab, …: short, and valid as unquoted keys in the glue.
const ALPHABET = 'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ';
function shortName(i) {
  let s = '';
  do {
    s = ALPHABET[i % ALPHABET.length] + s;
    i = Math.floor(i / ALPHABET.length) - 1;
  } while (i >= 0);
  return s;
}

// The length in bytes of an import's description, from its kind byte.
function descriptionEnd(pos) {
  const kind = wasm[pos++];
  const limits = (p) => {
    const flags = wasm[p++];
    p = readLeb(p)[1];
    return flags & 1 ? readLeb(p)[1] : p;
  };
  switch (kind) {
    case 0: return readLeb(pos)[1]; // function: type index
    case 1: return limits(pos + 1); // table: element type, limits
    case 2: return limits(pos); // memory: limits
    case 3: return pos + 2; // global: value type, mutability
    case 4: return readLeb(pos + 1)[1]; // tag: attribute, type index
    default: throw new Error(`unknown import kind ${kind}`);
  }
}

// The export section with each hashed name shortened to `$` and a short name (no
// other export starts with `$`), recorded in `exportsRenamed`.
const exportsRenamed = new Map();
function exportSection(start, end) {
  let [count, p] = readLeb(start);
  const entries = [leb(count)];
  for (let i = 0; i < count; i++) {
    const [length, f] = readLeb(p);
    const field = wasm.subarray(f, f + length).toString();
    const descEnd = readLeb(f + length + 1)[1]; // kind byte, then the index
    if (/__h[0-9a-f]{16}$/.test(field)) {
      exportsRenamed.set(field, `$${shortName(exportsRenamed.size)}`);
      entries.push(name(exportsRenamed.get(field)));
    } else {
      entries.push(name(field));
    }
    entries.push(wasm.subarray(f + length, descEnd));
    p = descEnd;
  }
  if (p !== end) throw new Error('the export section did not read to its end');
  const payload = Buffer.concat(entries);
  return Buffer.concat([Buffer.from([7]), leb(payload.length), payload]);
}

const MODULE = glue.match(/"(\.\/[\w.-]+_bg\.js)"/)?.[1];
if (!MODULE) throw new Error(`no import module found in ${gluePath}`);
const renamed = new Map();
const parts = [wasm.subarray(0, 8)];
let pos = 8;
while (pos < wasm.length) {
  const id = wasm[pos];
  const [size, start] = readLeb(pos + 1);
  const end = start + size;
  if (id === 7) {
    parts.push(exportSection(start, end));
    pos = end;
    continue;
  }
  if (id !== 2) {
    parts.push(wasm.subarray(pos, end));
    pos = end;
    continue;
  }
  let [count, p] = readLeb(start);
  const entries = [leb(count)];
  for (let i = 0; i < count; i++) {
    const [moduleLength, m] = readLeb(p);
    const module = wasm.subarray(m, m + moduleLength).toString();
    const [fieldLength, f] = readLeb(m + moduleLength);
    const field = wasm.subarray(f, f + fieldLength).toString();
    const descStart = f + fieldLength;
    const descEnd = descriptionEnd(descStart);
    if (module === MODULE) {
      if (!renamed.has(field)) renamed.set(field, shortName(renamed.size));
      entries.push(name('a'), name(renamed.get(field)));
    } else {
      entries.push(name(module), name(field));
    }
    entries.push(wasm.subarray(descStart, descEnd));
    p = descEnd;
  }
  const payload = Buffer.concat(entries);
  parts.push(Buffer.from([2]), leb(payload.length), payload);
  pos = end;
}

// In the glue the names are keys of the imports object: replace whole words only,
// longest first, and check each was there.
for (const [field, short] of [...renamed].sort((a, b) => b[0].length - a[0].length)) {
  const pattern = new RegExp(`\\b${field}\\b(?=\\s*:)`, 'g');
  if (!pattern.test(glue)) throw new Error(`import ${field} not found in ${gluePath}`);
  glue = glue.replace(pattern, short);
}
// Exports are read as properties of the exports object: `.name`, whole words.
for (const [field, short] of exportsRenamed) {
  const pattern = new RegExp(`\\.${field}\\b`, 'g');
  if (!pattern.test(glue)) throw new Error(`export ${field} not found in ${gluePath}`);
  glue = glue.replace(pattern, `.${short}`);
}
glue = glue.split(JSON.stringify(MODULE)).join('a');
writeFileSync(wasmPath, Buffer.concat(parts));
writeFileSync(gluePath, glue);
console.log(`shorten-imports: ${renamed.size} imports and ${exportsRenamed.size} exports renamed`);
