package io.cloister.component.link;

import io.cloister.component.values.Value;
import java.util.List;

/**
 * A host implementation of one imported component function that reads the calling instance's host
 * state. A {@link Linker} holds one per function for every instance of an app; each instance's own
 * state is passed on each call.
 *
 * @param <T> the per-instance host state
 */
@FunctionalInterface
public interface StatefulHostFunction<T> {

  /**
   * Runs the function.
   *
   * @param state the host state of the instance that called
   * @param args the lifted arguments, in parameter order
   * @return the results: an empty list for a function without result, otherwise one value
   */
  List<Value> call(T state, List<Value> args);
}
