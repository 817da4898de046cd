package io.cloister.engine.graalwasm;

/** A failure of the core engine, with the module (and where known, the function) it concerns. */
public abstract class WasmException extends RuntimeException {
  private static final long serialVersionUID = 1L;
  private final String module;

  WasmException(String module, String message, Throwable cause) {
    super(module + ": " + message, cause);
    this.module = module;
  }

  /** The name of the core module concerned, as given to {@link GraalWasmEngine#compile}. */
  public String module() {
    return module;
  }
}
