#!/usr/bin/env bash
# Interleaved A/B of two builds of `cloister serve` on one component: both servers run at once
# and wrk measures them in turn, so slow drifts of a shared or noisy machine hit both alike.
# Each side is a directory holding a built cloister.jar and its lib/ (copy cli/target of each
# build, e.g. from a git worktree of the old commit).
#
# Usage: scripts/bench-ab.sh A_DIR B_DIR [COMPONENT (default the JS app)] [WINDOWS (default 10)]
#   BENCH_WINDOW=SECONDS per measurement (default 60); BENCH_PATH=/ the path requested;
#   BENCH_SERVE_ARGS more options for both servers (e.g. --fresh-instances); BENCH_A_ARGS and
#   BENCH_B_ARGS more for one side (e.g. BENCH_B_ARGS="--engine graalwasm", with A = B).
# Prints one line per window and side: time, window, side, requests/s, p99.
# The JVM flags are the launcher's (ADR 0006). Needs wrk.
set -euo pipefail
cd "$(dirname "$0")/.."
[ $# -ge 2 ] || { sed -n 2,10p "$0" >&2; exit 2; }
a=$(cd "$1" && pwd)
b=$(cd "$2" && pwd)
component=${3:-fixtures/http/js-app/build/app.component.wasm}
windows=${4:-10}
window=${BENCH_WINDOW:-60}
path=${BENCH_PATH:-/}
command -v wrk >/dev/null || { echo "wrk is missing: apt-get install -y wrk" >&2; exit 1; }
. scripts/find-jdk.sh
opts="-Xss8m -XX:-DontCompileHugeMethods -XX:MaxNodeLimit=240000 -XX:NodeLimitFudgeFactor=8000"
# GraalWasm's JIT, as the launcher gives it (docs/graalwasm.md), when the build made its folder.
graal_jit=$(pwd)/engine-graalwasm/target/graal-jit
if [ -f "$graal_jit/compiler-25.0.2.jar" ]; then
  opts="$opts -XX:+UnlockExperimentalVMOptions -XX:+EnableJVMCI --upgrade-module-path=$graal_jit"
  opts="$opts --enable-native-access=ALL-UNNAMED --sun-misc-unsafe-memory-access=allow"
fi
logs=$(mktemp -d)
pids=()
trap 'kill "${pids[@]}" 2>/dev/null || true' EXIT
"$JAVA_HOME/bin/java" $opts -jar "$a/cloister.jar" serve "$component" --port 18711 ${BENCH_SERVE_ARGS:-} ${BENCH_A_ARGS:-} >"$logs/a.log" 2>&1 &
pids+=($!)
"$JAVA_HOME/bin/java" $opts -jar "$b/cloister.jar" serve "$component" --port 18712 ${BENCH_SERVE_ARGS:-} ${BENCH_B_ARGS:-} >"$logs/b.log" 2>&1 &
pids+=($!)
for port in 18711 18712; do
  for _ in $(seq 1 600); do
    curl -sf -o /dev/null "http://127.0.0.1:$port$path" && break
    sleep 1
  done
done
echo "servers' output: $logs" >&2
for w in $(seq 1 "$windows"); do
  for side in A B; do
    port=$([ "$side" = A ] && echo 18711 || echo 18712)
    result=$(wrk -t1 -c8 -d"${window}s" --latency "http://127.0.0.1:$port$path" \
      | awk '/Requests\/sec/ {rps = $2} / 99%/ {p99 = $2} END {print rps, p99}')
    echo "$(date -u +%H:%M:%S) window $w $side $result"
  done
done
