#!/usr/bin/env bash
# Re-creates wasi/src/main/wit/, the WIT packages the WASI host serves (the build generates the
# Java host bindings from it), and checks every vendored file against wasi/src/main/wit/SHA256SUMS:
#   - wasi:io, clocks, random, cli, filesystem, sockets, http 0.2.12 and LICENSE.md: copied from
#     the jco pinned in package-lock.json (node_modules/@bytecodealliance/jco/lib/wit/builtin/);
#     run `npm ci` first;
#   - wasi:logging@0.1.0-draft, wasi:keyvalue@0.2.0-draft and @0.2.0-draft2: committed copies of
#     the upstream files (no reachable registry ships them; SOURCES.md names the upstream
#     repository, tag and commit of each), only verified here.
# Running it again changes nothing. Exit status 1 and a message on stderr when something differs.
#
#   scripts/refresh-wit.sh                 copy, then verify everything against SHA256SUMS
#   scripts/refresh-wit.sh --update-sums   after deliberately bumping jco: copy, verify the drafts,
#                                          rewrite the SHA256SUMS lines of the copied files
set -euo pipefail
cd "$(dirname "$0")/.."

update_sums=false
case "${1:-}" in
  "") ;;
  --update-sums) update_sums=true ;;
  *) echo "usage: $0 [--update-sums]" >&2; exit 2 ;;
esac

die() { echo "refresh-wit: $*" >&2; exit 1; }

out=wasi/src/main/wit
sums="$out/SHA256SUMS"
jco=node_modules/@bytecodealliance/jco
wasi_version=0.2.12
wasi_pkgs=(wasi-io wasi-clocks wasi-random wasi-cli wasi-filesystem wasi-sockets wasi-http)
draft_pkgs=(wasi-logging wasi-keyvalue-draft wasi-keyvalue-draft2)
docs=(README.md SOURCES.md SHA256SUMS)

# The jco that package-lock.json pins must be the one installed.
[ -f package-lock.json ] || die "package-lock.json is missing"
pinned=$(sed -n '/"node_modules\/@bytecodealliance\/jco": {/,/}/s/^ *"version": "\([^"]*\)".*/\1/p' \
  package-lock.json | head -n 1)
[ -n "$pinned" ] || die "package-lock.json pins no @bytecodealliance/jco"
[ -f "$jco/package.json" ] || die "$jco is missing: run 'npm ci' first"
installed=$(sed -n 's/^ *"version": "\([^"]*\)".*/\1/p' "$jco/package.json" | head -n 1)
[ "$installed" = "$pinned" ] ||
  die "$jco is version $installed but package-lock.json pins $pinned: run 'npm ci' first"
builtin="$jco/lib/wit/builtin"
for pkg in "${wasi_pkgs[@]}"; do
  [ -f "$builtin/$wasi_version/$pkg/package.wit" ] ||
    die "jco $installed has no $builtin/$wasi_version/$pkg/package.wit"
done

# Nothing but the known packages and documents may be here (the build reads every .wit file).
mkdir -p "$out"
for entry in "$out"/* "$out"/.[!.]*; do
  [ -e "$entry" ] || continue
  name=${entry#"$out"/}
  case " ${wasi_pkgs[*]} ${draft_pkgs[*]} ${docs[*]} LICENSE.md " in
    *" $name "*) ;;
    *) die "unexpected $entry (not a package or document this script knows)" ;;
  esac
done
[ -f "$sums" ] || die "$sums is missing (it pins every vendored file; restore it from git)"

# The WASI 0.2.12 packages and their license, from the pinned jco.
for pkg in "${wasi_pkgs[@]}"; do
  rm -rf "${out:?}/$pkg"
  mkdir "$out/$pkg"
  install -m 0644 "$builtin/$wasi_version/$pkg/package.wit" "$out/$pkg/package.wit"
done
install -m 0644 "$builtin/LICENSE.md" "$out/LICENSE.md"

# The drafts are committed; SHA256SUMS pins them.
for pkg in "${draft_pkgs[@]}"; do
  [ -d "$out/$pkg" ] || die "$out/$pkg is missing: restore it from git (see $out/SOURCES.md)"
done

# Every vendored file, relative to $out, in C order.
vendored() {
  (cd "$out" && find . -type f ! -name README.md ! -name SOURCES.md ! -name SHA256SUMS |
    sed 's|^\./||' | LC_ALL=C sort)
}
copied() { # the files this script copies, as they appear in SHA256SUMS
  case "$1" in
    LICENSE.md) return 0 ;;
  esac
  for pkg in "${wasi_pkgs[@]}"; do
    [ "$1" = "$pkg/package.wit" ] && return 0
  done
  return 1
}

if $update_sums; then
  new=$(mktemp)
  trap 'rm -f "$new"' EXIT
  while read -r f; do
    if copied "$f"; then
      (cd "$out" && sha256sum "$f")
    else
      line=$(awk -v f="$f" '{ p = $0; sub(/^[0-9a-f]+  /, "", p) } p == f { print; exit }' "$sums")
      [ -n "$line" ] || die "$out/$f is not in $sums: drafts are added by hand (see SOURCES.md)"
      echo "$line"
    fi
  done < <(vendored) > "$new"
  cat "$new" > "$sums"
fi

# Verify: the files listed are exactly the files present, and each has its pinned SHA-256.
listed=$(sed 's/^[0-9a-f]*  //' "$sums" | LC_ALL=C sort)
present=$(vendored)
if [ "$listed" != "$present" ]; then
  diff <(echo "$listed") <(echo "$present") |
    sed -n 's/^</  listed, missing:/p; s/^>/  present, unlisted:/p' >&2 || true
  die "the files in $out differ from those $sums lists"
fi
if ! check=$(cd "$out" && LC_ALL=C sha256sum --check --strict --quiet SHA256SUMS 2>&1); then
  failed=$(echo "$check" | sed -n 's/: FAILED$//p')
  [ -n "$failed" ] || { echo "$check" >&2; die "cannot check $sums"; }
  while read -r f; do
    if copied "$f"; then
      echo "  $out/$f: jco $installed's copy differs from $sums" >&2
    else
      echo "  $out/$f: differs from the upstream text SOURCES.md names" >&2
    fi
  done <<< "$failed"
  die "files differ from $sums (drafts must stay the upstream text; after deliberately bumping" \
    "jco: $0 --update-sums, then update README.md)"
fi
