package io.cloister.component.runtime;

import com.dylibso.chicory.runtime.Instance;
import com.dylibso.chicory.runtime.WasmFunctionHandle;
import com.dylibso.chicory.wasm.types.FunctionType;

/**
 * An item of the core function index space: its type, how to call it, and the core instance that
 * defines it ({@code null} for canonical built-ins and lowered functions).
 */
record CoreFunc(FunctionType type, WasmFunctionHandle handle, Instance source) {

  long[] call(long... args) {
    return handle.apply(source, args);
  }
}
