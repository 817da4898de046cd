package io.cloister.serve.log;

import io.cloister.wasi.logging.AppLog;
import io.cloister.wasi.logging.LogRecord;
import java.io.PrintStream;
import java.util.Objects;

/**
 * Prints an app's log records on serve's own output, one line each: time (ISO-8601 UTC), level,
 * context and message, e.g. {@code 2026-11-25T15:00:00.123Z INFO stdout: hello}. Line breaks inside
 * a message are escaped so that one record stays one line.
 */
public final class ConsoleAppLog implements AppLog {
  private final PrintStream out;

  /** Records are printed to {@code out}. */
  public ConsoleAppLog(PrintStream out) {
    this.out = Objects.requireNonNull(out, "out");
  }

  @Override
  public void record(LogRecord record) {
    out.println(format(record));
  }

  /** The line printed for {@code record}. */
  public static String format(LogRecord record) {
    return String.format(
        "%s %-8s %s: %s",
        record.time(), record.level(), oneLine(record.context()), oneLine(record.message()));
  }

  private static String oneLine(String s) {
    return s.replace("\r", "\\r").replace("\n", "\\n");
  }
}
