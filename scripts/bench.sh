#!/bin/sh
# Builds the JMH benchmarks and runs them; arguments go to JMH (e.g. a regex of benchmark names).
# Figures go into docs/benchmarks.md together with this command and the machine it ran on.
set -eu
root=$(cd "$(dirname "$0")/.." && pwd)
. "$root/scripts/find-jdk.sh"
# The shade plugin would otherwise merge into the last shaded jar, whose stale classes win.
rm -f "$root"/bench/target/*benchmarks.jar
(cd "$root" && ./mvnw -q -B -DskipTests package -pl bench -am)
# JMH's forks take these JVM flags too; the JVMCI ones give GraalWasm its JIT (docs/graalwasm.md).
graal_jit="$root/engine-graalwasm/target/graal-jit"
exec "$JAVA_HOME/bin/java" -Xss8m -XX:-DontCompileHugeMethods -XX:MaxNodeLimit=240000 -XX:NodeLimitFudgeFactor=8000 \
  -XX:+UnlockExperimentalVMOptions -XX:+EnableJVMCI --upgrade-module-path="$graal_jit" \
  --enable-native-access=ALL-UNNAMED --sun-misc-unsafe-memory-access=allow \
  -jar "$root/bench/target/benchmarks.jar" "$@"
