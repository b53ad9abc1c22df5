#!/usr/bin/env bash
# Runs every check: formatting and lints (native and wasm32, inside the builds: see below),
# the native tests (knowledge base, engine, navigation, scenarios, properties) and the
# end-to-end tests in headless Chromium against the release build. Installs what is
# missing first.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
export LPQ_NEED_BROWSER=1
# The native tests that need Node tools (tsc for the package's types) fail instead of
# reporting themselves not run.
export LPQ_REQUIRE_TOOLS=1
source "$ROOT/scripts/setup.sh"
cd "$ROOT"
mkdir -p target
: >target/test-output.log

# Runs a step, prints how long it took, and keeps its output in target/test-output.log.
step() {
  local name="$1"; shift
  echo "== $name"
  local started=$SECONDS status=0
  "$@" 2>&1 | tee -a target/test-output.log || status=${PIPESTATUS[0]}
  echo "   ($name: $((SECONDS - started)) s)" | tee -a target/test-timings.log
  return "$status"
}

# Runs a step in the background, alongside the ones that follow; `finish` waits for it and
# prints its output and time. On a 2-core machine the long single-threaded stretches (the
# widget's link-time optimisation, wasm-opt, a test binary that runs one test at a time)
# leave a core idle: a step beside them fills it.
background() {
  local name="$1" log="target/step-$2.log"; shift 2
  echo "== $name (in the background)"
  ( started=$SECONDS status=0
    "$@" >"$log" 2>&1 || status=$?
    echo "   ($name: $((SECONDS - started)) s, beside the steps above)" >>"$log"
    exit "$status" ) &
  BACKGROUND_PID=$!
}
finish() {
  local name="$1" log="target/step-$2.log" status=0
  wait "$3" || status=$?
  echo "== $name (finished)"
  tee -a target/test-output.log <"$log"
  tail -n 1 "$log" >>target/test-timings.log
  return "$status"
}

: >target/test-timings.log
failed=0
step "formatting" cargo fmt --all --check || failed=1

# The lints run inside the builds the tests need anyway, not as compilations of their own.
# `cargo clippy` is `cargo check` with clippy-driver as the compiler of the workspace's own
# crates (dependencies are compiled by plain rustc) and its arguments in CLIPPY_ARGS: the
# same two variables on `cargo test` and on Trunk's `cargo build` lint every crate they
# compile, with `-D warnings` failing the build, and spare two more compilations of the
# workspace and every dependency (a third of the run on two cores). What they lint:
# - natively, `cargo test --workspace --all-targets --no-run`: every library, binary,
#   test, bench and example, as `cargo clippy --workspace --all-targets` does;
# - for wasm32, the release build: the widget's library with its wasm-only modules (ui,
#   embed, platform, storage), the engine and the knowledge crate. What `cargo clippy
#   --target wasm32-unknown-unknown --all-targets` adds is the same code built as tests for
#   wasm32, and the tests/*.rs that are not `#![cfg(not(target_arch = "wasm32"))]`: code
#   with no wasm-only part, linted natively above.
# clippy-driver compiles the workspace's crates without MIR optimisations (LLVM's are
# unchanged): the release wasm is 680 bytes larger than a plain `trunk build --release`
# (146 more gzip, 108 fewer brotli); .ci/run measures the size of a plain build, as shipped. The commands to run
# the lints alone are in README.md. Every cargo command below has the same variables, so
# each reuses what the one before it built (a plain `cargo test` afterwards rebuilds the
# workspace's crates, not the dependencies).
# The toolchain's own clippy-driver (rustup's proxy on PATH would add a process a crate).
CLIPPY_DRIVER="$(rustc --print sysroot)/bin/clippy-driver"
[ -x "$CLIPPY_DRIVER" ] || CLIPPY_DRIVER="$(command -v clippy-driver || true)"
if [ -z "$CLIPPY_DRIVER" ]; then
  echo "clippy is missing: rustup component add clippy" >&2
  exit 1
fi
export RUSTC_WORKSPACE_WRAPPER="$CLIPPY_DRIVER" CLIPPY_ARGS="-D__CLIPPY_HACKERY__warnings__CLIPPY_HACKERY__"
# The run builds each crate once: incremental compilation's caches only cost here (a
# quarter of the CPU time of the workspace's native build: 50 s against 38). Focused
# `cargo test` runs while working keep them.
export CARGO_INCREMENTAL="${CARGO_INCREMENTAL:-0}"

# The release build (wasm32) needs nothing the native build makes, and it is the longest
# chain: its link-time optimisation and wasm-opt run on one core at the end, and the
# browser tests wait for it. So it keeps the normal priority and the native build and tests
# beside it run at a lower one: they fill whatever core the release build leaves idle, and
# finish well before it does. (The other way round, the release build starved.)
build() { trunk build --release >target/trunk-build.log 2>&1 || { cat target/trunk-build.log; return 1; }; }
background "release build into dist/, with the wasm32 lints" release build
release=$BACKGROUND_PID
step "native build, with the lints" nice -n 10 cargo test --locked --offline --workspace --all-targets --no-run || failed=1
step "native tests" nice -n 10 cargo test --locked --offline --workspace --exclude lpq-browser-tests || failed=1
if finish "release build into dist/, with the wasm32 lints" release "$release"; then
  step "npm package (npm pack)" bash scripts/pack.sh || failed=1
  export LPQ_DIST="$ROOT/dist" LPQ_REQUIRE_BROWSER=1
  export CHROMEDRIVER="${CHROMEDRIVER:-$(command -v chromedriver)}"
  export CHROMIUM="${CHROMIUM:-$(command -v chromium)}"
  export AXE_JS="$ROOT/.tools/node_modules/axe-core/axe.min.js"
  # Three run at a time, one browser per worker, each test with a clean state in it.
  step "browser tests" cargo test --locked --offline -p lpq-browser-tests -- --test-threads="${LPQ_BROWSER_WORKERS:-3}" || failed=1
else
  failed=1
fi

# One closing line for the whole run, summed over every test binary.
awk '/^test result:/ { for (i = 1; i <= NF; i++) { if ($(i+1) ~ /^passed/) p += $i; if ($(i+1) ~ /^failed/) f += $i; if ($(i+1) ~ /^ignored/) g += $i } }
     END { printf "tests: %d passed, %d failed, %d not run\n", p, f, g }' target/test-output.log | tee target/test-summary.txt
echo "   (all checks, set-up included: $SECONDS s)" >>target/test-timings.log
cat target/test-timings.log
exit "$failed"
