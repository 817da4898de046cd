package io.cloister.wasi;

/**
 * A guest broke a rule of a WASI interface that the specification answers with a trap (for example
 * using a resource after its parent was finished, or writing more than {@code check-write}
 * permitted). The binding layer lets it end the current call.
 */
public final class WasiTrap extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /** A trap with a message that names the interface, function and broken rule. */
  public WasiTrap(String message) {
    super(message);
  }

  /** A trap caused by {@code cause}, for example an interrupted wait. */
  public WasiTrap(String message, Throwable cause) {
    super(message, cause);
  }
}
