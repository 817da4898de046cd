# Sourced by ./mvnw and ./cloister: exports JAVA_HOME pointing at a JDK 21 or newer.
# Cloister is built at Java 21 language level and tested on JDK 25; the machine's default
# java may be older, so look for a newer JDK before Maven or the CLI starts.
cloister_java_major() {
  "$1/bin/java" -XshowSettings:properties -version 2>&1 \
    | sed -n 's/^ *java\.specification\.version = \([0-9]*\).*/\1/p'
}
cloister_find_jdk() {
  if [ -n "${JAVA_HOME-}" ] && [ -x "$JAVA_HOME/bin/java" ]; then
    v=$(cloister_java_major "$JAVA_HOME")
    [ "${v:-0}" -ge 21 ] && return 0
  fi
  for candidate in /usr/lib/jvm/temurin-25-jdk-amd64 /usr/lib/jvm/temurin-2[5-9]* \
      /usr/lib/jvm/*-2[1-9]* /usr/lib/jvm/*; do
    [ -x "$candidate/bin/javac" ] || continue
    v=$(cloister_java_major "$candidate")
    if [ "${v:-0}" -ge 21 ]; then
      JAVA_HOME=$candidate
      export JAVA_HOME
      return 0
    fi
  done
  echo "cloister: no JDK 21 or newer found (set JAVA_HOME to one)" >&2
  return 1
}
case $- in *f*) set +f; cloister_find_jdk; cloister_rc=$?; set -f ;; *) cloister_find_jdk; cloister_rc=$? ;; esac
[ "$cloister_rc" -eq 0 ] || exit 1
