package io.cloister.engine.graalwasm.component;

import com.dylibso.chicory.wasm.types.FunctionType;
import io.cloister.component.engine.CoreFunction;

/** A function a GraalWasm instance exports. */
record GraalWasmFunction(FunctionType type, io.cloister.engine.graalwasm.CoreFunction function)
    implements CoreFunction {
  @Override
  public long[] call(long... args) {
    return function.call(args);
  }
}
