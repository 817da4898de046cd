package io.cloister.component.bind;

import java.util.Objects;

/**
 * A WIT {@code result<T, E>}. A side without payload ({@code result<_, E>}, {@code result<T>}) has
 * type {@link Void} and a null value.
 *
 * @param <T> the ok payload
 * @param <E> the error payload
 */
public sealed interface Result<T, E> {

  /** {@code ok(value)}. */
  record Ok<T, E>(T value) implements Result<T, E> {}

  /** {@code err(error)}. */
  record Err<T, E>(E error) implements Result<T, E> {}

  /** {@code ok(value)}; {@code value} must not be null. */
  static <T, E> Result<T, E> ok(T value) {
    return new Ok<>(Objects.requireNonNull(value, "value"));
  }

  /** {@code ok} without payload. */
  static <E> Result<Void, E> ok() {
    return new Ok<>(null);
  }

  /** {@code err(error)}; {@code error} must not be null. */
  static <T, E> Result<T, E> err(E error) {
    return new Err<>(Objects.requireNonNull(error, "error"));
  }

  /** {@code err} without payload. */
  static <T> Result<T, Void> err() {
    return new Err<>(null);
  }

  /** Whether this is {@code ok}. */
  default boolean isOk() {
    return this instanceof Ok;
  }
}
