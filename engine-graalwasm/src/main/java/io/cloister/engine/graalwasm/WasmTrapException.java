package io.cloister.engine.graalwasm;

/** A guest trap (unreachable, division by zero, out-of-bounds access, stack exhaustion...). */
public final class WasmTrapException extends WasmException {
  private static final long serialVersionUID = 1L;
  private final String function;

  WasmTrapException(String module, String function, String message, Throwable cause) {
    super(module, (function == null ? "" : function + ": ") + message, cause);
    this.function = function;
  }

  /** The export that was called when the trap happened, or null if not known. */
  public String function() {
    return function;
  }
}
