package io.cloister.wasi.link;

import io.cloister.component.link.HostFunction;
import io.cloister.component.values.Value;
import java.util.List;
import java.util.function.Function;

/**
 * A binding body that returns a value (null for none) or fails with a typed exception, for the many
 * WASI functions whose result type is {@code result<T, E>}.
 *
 * @param <E> the exception that stands for {@code err(E)}
 */
@FunctionalInterface
public interface Fallible<E extends Exception> {

  /** Runs the operation. */
  Value run(List<Value> args) throws E;

  /**
   * A host function returning {@code ok(value)} (or {@code ok} for null), or {@code
   * err(lowerError(e))} when {@code body} throws an {@code E}.
   */
  static <E extends Exception> HostFunction toResult(
      Class<E> type, Function<E, Value> lowerError, Fallible<E> body) {
    return a -> {
      try {
        Value v = body.run(a);
        return Results.one(v == null ? Results.ok() : Results.ok(v));
      } catch (Exception e) {
        if (type.isInstance(e)) {
          return Results.one(Results.err(lowerError.apply(type.cast(e))));
        }
        throw e instanceof RuntimeException r ? r : new IllegalStateException(e);
      }
    };
  }
}
