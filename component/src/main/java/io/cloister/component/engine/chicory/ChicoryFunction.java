package io.cloister.component.engine.chicory;

import com.dylibso.chicory.runtime.ExportFunction;
import com.dylibso.chicory.runtime.Instance;
import com.dylibso.chicory.wasm.types.FunctionType;
import io.cloister.component.engine.CoreFunction;

/** A function {@code source} exports (Chicory needs the instance when the function is imported). */
record ChicoryFunction(FunctionType type, ExportFunction export, Instance source)
    implements CoreFunction {
  @Override
  public long[] call(long... args) {
    return export.apply(args);
  }
}
