#!/usr/bin/env bash
# Runs every test: native (knowledge base, engine, scenarios, properties) and in headless
# Chromium (end-to-end journeys against the release build). Installs what is missing first.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
export LPQ_NEED_BROWSER=1
source "$ROOT/scripts/setup.sh"
cd "$ROOT"
mkdir -p target

echo "== building the release widget into dist/"
trunk build --release >/dev/null 2>target/trunk-build.log || { cat target/trunk-build.log; exit 1; }

echo "== native and end-to-end tests"
export LPQ_DIST="$ROOT/dist"
export CHROMEDRIVER="${CHROMEDRIVER:-$(command -v chromedriver)}"
export CHROMIUM="${CHROMIUM:-$(command -v chromium)}"
export AXE_JS="$ROOT/.tools/node_modules/axe-core/axe.min.js"
set +e
cargo test --locked --offline -- --test-threads=1 2>&1 | tee target/test-output.log
status=${PIPESTATUS[0]}
set -e
# One closing line for the whole run, summed over every test binary.
awk '/^test result:/ { for (i = 1; i <= NF; i++) { if ($(i+1) ~ /^passed/) p += $i; if ($(i+1) ~ /^failed/) f += $i } }
     END { printf "tests: %d passed, %d failed\n", p, f }' target/test-output.log | tee target/test-summary.txt
exit "$status"
