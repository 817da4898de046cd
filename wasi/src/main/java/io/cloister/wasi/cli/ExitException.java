package io.cloister.wasi.cli;

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

  /** The exit status, 0..255. */
  public int status() {
    return status;
  }
}
