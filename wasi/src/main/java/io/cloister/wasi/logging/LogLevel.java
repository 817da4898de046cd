package io.cloister.wasi.logging;

/** The {@code wasi:logging/logging.level} enum, in the specification's order. */
public enum LogLevel {
  TRACE,
  DEBUG,
  INFO,
  WARN,
  ERROR,
  CRITICAL
}
