#!/usr/bin/env bash
# The enclave's figures (docs/benchmarks.md, issue 12), one enclave process on loopback:
#   1. deploy -> first attested response, WAT hello and the JS app (the engine the enclave picks by
#      size, ADR 0012, then the other one)
#   2. requests/s with TLS keep-alive, hello alone in a fresh enclave against `cloister serve --tls`
#   3. 100 hello apps deployed: heap and RSS per idle app, and requests/s spread across all
# Usage: scripts/bench-enclave.sh [DURATION_SECONDS (default 10)] [CONNECTIONS (default 8)]
# Needs wrk. BENCH_APPS (default 100) apps in step 3.
set -euo pipefail
cd "$(dirname "$0")/.."
duration=${1:-10}
connections=${2:-8}
apps=${BENCH_APPS:-100}
. scripts/find-jdk.sh
command -v wrk >/dev/null || { echo "wrk is missing: apt-get install -y wrk" >&2; exit 1; }
scripts/build-js-app.sh >/dev/null
./cloister --help >/dev/null
rm -f bench/target/*benchmarks.jar
./mvnw -q -B -o -DskipTests package -pl bench -am
bench_jar=bench/target/benchmarks.jar
hello=fixtures/http/build/hello.component.wasm
app=fixtures/http/js-app/build/app.component.wasm
work=$(mktemp -d)
pids=()
cleanup() { for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; wait "$p" 2>/dev/null || true; done; rm -rf "$work"; }
trap cleanup EXIT

# start_enclave DIR PORT MPORT: starts an enclave, waits until its management port answers TLS
start_enclave() {
  ./cloister enclave --data-dir "$1" --port "$2" --manage-port "$3" >"$1.log" 2>&1 &
  pids+=($!)
  for _ in $(seq 1 300); do
    if grep -q "management:" "$1.log" 2>/dev/null; then return; fi
    sleep 0.1
  done
  echo "the enclave did not start:" >&2; cat "$1.log" >&2; exit 1
}
jvm_of() { pgrep -f -- "--data-dir $1 " | head -1; }
bench() { "$JAVA_HOME/bin/java" -XX:+UnlockExperimentalVMOptions -XX:+EnableJVMCI \
  --upgrade-module-path=engine-graalwasm/target/graal-jit --enable-native-access=ALL-UNNAMED \
  -cp "$bench_jar" io.cloister.bench.EnclaveBench "$@"; }
measure() { # heap-KiB rss-KiB of JVM $1 after a full GC
  "$JAVA_HOME/bin/jcmd" "$1" GC.run >/dev/null; sleep 2
  echo "$("$JAVA_HOME/bin/jcmd" "$1" GC.heap_info | grep -oE 'used [0-9]+K' | head -1 | grep -oE '[0-9]+') $(awk '/^VmRSS/ {print $2}' "/proc/$1/status")"
}

echo "== 1. deploy -> first attested response"
d=$work/e1; start_enclave "$d" 18443 19443
bench first-answer "$d" https://127.0.0.1:19443 https://127.0.0.1:18443 "$hello" hello
bench first-answer "$d" https://127.0.0.1:19443 https://127.0.0.1:18443 "$hello" hello2 graalwasm
bench first-answer "$d" https://127.0.0.1:19443 https://127.0.0.1:18443 "$app" jsapp
bench first-answer "$d" https://127.0.0.1:19443 https://127.0.0.1:18443 "$app" jsapp2 chicory
kill "${pids[0]}"; wait "${pids[0]}" 2>/dev/null || true

echo "== 2. TLS keep-alive, hello: enclave against cloister serve --tls"
d=$work/e2; start_enclave "$d" 18446 19446
bench first-answer "$d" https://127.0.0.1:19446 https://127.0.0.1:18446 "$hello" hello >/dev/null
wrk -t1 -c"$connections" -d2s https://127.0.0.1:18446/hello/ >/dev/null
echo "enclave: $(wrk -t1 -c"$connections" -d"${duration}s" --latency https://127.0.0.1:18446/hello/ | grep -E 'Requests/sec|99%' | tr -s ' ' | tr '\n' ' ')"
./cloister serve "$hello" --tls --port 18444 >"$work/serve.log" 2>&1 &
pids+=($!)
until curl -skf -o /dev/null https://127.0.0.1:18444/; do sleep 0.1; done
wrk -t1 -c"$connections" -d2s https://127.0.0.1:18444/ >/dev/null
echo "serve --tls: $(wrk -t1 -c"$connections" -d"${duration}s" --latency https://127.0.0.1:18444/ | grep -E 'Requests/sec|99%' | tr -s ' ' | tr '\n' ' ')"

echo "== 3. $apps hello apps"
d=$work/e3; start_enclave "$d" 18445 19445
jvm=$(jvm_of "$d")
read -r heap0 rss0 < <(measure "$jvm")
bench deploy-many "$d" https://127.0.0.1:19445 "$hello" "$apps"
for i in $(seq 0 $((apps - 1))); do curl -skf -o /dev/null "https://127.0.0.1:18445/app-$i/"; done
read -r heap1 rss1 < <(measure "$jvm")
echo "idle apps: heap $(( (heap1 - heap0) / apps )) KiB per app, RSS $(( (rss1 - rss0) / apps )) KiB per app (before: heap $heap0 KiB, RSS $rss0 KiB; after: heap $heap1 KiB, RSS $rss1 KiB)"
cat > "$work/spread.lua" <<LUA
counter = 0
request = function()
  counter = counter + 1
  return wrk.format("GET", "/app-" .. (counter % $apps) .. "/")
end
LUA
wrk -t1 -c"$connections" -d2s -s "$work/spread.lua" https://127.0.0.1:18445/ >/dev/null
echo "spread over $apps apps: $(wrk -t1 -c"$connections" -d"${duration}s" --latency -s "$work/spread.lua" https://127.0.0.1:18445/ | grep -E 'Requests/sec|99%' | tr -s ' ' | tr '\n' ' ')"
