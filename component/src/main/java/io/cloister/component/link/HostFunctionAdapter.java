package io.cloister.component.link;

import io.cloister.component.runtime.ComponentFunction;
import io.cloister.component.types.FuncType;
import io.cloister.component.values.Value;
import java.util.List;

/** A {@link HostFunction} seen as a {@link ComponentFunction} of the type the import declares. */
record HostFunctionAdapter(String name, FuncType type, HostFunction function)
    implements ComponentFunction {

  @Override
  public List<Value> call(List<Value> args) {
    return function.call(args);
  }
}
