package io.cloister.wasi.logging;

/**
 * Where one app's log goes: {@code wasi:logging} calls and the lines written to stdout and stderr.
 * Implementations must be thread-safe (parallel requests log concurrently) and must not block for
 * long (a guest is waiting).
 */
@FunctionalInterface
public interface AppLog {

  /** Takes one record. */
  void record(LogRecord record);
}
