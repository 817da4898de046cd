package io.cloister.enclave.logs;

import io.cloister.enclave.protocol.LogEntry;
import java.util.Locale;

/** How the enclave prints an app's log line on its own output: one line per entry. */
public final class LogLines {
  private LogLines() {}

  /** E.g. {@code 2026-12-04T05:00:00.123Z hello INFO stdout: hi}; line breaks escaped. */
  public static String format(LogEntry e) {
    return e.time()
        + " "
        + e.app()
        + " "
        + e.level().toUpperCase(Locale.ROOT)
        + " "
        + oneLine(e.context())
        + ": "
        + oneLine(e.message());
  }

  private static String oneLine(String s) {
    return s.replace("\r", "\\r").replace("\n", "\\n");
  }
}
