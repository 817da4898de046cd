package io.cloister.wasi.cli;

import io.cloister.wasi.clocks.ClockSource;
import io.cloister.wasi.io.Pollable;
import io.cloister.wasi.io.WasiOutputStream;
import io.cloister.wasi.logging.AppLog;
import io.cloister.wasi.logging.LogLevel;
import io.cloister.wasi.logging.LogRecord;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/**
 * stdout or stderr: bytes are cut into lines, each line becomes one record in the app's log. A line
 * longer than {@link #MAX_LINE} is emitted in pieces, so a guest cannot grow the buffer without
 * bound; a partial last line is emitted when the stream is dropped.
 */
public final class LogLineOutputStream extends WasiOutputStream {
  /** The longest line kept before it is emitted as is. */
  public static final int MAX_LINE = 8 * 1024;

  private static final long WRITE_BUDGET = 64 * 1024;

  private final AppLog log;
  private final ClockSource clock;
  private final LogLevel level;
  private final String context;
  private final ByteArrayOutputStream line = new ByteArrayOutputStream();

  /** Lines go to {@code log} with {@code level} and {@code context} ("stdout", "stderr"). */
  public LogLineOutputStream(AppLog log, ClockSource clock, LogLevel level, String context) {
    this.log = log;
    this.clock = clock;
    this.level = level;
    this.context = context;
  }

  @Override
  protected long capacity() {
    return WRITE_BUDGET;
  }

  @Override
  protected synchronized void accept(byte[] bytes) {
    for (byte b : bytes) {
      if (b == '\n') {
        emit();
      } else {
        line.write(b);
        if (line.size() >= MAX_LINE) {
          emit();
        }
      }
    }
  }

  @Override
  public Pollable subscribe() {
    return Pollable.ALWAYS_READY;
  }

  @Override
  public synchronized void close() {
    if (line.size() > 0) {
      emit();
    }
  }

  private void emit() {
    String text = line.toString(StandardCharsets.UTF_8);
    if (text.endsWith("\r")) {
      text = text.substring(0, text.length() - 1);
    }
    line.reset();
    log.record(new LogRecord(clock.wallNow(), level, context, text));
  }
}
