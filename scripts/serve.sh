#!/usr/bin/env bash
# Builds the widget and serves it at http://127.0.0.1:8080 (trunk serve), installing
# whatever is missing first. Extra arguments go to trunk, e.g. `--release`.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
source "$ROOT/scripts/setup.sh"
cd "$ROOT"
exec trunk serve "$@"
