package io.cloister.wasi.cli;

import io.cloister.wasi.clocks.ClockSource;
import io.cloister.wasi.io.BytePipe;
import io.cloister.wasi.io.WasiInputStream;
import io.cloister.wasi.io.WasiOutputStream;
import io.cloister.wasi.logging.AppLog;
import io.cloister.wasi.logging.LogLevel;

/**
 * {@code wasi:cli/stdin}, {@code stdout} and {@code stderr}: stdin is empty, stdout lines go to the
 * app's log at INFO, stderr lines at ERROR.
 */
public final class StdioHost {
  private final AppLog log;
  private final ClockSource clock;

  /** Output lines go to {@code log}, stamped by {@code clock}. */
  public StdioHost(AppLog log, ClockSource clock) {
    this.log = log;
    this.clock = clock;
  }

  /** {@code get-stdin}: a stream that is at its end. */
  public WasiInputStream getStdin() {
    return new WasiInputStream(BytePipe.empty());
  }

  /** {@code get-stdout}. */
  public WasiOutputStream getStdout() {
    return new LogLineOutputStream(log, clock, LogLevel.INFO, "stdout");
  }

  /** {@code get-stderr}. */
  public WasiOutputStream getStderr() {
    return new LogLineOutputStream(log, clock, LogLevel.ERROR, "stderr");
  }
}
