package io.cloister.wasi.cli;

import java.util.Optional;

/**
 * The guest called {@code wasi:cli/exit}: unwinds the current call; whoever invoked the guest
 * catches it and reads {@link #status()}.
 */
public final class ExitException extends RuntimeException {
  private static final long serialVersionUID = 1L;
  private final int status;

  /** An exit with {@code status} (0 success). */
  public ExitException(int status) {
    super("guest exited with status " + status, null, false, false);
    this.status = status;
  }

  /**
   * The exit in {@code thrown} or its causes: the runtime wraps what a host function throws in its
   * own trap exception, so callers of a guest look for the exit this way.
   */
  public static Optional<ExitException> in(Throwable thrown) {
    for (Throwable t = thrown; t != null; t = t.getCause()) {
      if (t instanceof ExitException e) {
        return Optional.of(e);
      }
    }
    return Optional.empty();
  }

  /** The exit status, 0..255. */
  public int status() {
    return status;
  }
}
