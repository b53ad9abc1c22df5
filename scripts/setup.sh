#!/usr/bin/env bash
# Installs what building and testing the widget needs, skipping what is already there.
# Sourced by scripts/serve.sh, scripts/test.sh and scripts/bench.sh; safe to run on its own.
# Only crates.io, npm and Debian packages are used: nothing downloads a prebuilt binary.
set -euo pipefail

TRUNK_VERSION=0.21.14
BINARYEN_VERSION=132.0.0
ESBUILD_VERSION=0.25.12
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
TOOLS="$ROOT/.tools"
export PATH="$TOOLS/node_modules/.bin:$HOME/.cargo/bin:$PATH"

say() { printf '[setup] %s\n' "$*"; }

# Installs npm packages into .tools/, which has its own manifest: without one, npm walks
# up to the repository's package.json (the widget's npm package) and installs there.
tools_npm() {
  mkdir -p "$TOOLS"
  [ -f "$TOOLS/package.json" ] || printf '{ "private": true, "description": "tools the build and tests use" }\n' >"$TOOLS/package.json"
  (cd "$TOOLS" && npm install --no-audit --no-fund --silent "$@")
}

# wasm-bindgen-cli must match the wasm-bindgen that Cargo.lock pins, to the patch version.
wasm_bindgen_version() {
  awk '/^name = "wasm-bindgen"$/{getline; gsub(/version = |"/, ""); print; exit}' "$ROOT/Cargo.lock"
}

if ! rustup target list --installed | grep -qx wasm32-unknown-unknown; then
  say "adding the wasm32-unknown-unknown target"
  rustup target add wasm32-unknown-unknown
fi

if ! trunk --version 2>/dev/null | grep -q " $TRUNK_VERSION"; then
  say "installing trunk $TRUNK_VERSION from crates.io (about 9 minutes, once)"
  cargo install --locked "trunk@$TRUNK_VERSION"
fi

WB_VERSION="$(wasm_bindgen_version)"
if ! wasm-bindgen --version 2>/dev/null | grep -q " $WB_VERSION"; then
  say "installing wasm-bindgen-cli $WB_VERSION from crates.io (about 2 minutes, once)"
  # --locked fails here: a dependency version it locks is missing from the registry.
  cargo install --force wasm-bindgen-cli --version "$WB_VERSION"
fi

if ! wasm-opt --version 2>/dev/null | grep -q "version_${BINARYEN_VERSION%%.*}"; then
  say "installing wasm-opt (binaryen $BINARYEN_VERSION) from npm into .tools/"
  mkdir -p "$TOOLS"
  tools_npm "binaryen@$BINARYEN_VERSION"
fi

# Minifies the release JS and CSS (scripts/minify.sh, a Trunk hook).
if [ "$(esbuild --version 2>/dev/null)" != "$ESBUILD_VERSION" ]; then
  say "installing esbuild $ESBUILD_VERSION from npm into .tools/"
  mkdir -p "$TOOLS"
  tools_npm "esbuild@$ESBUILD_VERSION"
fi

# Checks the package's TypeScript types (tests/package.rs runs tsc over tests/types/).
TYPESCRIPT_VERSION=5.9.3
if [ "$(tsc --version 2>/dev/null)" != "Version $TYPESCRIPT_VERSION" ]; then
  say "installing typescript $TYPESCRIPT_VERSION from npm into .tools/"
  mkdir -p "$TOOLS"
  tools_npm "typescript@$TYPESCRIPT_VERSION"
fi

if [ "${LPQ_NEED_BROWSER:-0}" = 1 ]; then
  if ! command -v chromium >/dev/null || ! command -v chromedriver >/dev/null; then
    say "installing Debian chromium and chromium-driver"
    SUDO=""; [ "$(id -u)" = 0 ] || SUDO="sudo"
    $SUDO apt-get update -qq
    DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq chromium chromium-driver >/dev/null
  fi
  if [ ! -f "$TOOLS/node_modules/axe-core/axe.min.js" ]; then
    say "installing axe-core from npm into .tools/"
    mkdir -p "$TOOLS"
    tools_npm axe-core@4
  fi
fi

# Trunk runs offline; cargo needs every crate on disk first.
(cd "$ROOT" && cargo fetch --locked >/dev/null 2>&1 || cargo fetch --locked)
