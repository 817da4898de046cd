package io.cloister.component.runtime;

/**
 * How a component's core modules run: compiled to JVM bytecode by the Chicory compiler (functions
 * too big for a JVM method fall back to the interpreter), or interpreted.
 */
public record EngineOptions(boolean compile) {

  /** Compile every core module once (the default). */
  public static EngineOptions compiled() {
    return new EngineOptions(true);
  }

  /** Interpret every core module: no compile cost, slower calls. */
  public static EngineOptions interpreted() {
    return new EngineOptions(false);
  }
}
