#!/usr/bin/env bash
# Memory per pooled instance, per engine: serves COMPONENT, warms it with one connection (one
# pooled instance), measures the server's heap after a full GC and its resident set, then loads it
# with N connections (N pooled instances; the pool keeps up to 4 × cores idle) and measures again.
# The difference over N - 1 is what one more pooled instance costs: its linear memories (on the
# heap on Chicory, off the heap on GraalWasm), tables, host state and engine state.
#
# Usage: scripts/bench-instance-memory.sh COMPONENT [N (default 8)] [ENGINES (default "chicory graalwasm")]
# Env: BENCH_PORT (18491), BENCH_WARMUP seconds of traffic per phase (20), BENCH_PATH (/).
set -euo pipefail
cd "$(dirname "$0")/.."
[ $# -ge 1 ] || { sed -n 2,10p "$0" >&2; exit 2; }
component=$1
n=${2:-8}
engines=${3:-chicory graalwasm}
port=${BENCH_PORT:-18491}
warmup=${BENCH_WARMUP:-20}
url="http://127.0.0.1:$port${BENCH_PATH:-/}"
. scripts/find-jdk.sh
./cloister --help >/dev/null  # builds the CLI first if it is stale

# prints "heap-used-KiB rss-KiB" of the JVM $1 after a full GC
measure() {
  "$JAVA_HOME/bin/jcmd" "$1" GC.run >/dev/null
  sleep 2
  heap=$("$JAVA_HOME/bin/jcmd" "$1" GC.heap_info | grep -oE 'used [0-9]+K' | head -1 | grep -oE '[0-9]+')
  rss=$(awk '/^VmRSS/ {print $2}' "/proc/$1/status")
  echo "$heap $rss"
}

for engine in $engines; do
  ./cloister serve "$component" --port "$port" --engine "$engine" >/dev/null 2>&1 &
  launcher=$!
  until curl -sf -o /dev/null "$url"; do
    kill -0 "$launcher" 2>/dev/null || { echo "$engine: the server died" >&2; exit 1; }
    sleep 0.1
  done
  jvm=$launcher  # ./cloister execs the JVM
  wrk -t1 -c1 -d"${warmup}s" "$url" >/dev/null
  read -r heap1 rss1 < <(measure "$jvm")
  wrk -t1 -c"$n" -d"${warmup}s" "$url" >/dev/null
  read -r heapn rssn < <(measure "$jvm")
  echo "$engine: 1 instance: heap ${heap1} KiB, RSS ${rss1} KiB; $n instances: heap ${heapn} KiB, RSS ${rssn} KiB;" \
    "per further instance: heap $(( (heapn - heap1) / (n - 1) )) KiB, RSS $(( (rssn - rss1) / (n - 1) )) KiB"
  kill "$launcher"
  wait "$launcher" 2>/dev/null || true
done
