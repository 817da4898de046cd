package io.cloister.component.types;

import java.util.Objects;
import java.util.Optional;

/** {@code result<T, E>}, either side possibly absent ({@code result}, {@code result<T>}, {@code result<_, E>}). */
public record ResultType(Optional<ValType> ok, Optional<ValType> error) implements ValType {
  public ResultType {
    Objects.requireNonNull(ok, "ok");
    Objects.requireNonNull(error, "error");
  }
}
