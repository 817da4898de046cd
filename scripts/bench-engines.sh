#!/usr/bin/env bash
# GraalWasm (Graal JIT) against Chicory's compiler on CPU-heavy wasm: warm medians, per-call and
# bulk-memory costs (engine-graalwasm's EngineComparison; figures in docs/graalwasm.md).
# Usage: scripts/bench-engines.sh [warm-up seconds] [measured runs] [workload...]
# Runs a plain `java -cp` launcher with the JIT flags: the layout docs/graalwasm.md describes.
set -euo pipefail
cd "$(dirname "$0")/.."
. scripts/find-jdk.sh
./mvnw -B -q -o -pl engine-graalwasm test-compile dependency:build-classpath \
  -Dmdep.includeScope=test -Dmdep.outputFile=target/test.classpath
m=engine-graalwasm/target
exec "$JAVA_HOME/bin/java" -Xss8m \
  -XX:+UnlockExperimentalVMOptions -XX:+EnableJVMCI --upgrade-module-path="$m/graal-jit" \
  --enable-native-access=ALL-UNNAMED --sun-misc-unsafe-memory-access=allow \
  -cp "$m/test-classes:$m/classes:$(cat "$m/test.classpath")" \
  io.cloister.engine.graalwasm.EngineComparison "$@"
