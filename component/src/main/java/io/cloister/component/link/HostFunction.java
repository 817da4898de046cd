package io.cloister.component.link;

import io.cloister.component.values.Value;
import java.util.List;

/**
 * A host implementation of one imported component function. It receives the arguments lifted out
 * of the calling guest and returns the results to lower into it (none, or one value).
 */
@FunctionalInterface
public interface HostFunction {

  /**
   * Runs the function.
   *
   * @param args the lifted arguments, in parameter order
   * @return the results: an empty list for a function without result, otherwise one value
   */
  List<Value> call(List<Value> args);
}
