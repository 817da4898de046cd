#!/usr/bin/env bash
# Builds the WIT-only WAT fixtures of one set (default `bench`; `runtime` holds the component
# runtime's test fixtures): each fixtures/<set>/<name>/<name>.wat core module gets the WIT world in
# fixtures/<set>/<name>/<name>.wit embedded and becomes a component
# (scripts/wat-to-component.mjs, pinned jco's wasm-tools), written to
# fixtures/<set>/build/<name>.component.wasm, with fixtures/<set>/build/SHA256SUMS.
# The output is byte-reproducible: rerun and compare with `git diff --exit-code fixtures/<set>/build`.
# Usage: scripts/build-bench-fixtures.sh [SET]
set -euo pipefail
cd "$(dirname "$0")/.."

[ -x node_modules/.bin/jco ] || npm ci --no-audit --no-fund
set=${1:-bench}
out=fixtures/$set/build
mkdir -p "$out"

names=()
for dir in fixtures/"$set"/*/; do
  name=$(basename "$dir")
  [ -f "$dir/$name.wat" ] || continue
  names+=("$name")
  node scripts/wat-to-component.mjs "$dir/$name.wat" "$dir" "$name" "$out/$name.component.wasm"
done

(cd "$out" && sha256sum $(printf '%s.component.wasm ' "${names[@]}") > SHA256SUMS)
cat "$out/SHA256SUMS"
