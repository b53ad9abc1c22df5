#!/usr/bin/env bash
# Makes the npm package: a folder (target/package/) with the release build's widget files
# (dist/, from `trunk build --release`), the types, the Custom Elements Manifest, the
# changelog, the licences and the clinical safety case, then `npm pack` into target/.
# Prints the tarball's file list and size, and fails if anything the package promises is
# missing from it. Run by scripts/test.sh after the release build.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
DIST="${LPQ_DIST:-$ROOT/dist}"
OUT="$ROOT/target/package"
for built in leg-pain-quiz.js leg-pain-quiz-element.js leg-pain-quiz.css wasm/leg-pain-quiz.js wasm/leg-pain-quiz_bg.wasm integrity.json; do
  if [ ! -f "$DIST/$built" ]; then
    echo "pack: $DIST/$built is missing: build with \`trunk build --release\` first" >&2
    exit 1
  fi
done
rm -rf "$OUT"
mkdir -p "$OUT/dist"
# The widget (the loader, its element module, the glue and wasm, the stylesheet, the
# language files, the hashes) and the full page for iframes; not the embed demo.
cp -R "$DIST/wasm" "$DIST/locales" "$OUT/dist/"
cp "$DIST"/{leg-pain-quiz.js,leg-pain-quiz-element.js,leg-pain-quiz.css,integrity.json,index.html,favicon.svg} "$OUT/dist/"
cp "$DIST"/page*.css "$OUT/dist/" 2>/dev/null || true
cp -R "$ROOT/types" "$ROOT/safety" "$OUT/"
cp "$ROOT"/{package.json,custom-elements.json,README.md,CHANGELOG.md,LICENSE-MIT,LICENSE-APACHE} "$OUT/"
mkdir -p "$ROOT/target"
tarball="$(cd "$OUT" && npm pack --silent --pack-destination "$ROOT/target")"
tarball="$ROOT/target/$tarball"
listing="$(tar -tzf "$tarball")"
missing=0
for need in package.json README.md CHANGELOG.md LICENSE-MIT LICENSE-APACHE custom-elements.json \
  dist/leg-pain-quiz.js dist/leg-pain-quiz-element.js dist/leg-pain-quiz.css dist/integrity.json \
  dist/wasm/leg-pain-quiz.js dist/wasm/leg-pain-quiz_bg.wasm dist/locales/en-GB.kb dist/locales/es.kb dist/locales/en-US.kb \
  types/leg-pain-quiz.d.ts types/react.d.ts types/vue.d.ts types/svelte.d.ts \
  safety/hazard-log.md safety/clinical-safety-case-report.md safety/dtac-evidence-summary.md; do
  if ! grep -qx "package/$need" <<<"$listing"; then
    echo "pack: the tarball lacks $need" >&2
    missing=1
  fi
done
echo "$tarball ($(stat -c %s "$tarball") bytes):"
tar -tvzf "$tarball" | awk '{ printf "  %8s  %s\n", $3, $6 }'
# The README's CDN embed, with this build's hashes.
version="$(node -p 'require(process.argv[1]).version' "$ROOT/package.json")"
node - "$DIST/integrity.json" "$version" <<'JS'
const [file, version] = process.argv.slice(2);
const sri = JSON.parse(require('fs').readFileSync(file, 'utf8'));
const at = (f) => `https://cdn.jsdelivr.net/npm/leg-pain-quiz@${version}/dist/${f}`;
console.log('\nCDN embed for this build:');
console.log(`<script type="module" src="${at('leg-pain-quiz.js')}"\n  integrity="${sri['leg-pain-quiz.js']}" crossorigin="anonymous"></script>`);
for (const f of ['leg-pain-quiz-element.js', 'wasm/leg-pain-quiz.js'])
  console.log(`<link rel="modulepreload" href="${at(f)}"\n  integrity="${sri[f]}" crossorigin="anonymous">`);
JS
exit "$missing"
