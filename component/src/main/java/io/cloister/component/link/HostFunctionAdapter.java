package io.cloister.component.link;

import io.cloister.component.runtime.ComponentFunction;
import io.cloister.component.types.FuncType;
import io.cloister.component.values.Value;
import java.util.List;

/** A host function bound to one instance's state, seen as a {@link ComponentFunction}. */
record HostFunctionAdapter<T>(String name, FuncType type, StatefulHostFunction<T> function, T state)
    implements ComponentFunction {

  @Override
  public List<Value> call(List<Value> args) {
    return function.call(state, args);
  }
}
