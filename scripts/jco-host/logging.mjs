// wasi:logging@0.1.0-draft for `jco serve`: one line per message on stderr, as a host would.
// Used by scripts/bench-http.sh.
export const logging = {
  log(level, context, message) {
    process.stderr.write(`${new Date().toISOString()} ${level} ${context}: ${message}\n`);
  },
};
