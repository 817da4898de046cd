#!/usr/bin/env bash
# Builds the link fixtures: each fixtures/link/<name>/<name>.wat core module gets its WIT world
# embedded and becomes a component (scripts/wat-to-component.mjs, pinned jco's wasm-tools),
# written to fixtures/link/build/<name>.component.wasm, with fixtures/link/build/SHA256SUMS.
# The output is byte-reproducible: rerun and compare with `git diff --exit-code fixtures/link/build`.
#
# WIT, per fixture: the world is fixtures/link/<name>/<name>.wit, except for kinds, whose world
# is component/src/test/wit/test-kinds/kinds.wit (where generators read it too). Its deps are
# the shared packages in fixtures/link/wit-deps (wasi:io@0.2.0, a minimal wasi:http@0.2.0), then
# every package directory in fixtures/link/<name>/ (e.g. wrong-param/wasi-clocks), which replaces
# a shared one of the same name: the wrong-signature fixtures' shadows of real WASI packages are
# used for building that fixture only.
set -euo pipefail
cd "$(dirname "$0")/.."

[ -x node_modules/.bin/jco ] || npm ci --no-audit --no-fund
out=fixtures/link/build
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
mkdir -p "$out"

names=()
for dir in fixtures/link/*/; do
  dir=${dir%/}
  name=$(basename "$dir")
  [ -f "$dir/$name.wat" ] || continue
  case "$name" in
    kinds) world=component/src/test/wit/test-kinds/kinds.wit ;;
    *) world="$dir/$name.wit" ;;
  esac
  names+=("$name")
  wit="$work/$name/wit"
  mkdir -p "$wit/deps"
  cp -r fixtures/link/wit-deps/* "$wit/deps/"
  for pkg in "$dir"/*/; do
    [ -d "$pkg" ] || continue
    pkg=$(basename "$pkg")
    rm -rf "${wit:?}/deps/$pkg"
    cp -r "$dir/$pkg" "$wit/deps/$pkg"
  done
  cp "$world" "$wit/"
  node scripts/wat-to-component.mjs "$dir/$name.wat" "$wit" "$name" "$out/$name.component.wasm"
done

(cd "$out" && sha256sum $(printf '%s.component.wasm ' "${names[@]}") > SHA256SUMS)
cat "$out/SHA256SUMS"
