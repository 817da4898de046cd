#!/usr/bin/env bash
# Builds the JavaScript wasi:http app (fixtures/http/js-app) with the pinned componentize-js
# 0.23.0 into fixtures/http/js-app/build/app.component.wasm (git-ignored: StarlingMonkey's
# output is not byte-reproducible, so tests and .ci/run build it). Skips the build when the
# output is newer than its sources.
set -euo pipefail
cd "$(dirname "$0")/.."

app=fixtures/http/js-app
out=$app/build/app.component.wasm
if [ -f "$out" ] && [ -z "$(find "$app/app.js" "$app/build.mjs" "$app/wit" fixtures/http/wit-deps -newer "$out" 2>/dev/null)" ]; then
  echo "$out is up to date"
  exit 0
fi
[ -x node_modules/.bin/jco ] || npm ci --no-audit --no-fund

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
mkdir -p "$work/wit/deps" "$app/build"
# StarlingMonkey in componentize-js 0.23.0 speaks wasi 0.2.10: the pinned jco's 0.2.12 WIT,
# relabelled 0.2.10 (the interfaces are the same within 0.2.x).
cp -r node_modules/@bytecodealliance/jco/lib/wit/builtin/0.2.12/* "$work/wit/deps/"
find "$work/wit/deps" -name '*.wit' -exec sed -i 's/@0\.2\.12/@0.2.10/g' {} +
cp -r fixtures/http/wit-deps/* "$work/wit/deps/"
cp "$app"/wit/*.wit "$work/wit/"
node "$app/build.mjs" "$work/wit" "$out.tmp"
mv "$out.tmp" "$out"
ls -l "$out"
