package io.cloister.wasi.logging;

import io.cloister.wasi.clocks.ClockSource;

/** {@code wasi:logging/logging@0.1.0-draft}: forwards {@code log} calls to the app's log. */
public final class LoggingHost implements io.cloister.wasi.bindings.wasi.logging.draft.Logging {
  /** Longer contexts and messages are cut to this many characters, marked with an ellipsis. */
  public static final int MAX_CHARS = 16 * 1024;

  private final AppLog log;
  private final ClockSource clock;

  /** Records go to {@code log}, stamped by {@code clock}. */
  public LoggingHost(AppLog log, ClockSource clock) {
    this.log = log;
    this.clock = clock;
  }

  /** {@code log}. */
  public void log(LogLevel level, String context, String message) {
    log.record(new LogRecord(clock.wallNow(), level, cut(context), cut(message)));
  }

  @Override
  public void log(Level level, String context, String message) {
    log(LogLevel.values()[level.ordinal()], context, message);
  }

  static String cut(String s) {
    return s.length() <= MAX_CHARS ? s : s.substring(0, MAX_CHARS) + "…";
  }
}
