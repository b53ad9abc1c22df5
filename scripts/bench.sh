#!/usr/bin/env bash
# Builds the release widget and measures it against the size and speed budget: sizes
# (raw, gzip, brotli), first interactive screen over cold loads, click-to-next-question,
# results render and JS heap in headless Chromium, and assess() natively; then the widget
# against the same quiz in SurveyJS (benches/peer/), both served compressed, unthrottled
# and on a phone profile. Prints tables and JSON (also target/bench/budget.json), and
# fails when a budget is broken. `--sizes-only` skips the timings (and the peer).
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
export LPQ_DIST="${LPQ_DIST:-$ROOT/dist}"
# The peer, SurveyJS, from the npm registry at the versions benches/peer/package-lock.json
# pins, into target/bench-peer/: for the benchmark only, never the widget's package.
case " $* " in
  *" --sizes-only "* | *" --loads-only "*) ;;
  *)
    PEER="$ROOT/target/bench-peer"
    if ! cmp -s "$ROOT/benches/peer/package-lock.json" "$PEER/package-lock.json" || [ ! -d "$PEER/node_modules/survey-js-ui" ]; then
      echo "== installing the peer (SurveyJS) into target/bench-peer/"
      mkdir -p "$PEER"
      cp "$ROOT/benches/peer/package.json" "$ROOT/benches/peer/package-lock.json" "$PEER/"
      (cd "$PEER" && npm ci --no-audit --no-fund --legacy-peer-deps --silent)
    fi
    export LPQ_PEER_MODULES="$PEER/node_modules"
    ;;
esac
export CHROMEDRIVER="${CHROMEDRIVER:-$(command -v chromedriver)}"
export CHROMIUM="${CHROMIUM:-$(command -v chromium)}"
cargo bench --locked --offline -p lpq-browser-tests --bench budget -- "$@"
