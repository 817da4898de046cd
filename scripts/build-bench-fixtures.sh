#!/usr/bin/env bash
# Builds the benchmark fixtures: each fixtures/bench/<name>/<name>.wat core module gets the WIT
# world in fixtures/bench/<name>/<name>.wit embedded and becomes a component
# (scripts/wat-to-component.mjs, pinned jco's wasm-tools), written to
# fixtures/bench/build/<name>.component.wasm, with fixtures/bench/build/SHA256SUMS.
# The output is byte-reproducible: rerun and compare with `git diff --exit-code fixtures/bench/build`.
set -euo pipefail
cd "$(dirname "$0")/.."

[ -x node_modules/.bin/jco ] || npm ci --no-audit --no-fund
out=fixtures/bench/build
mkdir -p "$out"

names=()
for dir in fixtures/bench/*/; do
  name=$(basename "$dir")
  [ -f "$dir/$name.wat" ] || continue
  names+=("$name")
  node scripts/wat-to-component.mjs "$dir/$name.wat" "$dir" "$name" "$out/$name.component.wasm"
done

(cd "$out" && sha256sum $(printf '%s.component.wasm ' "${names[@]}") > SHA256SUMS)
cat "$out/SHA256SUMS"
