package io.cloister.component.engine;

import com.dylibso.chicory.wasm.types.FunctionType;

/**
 * A core function: exported by an instance, or written in Java (the canonical ABI's lowered
 * imports and built-ins). Arguments and results are the flat core values, each in a {@code long}
 * (i32 as its int, f32 and f64 as their raw bits).
 */
public non-sealed interface CoreFunction extends CoreExtern {

  /** The function's core type; null for a built-in the component model does not support. */
  FunctionType type();

  /** Calls the function. */
  long[] call(long... args);

  /** A function written in Java. */
  static CoreFunction host(FunctionType type, Body body) {
    return new HostCoreFunction(type, body);
  }

  /** The body of a function written in Java. */
  @FunctionalInterface
  interface Body {
    /** Runs the function on the flat arguments. */
    long[] apply(long[] args);
  }
}
