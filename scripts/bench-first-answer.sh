#!/usr/bin/env bash
# Time from starting `./cloister serve` to its first answer, per engine: the JVM's start, compiling
# the component, linking and the first instance, and the first request (a cold engine).
#
# Usage: scripts/bench-first-answer.sh COMPONENT [RUNS (default 3)] [ENGINES (default "chicory graalwasm")]
# Prints one line per run: engine, milliseconds to the first 200 answer of GET /.
set -euo pipefail
cd "$(dirname "$0")/.."
[ $# -ge 1 ] || { sed -n 2,7p "$0" >&2; exit 2; }
component=$1
runs=${2:-3}
engines=${3:-chicory graalwasm}
port=${BENCH_PORT:-18490}
./cloister --help >/dev/null  # builds the CLI first if it is stale
for engine in $engines; do
  for run in $(seq 1 "$runs"); do
    start=$(date +%s%N)
    ./cloister serve "$component" --port "$port" --engine "$engine" >/dev/null 2>&1 &
    pid=$!
    until curl -sf -o /dev/null "http://127.0.0.1:$port/"; do
      kill -0 "$pid" 2>/dev/null || { echo "$engine: the server died" >&2; exit 1; }
      sleep 0.05
    done
    echo "$engine run $run: $(( ($(date +%s%N) - start) / 1000000 )) ms"
    kill "$pid"
    wait "$pid" 2>/dev/null || true
  done
done
