#!/usr/bin/env bash
# Builds the release widget and measures it against the size and speed budget: sizes
# (raw, gzip, brotli), first interactive screen over cold loads, click-to-next-question,
# results render and JS heap in headless Chromium, and assess() natively. Prints a table
# and JSON (also target/bench/budget.json), and fails when a budget is broken.
# `--sizes-only` skips the timings.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
export LPQ_NEED_BROWSER=1
source "$ROOT/scripts/setup.sh"
cd "$ROOT"
mkdir -p target
if [ "${LPQ_SKIP_BUILD:-0}" != 1 ]; then
  echo "== building the release widget into dist/"
  trunk build --release >/dev/null 2>target/trunk-build.log || { cat target/trunk-build.log; exit 1; }
fi
export LPQ_DIST="$ROOT/dist"
export CHROMEDRIVER="${CHROMEDRIVER:-$(command -v chromedriver)}"
export CHROMIUM="${CHROMIUM:-$(command -v chromium)}"
cargo bench --locked --offline -p lpq-browser-tests --bench budget -- "$@"
