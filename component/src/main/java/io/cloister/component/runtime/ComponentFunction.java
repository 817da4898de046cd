package io.cloister.component.runtime;

import io.cloister.component.types.FuncType;
import io.cloister.component.values.Value;
import java.util.List;

/**
 * A component-level function: a guest export lifted by {@code canon lift}, or a host function.
 * Callable from Java with dynamic values.
 */
public interface ComponentFunction {

  /** The function's name, for diagnostics. */
  String name();

  /** The function's type. */
  FuncType type();

  /**
   * Calls the function.
   *
   * @param args one value per parameter, in order
   * @return no value, or the one result
   * @throws ComponentTrapException if the callee traps
   */
  List<Value> call(List<Value> args);
}
