package io.cloister.engine.graalwasm;

/**
 * A call stopped from outside: interrupted ({@link CoreStore#interrupt}; the store stays usable)
 * or cancelled ({@link CoreStore#cancel}; the store is closed).
 */
public final class WasmInterruptedException extends WasmException {
  private static final long serialVersionUID = 1L;
  private final boolean cancelled;

  WasmInterruptedException(String module, String function, boolean cancelled, Throwable cause) {
    super(module, function + ": " + (cancelled ? "cancelled" : "interrupted"), cause);
    this.cancelled = cancelled;
  }

  /** True if the store was cancelled (and is now closed), false if the call was interrupted. */
  public boolean cancelled() {
    return cancelled;
  }
}
