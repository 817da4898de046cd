package io.cloister.wasi.logging;

import io.cloister.wasi.link.Args;
import io.cloister.wasi.link.HostDefinitions;
import io.cloister.wasi.link.Results;

/** Binds {@code wasi:logging/logging@0.1.0-draft} to host definitions. */
public final class LoggingLink {
  /** {@code wasi:logging/logging}. */
  public static final String LOGGING = "wasi:logging/logging@0.1.0-draft";

  private LoggingLink() {}

  /** Defines {@code log}. */
  public static void register(HostDefinitions defs, LoggingHost host) {
    defs.function(
        LOGGING,
        "log",
        a -> {
          int level = Args.caseIndex(a.get(0));
          LogLevel[] levels = LogLevel.values();
          if (level < 0 || level >= levels.length) {
            throw new IllegalArgumentException("log level case " + level + " out of range");
          }
          host.log(levels[level], Args.str(a.get(1)), Args.str(a.get(2)));
          return Results.NONE;
        });
  }
}
