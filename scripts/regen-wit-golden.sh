#!/bin/sh
# Regenerates the golden WIT files that WitPrinter is compared with: for each shared fixture
# component, the output of the pinned `jco wit` (jco 1.35.0 from package.json / package-lock.json).
# Usage: scripts/regen-wit-golden.sh [FIXTURES_DIR]   (default: ../shared/fixtures/components)
set -eu
root=$(cd "$(dirname "$0")/.." && pwd)
fixtures=${1:-"$root/../shared/fixtures/components"}
out="$root/component/src/test/resources/wit"
jco="$root/node_modules/.bin/jco"
if [ ! -x "$jco" ]; then
  (cd "$root" && npm ci --no-audit --no-fund >&2)
fi
version=$("$jco" --version)
if [ "$version" != "1.35.0" ]; then
  echo "regen-wit-golden: expected jco 1.35.0, found $version" >&2
  exit 1
fi
mkdir -p "$out"
for wasm in "$fixtures"/*.wasm; do
  name=$(basename "$wasm" .wasm)
  "$jco" wit "$wasm" -o "$out/$name.wit"
  echo "$out/$name.wit" >&2
done
