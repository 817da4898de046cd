package io.cloister.engine.graalwasm;

/** A core module that cannot be compiled: malformed, invalid, unsupported, or over the memory cap. */
public final class WasmCompileException extends WasmException {
  private static final long serialVersionUID = 1L;

  WasmCompileException(String module, String message) {
    super(module, message, null);
  }

  WasmCompileException(String module, String message, Throwable cause) {
    super(module, message, cause);
  }
}
