package io.cloister.component.engine;

import com.dylibso.chicory.wasm.types.FunctionType;

/** A core function written in Java. */
record HostCoreFunction(FunctionType type, CoreFunction.Body body) implements CoreFunction {
  @Override
  public long[] call(long... args) {
    return body.apply(args);
  }
}
