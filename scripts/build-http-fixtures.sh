#!/usr/bin/env bash
# Builds the wasi:http handler fixtures: each fixtures/http/<name>/<name>.wat core module gets
# the WIT world in fixtures/http/<name>/<name>.wit embedded and becomes a component
# (scripts/wat-to-component.mjs, pinned jco's wasm-tools), written to
# fixtures/http/build/<name>.component.wasm, with fixtures/http/build/SHA256SUMS.
# The output is byte-reproducible: rerun and compare with `git diff --exit-code fixtures/http/build`.
#
# WIT: wasi:http, io, clocks, cli, … come from the pinned jco in node_modules (0.2.12);
# wasi:keyvalue and wasi:logging are the minimal packages in fixtures/http/wit-deps.
set -euo pipefail
cd "$(dirname "$0")/.."

[ -x node_modules/.bin/jco ] || npm ci --no-audit --no-fund
jco_wit=node_modules/@bytecodealliance/jco/lib/wit/builtin/0.2.12
out=fixtures/http/build
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
mkdir -p "$out"

names=()
for dir in fixtures/http/*/; do
  name=$(basename "$dir")
  [ -f "$dir/$name.wat" ] || continue
  names+=("$name")
  wit="$work/$name/wit"
  mkdir -p "$wit/deps"
  cp -r "$jco_wit"/* fixtures/http/wit-deps/* "$wit/deps/"
  cp "$dir/$name.wit" "$wit/"
  node scripts/wat-to-component.mjs "$dir/$name.wat" "$wit" "$name" "$out/$name.component.wasm"
done

(cd "$out" && sha256sum $(printf '%s.component.wasm ' "${names[@]}") > SHA256SUMS)
cat "$out/SHA256SUMS"
