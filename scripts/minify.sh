#!/usr/bin/env bash
# Trunk post-build hook: writes the language files next to the widget, and in release
# builds minifies the JS and CSS that a host page
# downloads (the wasm-bindgen glue, the loader, the widget's stylesheet and the demo's
# files). Trunk's own `minify` leaves copied files and the generated glue alone, and
# these are about 3 KB gzip of the transfer budget. Debug builds stay readable.
set -euo pipefail
# Every build: the language files (lpq_knowledge::language_files) are written next to the
# widget, where the loader fetches them. Any error fails the build: a release never ships
# without its languages.
cargo run --quiet --offline --manifest-path "$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)/Cargo.toml" \
  -p lpq-knowledge --features authoring --bin lpq-locales -- "$TRUNK_STAGING_DIR/locales"
# Every build: the loader becomes two modules. leg-pain-quiz-element.js is its code without
# the last line (the call that defines the tag), so importing it has no side effect;
# leg-pain-quiz.js re-exports it and defines the tag (the one-tag embed's file name).
loader="$TRUNK_STAGING_DIR/leg-pain-quiz.js"
if [ "$(tail -n 1 "$loader")" != "defineLegPainQuiz();" ]; then
  echo "minify: static/leg-pain-quiz.js must end with the line defineLegPainQuiz();" >&2
  exit 1
fi
sed '$d' "$loader" >"$TRUNK_STAGING_DIR/leg-pain-quiz-element.js"
cat >"$loader" <<'JS'
// <leg-pain-quiz>: importing this module defines the tag. The element class without the
// definition is in leg-pain-quiz-element.js.
export * from './leg-pain-quiz-element.js';
import { defineLegPainQuiz } from './leg-pain-quiz-element.js';
defineLegPainQuiz();
JS
[ "${TRUNK_PROFILE:-}" = release ] || exit 0
ESBUILD="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)/.tools/node_modules/.bin/esbuild"
if [ ! -x "$ESBUILD" ]; then
  echo "minify: $ESBUILD is missing; run scripts/setup.sh (it installs esbuild from npm)" >&2
  exit 1
fi
minify() {
  for file in "$@"; do
    path="$TRUNK_STAGING_DIR/$file"
    "$ESBUILD" "$path" --minify --target=es2020 --log-level=warning \
      --allow-overwrite --outfile="$path"
  done
}
# The glue exports `initSync` beside its default export; the loader calls only the default
# (an async fetch and instantiate), so without the export esbuild's tree shaking drops
# initSync and what only it uses (65 bytes gzip). Checked, so that a wasm-bindgen whose
# glue ends otherwise fails the build rather than ship the glue whole.
glue="$TRUNK_STAGING_DIR/wasm/leg-pain-quiz.js"
if ! grep -q '^export { initSync, __wbg_init as default };$' "$glue"; then
  echo "minify: the wasm-bindgen glue no longer ends with its initSync export; see scripts/minify.sh" >&2
  exit 1
fi
sed -i 's/^export { initSync, __wbg_init as default };$/export { __wbg_init as default };/' "$glue"
"$ESBUILD" "$glue" --minify --tree-shaking=true --target=es2020 --log-level=warning --allow-overwrite --outfile="$glue"
minify leg-pain-quiz.css embed-demo.js embed-demo.css
# Trunk leaves its own `<link data-trunk rel=rust …>` in the page, inert for browsers.
sed -i 's/<link [^>]*rel=rust>//' "$TRUNK_STAGING_DIR/index.html"
# Trunk ran `wasm-opt -Oz` once. Flattening and re-looping the control flow, then two
# more rounds, shave about another kilobyte gzip off the wasm (about 6 s).
# The same wasm-opt Trunk found on PATH (scripts/setup.sh installs it). The producers and
# target-features sections are for tools, not browsers: 0.2 KB gzip.
# `--low-memory-unused` lets it write `p + 8` loads and stores as `offset=8` (under 1024):
# the same access unless `p + 8` would wrap past 4 GiB into the first KiB, which takes a
# pointer within 1 KiB of 4 GiB: compiled Rust never makes one (the memory is a few MiB;
# the stack is below 1 MiB, the data above): 0.8 KB gzip. `-aimfs 6` inlines functions of up to 6 bytes of code everywhere
# (2 by default): 0.6 KB more raw, 0.13 KB less gzip; 7 and more are heavier.
wasm-opt --low-memory-unused -aimfs 6 --flatten --rereloop -Oz -Oz --strip-producers --strip-target-features \
  --enable-bulk-memory --enable-nontrapping-float-to-int --enable-reference-types \
  --enable-multivalue --enable-sign-ext --enable-mutable-globals \
  "$TRUNK_STAGING_DIR/wasm/leg-pain-quiz_bg.wasm" -o "$TRUNK_STAGING_DIR/wasm/leg-pain-quiz_bg.wasm"
# Then the import names between the wasm and its glue (see shorten-imports.mjs).
node "$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)/shorten-imports.mjs" \
  "$TRUNK_STAGING_DIR/wasm/leg-pain-quiz_bg.wasm" "$TRUNK_STAGING_DIR/wasm/leg-pain-quiz.js"
# Last, once the files are final: the loader gets the hashes of the files it fetches and
# checks them; index.html's preloads get theirs; integrity.json lists every file's, and the
# table is printed (see integrity.mjs).
node "$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)/integrity.mjs" loader "$TRUNK_STAGING_DIR"
minify leg-pain-quiz-element.js leg-pain-quiz.js
node "$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)/integrity.mjs" table "$TRUNK_STAGING_DIR" >&2
