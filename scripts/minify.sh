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
[ "${TRUNK_PROFILE:-}" = release ] || exit 0
ESBUILD="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)/.tools/node_modules/.bin/esbuild"
if [ ! -x "$ESBUILD" ]; then
  echo "minify: $ESBUILD is missing; run scripts/setup.sh (it installs esbuild from npm)" >&2
  exit 1
fi
for file in wasm/leg-pain-quiz.js leg-pain-quiz.js leg-pain-quiz.css embed-demo.js embed-demo.css; do
  path="$TRUNK_STAGING_DIR/$file"
  "$ESBUILD" "$path" --minify --target=es2020 --log-level=warning \
    --allow-overwrite --outfile="$path"
done
# Trunk ran `wasm-opt -Oz` once. Flattening and re-looping the control flow, then two
# more rounds, shave about another kilobyte gzip off the wasm (about 6 s).
# The same wasm-opt Trunk found on PATH (scripts/setup.sh installs it).
wasm-opt --flatten --rereloop -Oz -Oz \
  --enable-bulk-memory --enable-nontrapping-float-to-int --enable-reference-types \
  --enable-multivalue --enable-sign-ext --enable-mutable-globals \
  "$TRUNK_STAGING_DIR/wasm/leg-pain-quiz_bg.wasm" -o "$TRUNK_STAGING_DIR/wasm/leg-pain-quiz_bg.wasm"
# Then the import names between the wasm and its glue (see shorten-imports.mjs).
node "$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)/shorten-imports.mjs" \
  "$TRUNK_STAGING_DIR/wasm/leg-pain-quiz_bg.wasm" "$TRUNK_STAGING_DIR/wasm/leg-pain-quiz.js"
