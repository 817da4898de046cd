#!/usr/bin/env bash
# HTTP throughput and latency of wasi:http hosts on loopback, measured with wrk:
#   jco-serve    `jco serve` (pinned jco 1.35.0, Node, preview2-shim)
#   helidon-bare io.cloister.bench.BareHelidonServer, the same bytes with no wasm: the ceiling
#   cloister     `./cloister serve` (when the launcher has the serve command), on Chicory
#   cloister-graalwasm  the same with `--engine graalwasm` (GraalWasm with the Graal JIT)
# on the WAT hello fixture and the JavaScript app (GET /). Prints requests/s and p99 per target.
#
# Usage: scripts/bench-http.sh [DURATION_SECONDS (default 10)] [CONNECTIONS (default 8)]
#   BENCH_WARMUP=SECONDS (default 2) of wrk before each measurement;
#   BENCH_WARMUP_APP=SECONDS (default BENCH_WARMUP) before measuring the JS app instead: on the JVM
#   it needs minutes of traffic before C2 has compiled SpiderMonkey's interpreter loop (ADR 0006).
#   BENCH_ONLY=REGEX measures only the targets whose name matches (e.g. 'hello|bare').
# Needs wrk (apt-get install -y wrk). Figures go into docs/benchmarks-http.md with the machine.
set -euo pipefail
cd "$(dirname "$0")/.."
root=$PWD
duration=${1:-10}
connections=${2:-8}
port=${BENCH_PORT:-18480}
warmup=${BENCH_WARMUP:-2}
app_warmup=${BENCH_WARMUP_APP:-$warmup}

command -v wrk >/dev/null || { echo "wrk is missing: apt-get install -y wrk" >&2; exit 1; }
. scripts/find-jdk.sh
[ -x node_modules/.bin/jco ] || npm ci --no-audit --no-fund
[ -f fixtures/http/build/hello.component.wasm ] || scripts/build-http-fixtures.sh
scripts/build-js-app.sh >/dev/null
rm -f bench/target/*benchmarks.jar  # else shade merges into its last output, stale classes first
./mvnw -q -B -DskipTests package -pl bench -am

hello=fixtures/http/build/hello.component.wasm
app=fixtures/http/js-app/build/app.component.wasm
shims=$root/scripts/jco-host
logs=$(mktemp -d)
server_pid=
stop_server() {
  if [ -n "$server_pid" ]; then
    kill -TERM -- "-$server_pid" 2>/dev/null || true
    wait "$server_pid" 2>/dev/null || true
    server_pid=
  fi
}
trap 'stop_server; rm -rf "$logs"' EXIT

# run NAME URL COMMAND...: starts the server in its own process group, waits until the URL
# answers, warms up, measures, stops it.
results=()
run() {
  local name=$1 url=$2 log
  shift 2
  if [ -n "${BENCH_ONLY:-}" ] && ! [[ $name =~ $BENCH_ONLY ]]; then
    return
  fi
  log=$logs/${name//\//-}
  setsid "$@" >"$log.log" 2>&1 &
  server_pid=$!
  local ready=
  for _ in $(seq 1 240); do
    if curl -sf -o /dev/null "$url"; then ready=1; break; fi
    sleep 0.5
  done
  if [ -z "$ready" ]; then
    echo "$name did not start; its log:" >&2
    tail -20 "$log.log" >&2 || true
    stop_server
    results+=("$(printf '%-26s %12s %12s' "$name" "n/a" "n/a")")
    return
  fi
  wrk -t1 -c"$connections" -d"${run_warmup:-$warmup}s" "$url" >/dev/null
  local out
  out=$(wrk -t1 -c"$connections" -d"${duration}s" --latency "$url")
  local rps p99 errors
  rps=$(awk '/^Requests\/sec:/ {print $2}' <<<"$out")
  p99=$(awk '$1 == "99%" {print $2}' <<<"$out")
  errors=$(awk '/Non-2xx|Socket errors/ {print}' <<<"$out" | tr '\n' ' ')
  results+=("$(printf '%-26s %12s %12s %s' "$name" "$rps" "$p99" "$errors")")
  stop_server
}

jco=(node_modules/.bin/jco serve --host 127.0.0.1 --port "$port")
url=http://127.0.0.1:$port/
run jco-serve/hello "$url" "${jco[@]}" "$hello"
run_warmup=$app_warmup run jco-serve/js-app "$url" "${jco[@]}" --jco-map \
  "wasi:keyvalue/store@0.2.0-draft=$shims/keyvalue.mjs#store" \
  "wasi:keyvalue/atomics@0.2.0-draft=$shims/keyvalue.mjs#atomics" \
  "wasi:logging/logging@0.1.0-draft=$shims/logging.mjs#logging" -- "$app"
run helidon-bare "$url" "$JAVA_HOME/bin/java" -cp bench/target/benchmarks.jar \
  io.cloister.bench.BareHelidonServer "$port"
if ./cloister serve --help 2>/dev/null | grep -q -- --port; then
  run cloister/hello "$url" ./cloister serve "$hello" --port "$port"
  run_warmup=$app_warmup run cloister/js-app "$url" ./cloister serve "$app" --port "$port"
  run cloister-graalwasm/hello "$url" ./cloister serve "$hello" --port "$port" --engine graalwasm
  run_warmup=$app_warmup run cloister-graalwasm/js-app "$url" \
    ./cloister serve "$app" --port "$port" --engine graalwasm
else
  echo "(./cloister has no serve command yet: skipped)" >&2
fi

echo
echo "wrk -t1 -c$connections -d${duration}s --latency after ${warmup}s of warm-up (JS app: ${app_warmup}s), loopback, $(nproc) cores"
printf '%-26s %12s %12s\n' target requests/s p99
for line in "${results[@]}"; do echo "$line"; done
