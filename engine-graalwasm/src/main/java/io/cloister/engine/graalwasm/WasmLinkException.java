package io.cloister.engine.graalwasm;

/** An instantiation refused: an import missing or of the wrong kind or type, or a start trap. */
public final class WasmLinkException extends WasmException {
  private static final long serialVersionUID = 1L;

  WasmLinkException(String module, String message, Throwable cause) {
    super(module, message, cause);
  }
}
