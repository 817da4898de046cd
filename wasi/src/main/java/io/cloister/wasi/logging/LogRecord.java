package io.cloister.wasi.logging;

import java.time.Instant;
import java.util.Objects;

/** One line an app logged: when, how severe, in which context, and what. */
public record LogRecord(Instant time, LogLevel level, String context, String message) {
  public LogRecord {
    Objects.requireNonNull(time, "time");
    Objects.requireNonNull(level, "level");
    Objects.requireNonNull(context, "context");
    Objects.requireNonNull(message, "message");
  }
}
