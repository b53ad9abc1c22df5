#!/usr/bin/env bash
# What weighs in the release wasm, by crate: builds it, keeps the function names
# through wasm-bindgen and wasm-opt (optimised as the shipped build is), and sums
# twiggy's sizes by crate, with the app's views, its own code and the data apart.
# Sizes are raw bytes after wasm-opt; gzip shrinks each kind differently.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
source "$ROOT/scripts/setup.sh"
cd "$ROOT"
TWIGGY_VERSION=0.8.0
if ! twiggy --version 2>/dev/null | grep -q " $TWIGGY_VERSION"; then
  echo "[weigh] installing twiggy $TWIGGY_VERSION from crates.io (about 2 minutes, once)"
  cargo install --locked "twiggy@$TWIGGY_VERSION"
fi
mkdir -p target/weigh
if [ "${LPQ_SKIP_BUILD:-0}" != 1 ]; then
  trunk build --release >/dev/null 2>target/trunk-build.log || { cat target/trunk-build.log; exit 1; }
fi
wasm-bindgen --keep-debug --target web --out-dir target/weigh "${CARGO_TARGET_DIR:-target}/wasm32-unknown-unknown/release/leg_pain_quiz.wasm"
wasm-opt -Oz -g --enable-bulk-memory --enable-nontrapping-float-to-int --enable-reference-types \
  --enable-multivalue --enable-sign-ext --enable-mutable-globals \
  target/weigh/leg_pain_quiz_bg.wasm -o target/weigh/named.wasm
twiggy top -n 100000 -f csv target/weigh/named.wasm > target/weigh/top.csv
python3 - target/weigh/top.csv <<'PY'
import collections, csv, re, sys

PRIMITIVES = {"char", "str", "bool", "u8", "u16", "u32", "u64", "usize", "i8", "i16", "i32", "i64", "isize", "f32", "f64"}
by_kind, count, items = collections.Counter(), collections.Counter(), []
for row in csv.DictReader(open(sys.argv[1])):
    name, size = row["Name"], int(row["ShallowSize"])
    if "subsection" in name:  # the names kept for this analysis, not shipped
        continue
    if name.startswith("data segment"):
        kind = "data segments (text, tables)"
    elif "CompStateInner" in name and "::view" in name:
        kind = "views (html! trees, in App's view)"
    elif "leg_pain_quiz" in name or name.startswith("mount "):
        kind = "leg_pain_quiz (engine, storage, embed)"
    else:
        crate = re.match(r"[<&\s]*([A-Za-z_0-9]+)", name)
        kind = crate.group(1) if crate else "other"
        if kind in PRIMITIVES:  # `<char as Debug>::fmt` and the like live in core
            kind = "core"
    by_kind[kind] += size
    count[kind] += 1
    items.append((size, name))

total = sum(by_kind.values())
print(f"{'what':42} {'bytes':>8} {'share':>6} {'items':>6}")
for kind, size in by_kind.most_common(14):
    print(f"{kind[:42]:42} {size:8} {size / total:6.1%} {count[kind]:6}")
print(f"{'total (raw, after wasm-opt)':42} {total:8}")
print("\nlargest single items:")
for size, name in sorted(items, reverse=True)[:12]:
    print(f"{size:8}  {name[:110]}")
PY
